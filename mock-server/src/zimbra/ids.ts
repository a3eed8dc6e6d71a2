// Byte → two hex digits, built once: ids are made 100,000 at a time by the bulk seed.
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Deterministic UUID-shaped ids: the same seed gives the same sequence, so `reset()` brings back the
 * same ids. Fast enough for 100,000 accounts (no hashing).
 */
export class IdGenerator {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  // splitmix32: tiny, well-mixed, deterministic.
  #next(): number {
    this.#state = (this.#state + 0x9e3779b9) | 0;
    let z = this.#state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }

  #hex(): string {
    const n = this.#next();
    return HEX[n >>> 24]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
  }

  /** Next id, shaped like a version 4 UUID. */
  uuid(): string {
    const a = this.#hex();
    const b = this.#hex();
    const c = this.#hex();
    const d = this.#hex();
    const variant = '89ab'[Number.parseInt(c[0]!, 16) & 3]!;
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }
}
