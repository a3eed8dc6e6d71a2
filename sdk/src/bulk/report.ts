import { CasellaError } from '../errors/index.ts';
import type { BulkOperation, OutcomeKind } from './outcomes.ts';
import { describeIssue, type RowIssue } from './row-issue.ts';

/** Pre-flight's verdict on one row: it will be written, or its outcome is known without a write. */
export interface RowVerdict {
  /** The row's line in the input. */
  readonly line: number;
  /** The row's address (as given when it is not an address). */
  readonly address: string;
  /** `write`, or the outcome known without a write (`alreadyPresent`, `conflict`, `refused`, …). */
  readonly verdict: 'write' | OutcomeKind;
  /** Why the row is refused: its line, column and rule. */
  readonly issues?: readonly RowIssue[] | undefined;
  /** For `conflict`: the columns whose values differ from the directory's. */
  readonly differences?: readonly string[] | undefined;
  /** For a row refused by what the directory holds (e.g. `account.NO_SUCH_ACCOUNT` for modify). */
  readonly code?: string | undefined;
  /** The outcome comes from the journal of the run being resumed. */
  readonly resumed?: boolean | undefined;
}

/** Not enough free mailbox slots for the rows: of one type, or (`type` undefined) in the whole domain. */
export interface CapacityShortfall {
  /** The domain whose slots are short. */
  readonly domain: string;
  /** The type (COS name); undefined for the domain's overall limit (`zimbraDomainMaxAccounts`). */
  readonly type: string | undefined;
  /** Mailboxes the rows would add. */
  readonly needed: number;
  /** Free slots now. */
  readonly free: number;
  /** Mailboxes that exist now. */
  readonly used: number;
  /** The limit; null when there is none. */
  readonly max: number | null;
}

/** What pre-flight found, before any write: the dry run's answer. */
export interface PreflightReport {
  /** The operation checked. */
  readonly operation: BulkOperation;
  /** The job id a run of these rows gets (and resumes by). */
  readonly jobId: string;
  /** Rows read. */
  readonly total: number;
  /** True when the run may go ahead: no refused row and enough capacity. */
  readonly ok: boolean;
  /** Rows that would be written. */
  readonly writes: number;
  /** Every row issue, with its line and column. */
  readonly issues: readonly RowIssue[];
  /** Every capacity shortfall, with the numbers. */
  readonly capacity: readonly CapacityShortfall[];
  /** One verdict per row, in input order. */
  readonly verdicts: readonly RowVerdict[];
}

/** Formats a shortfall: `example.com: 50 Professional mailboxes needed, 3 free (7 of 10 used)`. */
export function describeShortfall(s: CapacityShortfall): string {
  const what = s.type === undefined ? 'mailboxes in all' : `${s.type} mailboxes`;
  const limit = s.max === null ? `${s.used} used` : `${s.used} of ${s.max} used`;
  return `${s.domain}: ${s.needed} ${what} needed, ${s.free} free (${limit})`;
}

/**
 * Pre-flight refused the run: nothing was written. Code `BULK_REFUSED`; `report` holds every row issue
 * (line, column, rule) and capacity shortfall (with the numbers).
 */
export class BulkRefusedError extends CasellaError {
  override name = 'BulkRefusedError';
  /** Pre-flight's findings: every row issue and capacity shortfall. */
  readonly report: PreflightReport;

  constructor(report: PreflightReport) {
    const lines = [...report.capacity.map(describeShortfall), ...report.issues.map(describeIssue)];
    const shown = lines.slice(0, 5).join('; ');
    const more = lines.length > 5 ? ` and ${lines.length - 5} more` : '';
    super('BULK_REFUSED', `nothing was written: ${shown}${more}`);
    this.report = report;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.report.issues, capacity: this.report.capacity };
  }
}
