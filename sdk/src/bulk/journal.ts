import type { BulkOperation, OutcomeKind } from './outcomes.ts';

/**
 * One journal entry. `intent` is appended before a row's write is sent, `outcome` once it is known:
 * an intent without an outcome is a write whose answer may have been lost. No entry ever holds a
 * password or token.
 */
export type BulkJournalEntry =
  | {
      readonly type: 'intent';
      readonly jobId: string;
      readonly at: string;
      readonly server: string;
      readonly admin: string;
      readonly operation: BulkOperation;
      readonly line: number;
      readonly target: string;
    }
  | {
      readonly type: 'outcome';
      readonly jobId: string;
      readonly at: string;
      readonly server: string;
      readonly admin: string;
      readonly operation: BulkOperation;
      readonly line: number;
      readonly target: string;
      readonly outcome: OutcomeKind;
      /** The backend's code (or Casella's) for `refused` and `failed`. */
      readonly code?: string | undefined;
    };

/**
 * Where a run records what it does, so that an interrupted run can resume. The SDK does no file I/O:
 * the command line stores entries as NDJSON; {@link MemoryJournal} keeps them in memory for tests.
 */
export interface BulkJournal {
  /** Appends entries in order; the engine waits for this before sending the writes they announce. */
  append(entries: readonly BulkJournalEntry[]): void | Promise<void>;
  /** Every entry of a job, oldest first (for resume). */
  read(jobId: string): Iterable<BulkJournalEntry> | AsyncIterable<BulkJournalEntry>;
}

/**
 * A journal held in memory.
 * @example
 * const journal = new MemoryJournal();
 * await collect(bulk.create(rows, { journal, signal }));   // aborted half-way
 * await collect(bulk.create(rows, { journal, resume: true }));
 */
export class MemoryJournal implements BulkJournal {
  readonly entries: BulkJournalEntry[] = [];

  append(entries: readonly BulkJournalEntry[]): void {
    this.entries.push(...entries);
  }

  read(jobId: string): BulkJournalEntry[] {
    return this.entries.filter((e) => e.jobId === jobId);
  }
}
