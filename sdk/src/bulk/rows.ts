import type { AccountStatus } from '../zimbra/index.ts';

/** The columns a bulk file may have; a CSV header or an NDJSON object uses exactly these names. */
export const BULK_COLUMNS = [
  'address',
  'password',
  'givenName',
  'sn',
  'displayName',
  'type',
  'quota',
  'status',
] as const;
/** One column name of a bulk file. */
export type BulkColumn = (typeof BULK_COLUMNS)[number];

/**
 * One row as read from a file or given by code. Values are strings as a CSV holds them (NDJSON may give
 * `quota` as a number); the engine validates each and names `line` and the column when one is wrong.
 * An empty string means "not given".
 */
export interface BulkRow {
  /** The mailbox address, e.g. `anna.verdi@example.com`. */
  readonly address: string;
  /** Initial or new password; never logged or journaled. */
  readonly password?: string | undefined;
  /** The holder's first name (`givenName`). */
  readonly givenName?: string | undefined;
  /** The holder's last name (`sn`). */
  readonly sn?: string | undefined;
  /** The name shown to others (`displayName`). */
  readonly displayName?: string | undefined;
  /** The mailbox type: a COS name (e.g. `Professional`) or id. */
  readonly type?: string | undefined;
  /** Bytes (`1073741824`) or a size with a unit (`2GB`, `500MB`, `1,5GB`); 0 = unlimited. */
  readonly quota?: string | number | undefined;
  /** `active`, `locked`, `closed`, `maintenance`, or a verb: `lock`, `unlock`, `close`, `reactivate`. */
  readonly status?: string | undefined;
  /** Where the row came from (1-based line of the file); rows given by code are numbered 1, 2, … */
  readonly line?: number | undefined;
}

/** A row after validation: typed values, the address lower-cased as Zimbra stores it. */
export interface CheckedRow {
  readonly line: number;
  readonly address: string;
  readonly domain: string;
  readonly password: string | undefined;
  readonly givenName: string | undefined;
  readonly sn: string | undefined;
  readonly displayName: string | undefined;
  readonly type: string | undefined;
  readonly quotaBytes: number | undefined;
  readonly status: AccountStatus | undefined;
}
