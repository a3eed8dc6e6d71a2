import { CasellaError } from '../errors/index.ts';
import type { BulkOutcome, BulkSummary } from './outcomes.ts';

/**
 * A bulk run: iterate it for the outcomes as rows settle; `summary()` resolves when it ends (and runs
 * it to the end when nobody iterates). Work starts at the first read, not before.
 * @example
 * const run = bulk.create(parseRowsCsv(file));
 * for await (const outcome of run) if (outcome.kind === 'conflict') console.warn(outcome.address);
 * const { counts } = await run.summary();
 */
export class BulkRun implements AsyncIterable<BulkOutcome> {
  readonly #generator: AsyncGenerator<BulkOutcome, BulkSummary, undefined>;
  #started = false;
  #result: Promise<BulkSummary> | undefined;
  #resolve!: (summary: BulkSummary) => void;
  #reject!: (error: unknown) => void;
  readonly #done: Promise<BulkSummary>;

  /** @internal */
  constructor(generator: AsyncGenerator<BulkOutcome, BulkSummary, undefined>) {
    this.#generator = generator;
    this.#done = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // A summary nobody asked for must not become an unhandled rejection.
    this.#done.catch(() => undefined);
  }

  /** The outcomes, as rows settle; a run can be iterated once. */
  async *[Symbol.asyncIterator](): AsyncGenerator<BulkOutcome, void, undefined> {
    if (this.#started) throw new TypeError('a bulk run can be iterated only once');
    this.#started = true;
    let done = false;
    try {
      for (;;) {
        const step = await this.#generator.next();
        if (step.done) {
          done = true;
          this.#resolve(step.value);
          return;
        }
        yield step.value;
      }
    } catch (error) {
      done = true;
      this.#reject(error);
      throw error;
    } finally {
      if (!done) {
        // The consumer stopped reading: stop sending, let the batches in flight settle (and be journaled).
        await this.#generator.return(undefined as never);
        this.#reject(new CasellaError('STOPPED', 'the run was stopped: its outcomes were no longer read'));
      }
    }
  }

  /** The run's summary once it has ended; rejects as the run does (BulkRefusedError, BulkAbortedError, …). */
  summary(): Promise<BulkSummary> {
    if (!this.#started) {
      this.#result ??= (async () => {
        for await (const _ of this) {
          // Drained for the summary only.
        }
        return this.#done;
      })();
      return this.#result;
    }
    return this.#done;
  }
}
