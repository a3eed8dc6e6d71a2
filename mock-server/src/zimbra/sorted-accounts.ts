import type { Account } from './model.ts';

// Chunks stay between CHUNK/2 and CHUNK entries, so an insert moves at most CHUNK pointers.
const CHUNK = 1024;

function lowerBound(list: readonly Account[], name: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.name < name) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Accounts sorted by name in chunks: insert and delete cost O(log n + CHUNK) instead of moving the whole
 * array, so CreateAccount stays flat at 100,000 accounts. Readers get a plain array, rebuilt only when
 * something changed since the last read.
 */
export class SortedAccounts {
  #chunks: Account[][] = [];
  #size = 0;
  #flat: Account[] | undefined = [];

  get size(): number {
    return this.#size;
  }

  #chunkFor(name: string): number {
    let lo = 0;
    let hi = this.#chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.#chunks[mid]![0]!.name <= name) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(0, lo);
  }

  insert(account: Account): void {
    this.#flat = undefined;
    this.#size++;
    if (this.#chunks.length === 0) {
      this.#chunks.push([account]);
      return;
    }
    const at = this.#chunkFor(account.name);
    const chunk = this.#chunks[at]!;
    chunk.splice(lowerBound(chunk, account.name), 0, account);
    if (chunk.length > CHUNK) this.#chunks.splice(at + 1, 0, chunk.splice(CHUNK / 2));
  }

  /** Removes this very account object; false when it is not in the list. */
  remove(account: Account): boolean {
    if (this.#chunks.length === 0) return false;
    const at = this.#chunkFor(account.name);
    const chunk = this.#chunks[at]!;
    const i = lowerBound(chunk, account.name);
    if (chunk[i] !== account) return false;
    chunk.splice(i, 1);
    if (chunk.length === 0) this.#chunks.splice(at, 1);
    this.#size--;
    this.#flat = undefined;
    return true;
  }

  /** Replaces the content with accounts in any order (bulk seeding: one sort). */
  reset(accounts: Account[]): void {
    accounts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.#chunks = [];
    for (let i = 0; i < accounts.length; i += CHUNK / 2) this.#chunks.push(accounts.slice(i, i + CHUNK / 2));
    this.#size = accounts.length;
    this.#flat = undefined;
  }

  /** Every account, sorted by name (a shared array: do not change it). */
  toArray(): readonly Account[] {
    if (this.#flat === undefined) this.#flat = this.#chunks.flat();
    return this.#flat;
  }
}
