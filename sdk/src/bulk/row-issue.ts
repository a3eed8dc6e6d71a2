import { CasellaError } from '../errors/index.ts';

/** One problem with one row of the input: where it is and which rule it breaks. */
export interface RowIssue {
  /** 1-based line of the file (or position of the row given by code). */
  readonly line: number;
  /** The column at fault (`address`, `quota`, …), or undefined for a row that cannot be read at all. */
  readonly column: string | undefined;
  /** Short rule id, e.g. `email`, `duplicate`, `noSuchDomain`, `zimbraPasswordMinLength`. */
  readonly rule: string;
  /** A sentence for humans; never contains a password. */
  readonly message: string;
}

/** Formats an issue as `line 4, column quota: must be bytes or a size like 2GB (quota)`. */
export function describeIssue(issue: RowIssue): string {
  const where =
    issue.column === undefined ? `line ${issue.line}` : `line ${issue.line}, column ${issue.column}`;
  return `${where}: ${issue.message} (${issue.rule})`;
}

/**
 * A bulk input file could not be read (bad CSV, a line that is not JSON, an unknown column). Code
 * `BULK_INPUT`; `issues` name the line and column.
 */
export class BulkInputError extends CasellaError {
  override name = 'BulkInputError';
  /** Every problem found, with its line and column. */
  readonly issues: readonly RowIssue[];

  constructor(issues: readonly RowIssue[], options: { cause?: unknown } = {}) {
    super('BULK_INPUT', issues.map(describeIssue).join('; ') || 'unreadable input', options);
    this.issues = issues;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}
