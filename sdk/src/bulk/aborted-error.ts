import { CasellaError } from '../errors/index.ts';
import type { BulkSummary } from './outcomes.ts';

/**
 * The run stopped at its AbortSignal after the batches in flight settled. Code `ABORTED`; `summary`
 * counts what was done. Rows without an outcome are picked up by a run with `resume: true`.
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
