/**
 * Accounts per domain and COS key, kept up to date on every insert, delete and COS change, so CountAccount
 * and the slot checks of CreateAccount cost O(number of COSes) instead of a pass over the domain. The key is
 * the account's explicit `zimbraCOSId`, or '' for "the domain's default COS" (resolved when read, since the
 * domain's default may change).
 */
export class CosCounts {
  readonly #byDomain = new Map<string, Map<string, number>>();

  add(domain: string, key: string | undefined, delta: number): void {
    if (key === undefined) return;
    let counts = this.#byDomain.get(domain);
    if (counts === undefined) {
      counts = new Map();
      this.#byDomain.set(domain, counts);
    }
    const next = (counts.get(key) ?? 0) + delta;
    if (next === 0) counts.delete(key);
    else counts.set(key, next);
  }

  /** The raw counts of a domain by key ('' = default COS). */
  of(domain: string): ReadonlyMap<string, number> {
    return this.#byDomain.get(domain) ?? new Map();
  }

  clear(): void {
    this.#byDomain.clear();
  }
}
