import { sleep } from './retry.ts';

/** A token bucket over rows: at most `perSecond` rows start per second, with one second of burst. */
export class RateLimiter {
  readonly #perSecond: number;
  #tokens: number;
  #last = Date.now();

  constructor(perSecond: number | undefined) {
    this.#perSecond = perSecond ?? Number.POSITIVE_INFINITY;
    this.#tokens = this.#perSecond;
  }

  /** Waits until `n` rows may start (returns early when `signal` aborts). */
  async take(n: number, signal?: AbortSignal): Promise<void> {
    if (this.#perSecond === Number.POSITIVE_INFINITY) return;
    for (;;) {
      const now = Date.now();
      this.#tokens = Math.min(this.#perSecond, this.#tokens + ((now - this.#last) / 1000) * this.#perSecond);
      this.#last = now;
      // A batch larger than the bucket goes once the bucket is full, not never.
      const need = Math.min(n, this.#perSecond);
      if (this.#tokens >= need || signal?.aborted) {
        this.#tokens -= need;
        return;
      }
      await sleep(((need - this.#tokens) / this.#perSecond) * 1000, signal);
    }
  }
}
