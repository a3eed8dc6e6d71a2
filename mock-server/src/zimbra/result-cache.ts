/**
 * A few recent result lists, valid for one store version: paging through 100,000 accounts filters and sorts
 * once, then each page is a slice.
 */
export class ResultCache<T> {
  readonly #entries = new Map<string, { version: number; list: T[] }>();
  readonly #size: number;

  constructor(size = 16) {
    this.#size = size;
  }

  get(key: string, version: number, build: () => T[]): T[] {
    const hit = this.#entries.get(key);
    if (hit && hit.version === version) {
      // Move to the back: the Map's order is the eviction order.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit.list;
    }
    const list = build();
    this.#entries.delete(key);
    this.#entries.set(key, { version, list });
    while (this.#entries.size > this.#size) this.#entries.delete(this.#entries.keys().next().value as string);
    return list;
  }

  clear(): void {
    this.#entries.clear();
  }
}
