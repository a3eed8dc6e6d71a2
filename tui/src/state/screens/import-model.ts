// What the Import screen shows: view models the import service builds from the SDK's bulk engine.
import type { OutcomeKind } from '@casella/sdk';

/** The file formats the engine reads. */
export type ImportFormat = 'csv' | 'ndjson';

/** The folder a relative path is read from, and the import files found in it. */
export interface ImportSetup {
  readonly cwd: string;
  /** CSV and NDJSON files of `cwd`, sorted, at most a screenful of them. */
  readonly files: readonly string[];
}

/** Why a row is refused or differs: the rule broken (translated when the catalogue knows it) and where. */
export interface ImportReason {
  readonly line: number;
  /** The column at fault; undefined for the whole row. */
  readonly column: string | undefined;
  /** The engine's rule id (`email`, `duplicate`, `noSuchType`, `zimbraPasswordMinLength`…). */
  readonly rule: string;
  /** The engine's own sentence (English), shown when the catalogue has no words for the rule. */
  readonly message: string;
}

/** The dry run's verdict on one row. */
export interface PreviewRow {
  readonly line: number;
  readonly address: string;
  /** `write` (will be created) or the outcome known without a write. */
  readonly verdict: 'write' | OutcomeKind;
  readonly reasons: readonly ImportReason[];
  /** For `conflict`: the columns whose values differ from the server's. */
  readonly differences: readonly string[];
  /** The backend's code when the server's state refuses the row. */
  readonly code: string | undefined;
  /** The verdict comes from the journal of the run being resumed. */
  readonly resumed: boolean;
}

/** Rows that would add mailboxes of one type (or, `type` null, of all types) against the free slots. */
export interface CapacityLine {
  readonly domain: string;
  readonly type: string | null;
  /** Rows that would create a mailbox of this type. */
  readonly rows: number;
  /** Free slots now; null when unlimited. */
  readonly free: number | null;
  readonly used: number;
  readonly max: number | null;
  /** True when the rows do not fit: the run is refused before any write. */
  readonly short: boolean;
}

/** An earlier run of the same file that stopped before every row had an outcome. */
export interface UnfinishedJob {
  /** Rows with an outcome in the journal. */
  readonly done: number;
  readonly total: number;
}

/** The dry run of a file: what a run would do, and whether it may go ahead. */
export interface ImportPreview {
  /** The file, as an absolute path. */
  readonly path: string;
  readonly format: ImportFormat;
  readonly total: number;
  /** Rows that would be written. */
  readonly writes: number;
  /** True when the run may go ahead: no refused row and enough capacity. */
  readonly ok: boolean;
  readonly rows: readonly PreviewRow[];
  readonly capacity: readonly CapacityLine[];
  /** Problems of the file itself (bad CSV, unknown column) that no row verdict carries. */
  readonly fileIssues: readonly ImportReason[];
  /** Set when the file's job has unfinished rows: confirming resumes it. */
  readonly unfinished: UnfinishedJob | null;
  /** Rows to be written without a password: one is generated for each, into `passwordFile`. */
  readonly generated: number;
  /** The 0600 file next to the input that receives generated passwords; null when none is needed. */
  readonly passwordFile: string | null;
}

/** Live figures of a running import. */
export interface ImportProgress {
  readonly done: number;
  readonly total: number;
  /** Rows per second since the writes started. */
  readonly rate: number;
  /** Estimated time left in ms; undefined before the first batch settles. */
  readonly etaMs: number | undefined;
}

/** A row that did not end as the file asks: refused, conflict or failed, with the backend's code. */
export interface ImportProblem {
  readonly line: number;
  readonly address: string;
  readonly kind: OutcomeKind;
  readonly code: string | undefined;
  readonly differences: readonly string[];
}

/** How an import ended. */
export interface ImportResult {
  readonly path: string;
  readonly total: number;
  readonly counts: Readonly<Record<OutcomeKind, number>>;
  readonly problems: readonly ImportProblem[];
  /** True when it was stopped: rows without an outcome can be resumed. */
  readonly aborted: boolean;
  /** Where generated passwords were written; null when none was. */
  readonly passwordFile: string | null;
  /** Row writes sent (0 for a re-run of a file already imported). */
  readonly writes: number;
}

/** What the job runner needs to start an import the preview accepted. */
export interface ImportJob {
  readonly path: string;
  readonly format: ImportFormat;
  readonly resume: boolean;
  /** Rows without a password get a generated one, written to `passwordFile`. */
  readonly passwordFile: string | null;
}
