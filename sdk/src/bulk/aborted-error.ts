import { CasellaError } from '../errors/index.ts';
import type { BulkSummary } from './outcomes.ts';

/**
 * The run stopped at its AbortSignal: the batch and reads in flight were cut at once. Code `ABORTED`;
 * `summary` counts what was done. Rows without an outcome (those of a cut batch included: their writes
 * may or may not have happened) are picked up by a run with `resume: true`, which reads them back first.
 */
export class BulkAbortedError extends CasellaError {
  override name = 'BulkAbortedError';
  /** What the run did before it stopped. */
  readonly summary: BulkSummary;

  constructor(summary: BulkSummary, cause: unknown) {
    const done = Object.values(summary.counts).reduce((a, b) => a + b, 0);
    super('ABORTED', `the run was stopped with ${done} of ${summary.total} rows done`, { cause });
    this.summary = summary;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), summary: this.summary };
  }
}
