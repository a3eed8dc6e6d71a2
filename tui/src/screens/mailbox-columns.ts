// Column widths of the Mailboxes table. Every row is in one domain, but the address is what admins
// read and type back (delete confirmation), so it gets its full length first; Name takes what is left.

/** Widths (each including its one-cell gap) and how the Quota column is drawn. */
export interface MailboxColumns {
  readonly address: number;
  readonly name: number;
  readonly type: number;
  readonly status: number;
  readonly quota: number;
  /** Cells inside the quota bar's brackets. */
  readonly bar: number;
  /** True when the quota column has room for `used/limit` after the bar. */
  readonly figure: boolean;
}

const MARKER = 2;
/** `Professional` in full: the type is the panel's word for what a mailbox is. */
const TYPE = 13;
const STATUS = 9;
/** `[######] 1023M/1023M` plus its gap. */
const QUOTA_WIDE = 21;
/** `[######]` plus its gap. */
const QUOTA_NARROW = 9;
/** Below this the name is not worth its column: the address gives up cells instead. */
const NAME_MIN = 14;
/** A name column that shows most full names (18 characters): only then does Quota take its figure. */
const NAME_COMFORT = 19;
const ADDRESS_MIN = 20;
const ADDRESS_MAX = 48;

/** Widths for a table `width` cells wide whose longest address is `longest` characters. */
export function mailboxColumns(width: number, longest: number): MailboxColumns {
  const room = width - MARKER;
  const type = TYPE;
  let address = Math.min(ADDRESS_MAX, Math.max(ADDRESS_MIN, longest + 1));
  const rest = room - address - type - STATUS;
  const wide = rest - QUOTA_WIDE >= NAME_COMFORT;
  const quota = wide ? QUOTA_WIDE : QUOTA_NARROW;
  let name = rest - quota;
  if (name < NAME_MIN) {
    const give = Math.min(NAME_MIN - name, address - ADDRESS_MIN);
    address -= give;
    name += give;
  }
  // Below 40-odd columns nothing is left for the name: the table drops the column rather than overlap.
  return { address, name: Math.max(0, name), type, status: STATUS, quota, bar: 6, figure: wide };
}
