import { ACCOUNT_STATUSES, type AccountStatus } from '../zimbra/index.ts';
import { parseQuota } from './quota.ts';
import type { RowIssue } from './row-issue.ts';
import { BULK_COLUMNS, type BulkRow, type CheckedRow } from './rows.ts';

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
// The same syntax the SDK's operations accept: local@domain, no character LDAP or SMTP cannot carry.
const ADDRESS = new RegExp(`^[A-Za-z0-9!#$%&'*+/=?^_\`{|}~.-]{1,64}@${LABEL}(?:\\.${LABEL})+$`);
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Status verbs of the panel, mapped to `zimbraAccountStatus`. */
const STATUS_VERBS: Record<string, AccountStatus> = {
  lock: 'locked',
  unlock: 'active',
  close: 'closed',
  reactivate: 'active',
};

/** Which columns an operation needs, and which it may not have. */
export interface RowRules {
  readonly passwordRequired: boolean;
}

function text(row: BulkRow, column: 'givenName' | 'sn' | 'displayName' | 'type' | 'password' | 'status') {
  const value = row[column];
  return value === undefined || value === '' ? undefined : value;
}

/** Validates one row's own columns (syntax only; the directory is asked later). */
export function checkRow(
  row: BulkRow,
  position: number,
  rules: RowRules,
): { row: CheckedRow | undefined; issues: RowIssue[] } {
  const line = row.line ?? position;
  const issues: RowIssue[] = [];
  const issue = (column: string | undefined, rule: string, message: string) =>
    issues.push({ line, column, rule, message });
  if (typeof row !== 'object' || row === null) {
    issue(undefined, 'row', 'is not a row object');
    return { row: undefined, issues };
  }
  for (const key of Object.keys(row)) {
    if (key !== 'line' && !(BULK_COLUMNS as readonly string[]).includes(key)) {
      issue(key, 'unknownColumn', `is not a known column (${BULK_COLUMNS.join(', ')})`);
    }
  }
  for (const column of BULK_COLUMNS) {
    const value = row[column];
    if (value === undefined) continue;
    if (column === 'quota' && typeof value === 'number') continue;
    if (typeof value !== 'string') issue(column, 'type', 'must be text');
    else if (CONTROL.test(value)) issue(column, 'printable', 'must not contain control characters');
    else if (column !== 'password' && value.length > 256) issue(column, 'maximum', 'is longer than 256');
    else if (column === 'password' && value.length > 1024) issue(column, 'maximum', 'is longer than 1024');
  }
  if (issues.length > 0) return { row: undefined, issues };
  const address = typeof row.address === 'string' ? row.address.trim() : '';
  if (address === '') issue('address', 'required', 'is required');
  else if (!ADDRESS.test(address)) issue('address', 'email', 'must be an address like name@example.com');
  const password = text(row, 'password');
  if (rules.passwordRequired && password === undefined) issue('password', 'required', 'is required');
  let quotaBytes: number | undefined;
  if (row.quota !== undefined && row.quota !== '') {
    quotaBytes = parseQuota(row.quota);
    if (quotaBytes === undefined) {
      issue('quota', 'size', 'must be bytes or a size like 2GB or 500MB');
    }
  }
  let status: AccountStatus | undefined;
  const rawStatus = text(row, 'status')?.trim().toLowerCase();
  if (rawStatus !== undefined) {
    status = STATUS_VERBS[rawStatus] ?? ACCOUNT_STATUSES.find((s) => s === rawStatus);
    if (status === undefined) {
      issue(
        'status',
        'status',
        `must be one of ${[...ACCOUNT_STATUSES, ...Object.keys(STATUS_VERBS)].join(', ')}`,
      );
    }
  }
  if (issues.length > 0) return { row: undefined, issues };
  const lower = address.toLowerCase();
  return {
    row: {
      line,
      address: lower,
      domain: lower.slice(lower.indexOf('@') + 1),
      password,
      givenName: text(row, 'givenName'),
      sn: text(row, 'sn'),
      displayName: text(row, 'displayName'),
      type: text(row, 'type')?.trim(),
      quotaBytes,
      status,
    },
    issues,
  };
}
