import { type BindingId, is } from '../keys/bindings.ts';
import type { KeyEvent } from '../keys/key-event.ts';
import type { MailboxSortColumn } from '../services/types.ts';

/** How the Mailboxes table is sorted and filtered, besides its text filter: all of it goes to the server. */
export interface MailboxQuery {
  /** The column the server sorts by, and in which direction. */
  readonly sort: MailboxSortColumn;
  readonly ascending: boolean;
  /** Only mailboxes of this status (`f` cycles), or all. */
  readonly status: string | null;
  /** Only mailboxes of this type (`t` cycles the domain's types), or all. */
  readonly type: string | null;
  /** Only mailboxes using at least this percentage of their quota (`u` cycles), or all. */
  readonly quotaMin: number | null;
}

/** The order and filters a Mailboxes table opens with. */
export const QUERY_START: MailboxQuery = {
  sort: 'address',
  ascending: true,
  status: null,
  type: null,
  quotaMin: null,
};

/** The status filters `f` cycles through, after "all". */
export const STATUS_FILTERS = ['active', 'locked', 'closed'] as const;

/** The quota-use thresholds `u` cycles through (percent), after "all". */
export const QUOTA_FILTERS = [50, 80, 90] as const;

/** The sort key of each column: the same key again reverses the order. */
const SORT_KEYS: readonly (readonly [BindingId, MailboxSortColumn])[] = [
  ['sortAddress', 'address'],
  ['sortName', 'name'],
  ['sortType', 'type'],
  ['sortStatus', 'status'],
  ['sortQuota', 'quota'],
];

/** The item after `current` in `cycle`, then null ("all"), then the first again. */
function next<T>(cycle: readonly T[], current: T | null): T | null {
  const at = current === null ? -1 : cycle.indexOf(current);
  return cycle[at + 1] ?? null;
}

/**
 * The query after a sort, reverse or filter key; null when the key is none of them. `types` are the
 * domain's type names for `t`. Quota use is not in LDAP: its order and its filter are one read of
 * GetQuotaUsage (fullest first), so turning the quota filter on sorts by quota, and sorting by another
 * column turns it off.
 */
export function queryKey(q: MailboxQuery, key: KeyEvent, types: readonly string[]): MailboxQuery | null {
  const sortBy = SORT_KEYS.find(([id]) => is(key, id))?.[1];
  if (sortBy) {
    // Quota use reads best fullest first; the other columns A to Z.
    const fresh = sortBy !== 'quota';
    return {
      ...q,
      sort: sortBy,
      ascending: q.sort === sortBy ? !q.ascending : fresh,
      quotaMin: sortBy === 'quota' ? q.quotaMin : null,
    };
  }
  if (is(key, 'reverse')) return { ...q, ascending: !q.ascending };
  if (is(key, 'statusFilter')) return { ...q, status: next(STATUS_FILTERS as readonly string[], q.status) };
  if (is(key, 'typeFilter')) return types.length === 0 ? q : { ...q, type: next(types, q.type) };
  if (is(key, 'quotaFilter')) {
    const quotaMin = next(QUOTA_FILTERS as readonly number[], q.quotaMin);
    if (quotaMin === null) return { ...q, quotaMin };
    return q.sort === 'quota' ? { ...q, quotaMin } : { ...q, quotaMin, sort: 'quota', ascending: false };
  }
  return null;
}

/** The query as one string: the pages loaded answer exactly this. */
export function queryText(q: MailboxQuery): string {
  return [q.sort, q.ascending ? 'asc' : 'desc', q.status ?? '', q.type ?? '', q.quotaMin ?? ''].join(
    '\u0000',
  );
}

/** True when anything but the default order is in force (the header then says so). */
export function isNarrowed(q: MailboxQuery): boolean {
  return q.status !== null || q.type !== null || q.quotaMin !== null;
}
