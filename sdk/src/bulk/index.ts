// The bulk engine: rows in → pre-flight → BatchRequests → read-back of unclear answers → outcomes out.

export { BulkAbortedError } from './aborted-error.ts';
export type { BulkRows, PreflightOptions } from './bulk.ts';
export { Bulk, createBulk } from './bulk.ts';
export type { CsvOptions } from './csv.ts';
export { parseRowsCsv } from './csv.ts';
export type {
  BulkJournal,
  BulkJournalBase,
  BulkJournalEntry,
  BulkJournalIntent,
  BulkJournalOutcome,
} from './journal.ts';
export { MemoryJournal } from './journal.ts';
export { parseRowsNdjson } from './ndjson.ts';
export type {
  BulkRunOptions,
  CreateOptions,
  DeleteOptions,
  GeneratedPasswordSink,
  SetPasswordsOptions,
} from './options.ts';
export { BULK_DEFAULTS } from './options.ts';
export type { BulkOperation, BulkOutcome, BulkProgress, BulkSummary, OutcomeKind } from './outcomes.ts';
export { OUTCOME_KINDS } from './outcomes.ts';
export type { GeneratePasswordOptions } from './password-generator.ts';
export { generatePassword } from './password-generator.ts';
export { parseQuota } from './quota.ts';
export type { CapacityShortfall, PreflightReport, RowVerdict } from './report.ts';
export { BulkRefusedError, describeShortfall } from './report.ts';
export type { RowIssue } from './row-issue.ts';
export { BulkInputError, describeIssue } from './row-issue.ts';
export type { BulkColumn, BulkRow } from './rows.ts';
export { BULK_COLUMNS } from './rows.ts';
export { BulkRun } from './run.ts';
export type { BulkTextInput } from './text-input.ts';
