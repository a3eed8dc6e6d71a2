import type { CasellaError } from '../errors/index.ts';
import type { RowIssue } from './row-issue.ts';

/** The four bulk operations. */
export type BulkOperation = 'create' | 'modify' | 'setPassword' | 'delete';

/**
 * What happened to one row:
 * - `created`, `updated`, `deleted`: this run (or the run it resumes) made the change;
 * - `alreadyPresent`: an account matching the row was there already (create), nothing written;
 * - `unchanged`: the account already had the row's values (modify), nothing written;
 * - `absent`: the account was already gone (delete), nothing written;
 * - `conflict`: an account with that address exists and differs from the row; it was never modified;
 * - `refused`: the input or the server refused the row (`error` says why, with the backend's code);
 * - `failed`: the outcome could not be established after every attempt (`error` is the last one).
 */
export type OutcomeKind =
  | 'created'
  | 'alreadyPresent'
  | 'updated'
  | 'unchanged'
  | 'deleted'
  | 'absent'
  | 'conflict'
  | 'refused'
  | 'failed';

/** Every outcome kind, in report order. */
export const OUTCOME_KINDS: readonly OutcomeKind[] = [
  'created',
  'alreadyPresent',
  'updated',
  'unchanged',
  'deleted',
  'absent',
  'conflict',
  'refused',
  'failed',
];

/** One row's outcome. Never carries a password. */
export interface BulkOutcome {
  /** The operation of the run. */
  readonly operation: BulkOperation;
  /** The row's line in the input. */
  readonly line: number;
  /** The row's address, lower-cased. */
  readonly address: string;
  /** What happened. */
  readonly kind: OutcomeKind;
  /** For `refused` and `failed`: the typed error (a ZimbraFault keeps the backend's code). */
  readonly error?: CasellaError | undefined;
  /** For `refused` by pre-flight: the row's issues (line, column, rule). */
  readonly issues?: readonly RowIssue[] | undefined;
  /** For `conflict`: the columns whose values differ from the directory's. */
  readonly differences?: readonly string[] | undefined;
  /** Writes sent for this row in this run (0 when pre-flight or the journal settled it). */
  readonly attempts: number;
  /** True when the outcome was settled by a read-back after a lost or unclear answer. */
  readonly readBack: boolean;
  /** True when the outcome comes from the journal of the run this one resumes. */
  readonly resumed: boolean;
}

/** A progress report, sent after each batch settles. */
export interface BulkProgress {
  /** The operation of the run. */
  readonly operation: BulkOperation;
  /** Rows in the input. */
  readonly total: number;
  /** Rows with an outcome so far. */
  readonly done: number;
  /** Outcomes so far, by kind. */
  readonly counts: Readonly<Record<OutcomeKind, number>>;
  /** Since the run started. */
  readonly elapsedMs: number;
  /** Rows per second since the writes started. */
  readonly rate: number;
  /** Estimated time left, or undefined before the first batch settles. */
  readonly etaMs: number | undefined;
}

/** What a run did, once it ends. */
export interface BulkSummary {
  /** The operation of the run. */
  readonly operation: BulkOperation;
  /** The job id in the journal (resume with it). */
  readonly jobId: string;
  /** Rows in the input. */
  readonly total: number;
  /** Outcomes by kind. */
  readonly counts: Readonly<Record<OutcomeKind, number>>;
  /** Requests the engine sent: BatchRequests of writes, rows written (attempts), read-backs. */
  readonly requests: {
    /** BatchRequests of writes sent. */
    readonly batches: number;
    /** Row writes sent (attempts). */
    readonly writes: number;
    /** Accounts read back after an unclear answer. */
    readonly readBacks: number;
  };
  /** Wall time of the run, pre-flight included. */
  readonly elapsedMs: number;
  /** True when the run stopped at its AbortSignal; rows without an outcome can be resumed. */
  readonly aborted: boolean;
}

/** Zeroed counters. */
export function emptyCounts(): Record<OutcomeKind, number> {
  return Object.fromEntries(OUTCOME_KINDS.map((k) => [k, 0])) as Record<OutcomeKind, number>;
}
