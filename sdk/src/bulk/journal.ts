import type { BulkOperation, OutcomeKind } from './outcomes.ts';

/** What every journal entry says: which job, when, on which server, as whom, about which row. */
export interface BulkJournalBase {
  /** The job the entry belongs to (see `BulkRunOptions.jobId`). */
  readonly jobId: string;
  /** When, as an ISO 8601 timestamp. */
  readonly at: string;
  /** The server's base URL. */
  readonly server: string;
  /** The admin the run acts as. */
  readonly admin: string;
  /** The operation of the run. */
  readonly operation: BulkOperation;
  /** The row's line in the input. */
  readonly line: number;
  /** The row's address. */
  readonly target: string;
}

/** Appended before a row's write is sent. */
export interface BulkJournalIntent extends BulkJournalBase {
  /** Marks an intent. */
  readonly type: 'intent';
}

/** Appended once a row's outcome is known. */
export interface BulkJournalOutcome extends BulkJournalBase {
  /** Marks an outcome. */
  readonly type: 'outcome';
  /** What happened to the row. */
  readonly outcome: OutcomeKind;
  /** The backend's code (or Casella's) for `refused` and `failed`. */
  readonly code?: string | undefined;
}

/**
 * One journal entry. An `intent` without a later `outcome` is a write whose answer may have been lost.
 * No entry ever holds a password or token.
 */
export type BulkJournalEntry = BulkJournalIntent | BulkJournalOutcome;

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
  /** Every entry appended, oldest first. */
  readonly entries: BulkJournalEntry[] = [];

  append(entries: readonly BulkJournalEntry[]): void {
    this.entries.push(...entries);
  }

  read(jobId: string): BulkJournalEntry[] {
    return this.entries.filter((e) => e.jobId === jobId);
  }
}
