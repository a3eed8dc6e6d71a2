/** An unbounded queue between producers (the workers) and one async consumer. */
export class Channel<T> {
  readonly #items: T[] = [];
  #waiting: (() => void) | undefined;
  #closed = false;
  #error: unknown;

  push(item: T): void {
    this.#items.push(item);
    this.#wake();
  }

  /** Ends the stream; with `error`, the consumer's next read throws it after the queued items. */
  close(error?: unknown): void {
    this.#closed = true;
    this.#error = error;
    this.#wake();
  }

  #wake(): void {
    const w = this.#waiting;
    this.#waiting = undefined;
    w?.();
  }

  async *drain(): AsyncGenerator<T, void, undefined> {
    for (;;) {
      while (this.#items.length > 0) yield this.#items.shift() as T;
      if (this.#closed) {
        if (this.#error !== undefined) throw this.#error;
        return;
      }
      await new Promise<void>((resolve) => {
        this.#waiting = resolve;
      });
    }
  }
}

/** Wakes every waiter at once: workers waiting for requeued rows. */
export class Signal {
  #waiters: (() => void)[] = [];

  wait(): Promise<void> {
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  notify(): void {
    const all = this.#waiters;
    this.#waiters = [];
    for (const w of all) w();
  }
}
