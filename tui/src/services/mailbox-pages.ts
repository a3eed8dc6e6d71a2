import { type Account, type QuotaUsage, type ZimbraAdmin, zimbraBatch } from '@casella/sdk';
import { type CosClause, mailboxFilterQuery } from './ldap-filter.ts';
import type { MailboxPage, MailboxPageQuery, MailboxRow, MailboxSortColumn } from './types.ts';

/** COS names by id and the domain's default COS id, read once per view. */
export interface TableLookups {
  readonly names: ReadonlyMap<string, string>;
  readonly defaultCos: string;
}

/** The attribute SearchDirectory sorts by for each LDAP column (the type by its COS id: grouped). */
const SORT_ATTR: Readonly<Record<Exclude<MailboxSortColumn, 'quota'>, string>> = {
  address: 'name',
  name: 'displayName',
  type: 'zimbraCOSId',
  status: 'zimbraAccountStatus',
};

/** Only what the Mailboxes table shows: a page of 100 accounts stays a few KB on any domain. */
const TABLE_ATTRS = [
  'displayName',
  'givenName',
  'sn',
  'zimbraCOSId',
  'zimbraAccountStatus',
  'zimbraMailQuota',
];

/**
 * The most mailboxes a text/status/type filter may match to be ordered or cut by quota use here:
 * usage is not in LDAP, so those few are read with their sizes; never a whole big domain.
 */
export const QUOTA_ORDER_CAP = 1000;

function fullName(a: Account): string {
  return a.displayName ?? [a.givenName, a.sn].filter(Boolean).join(' ');
}

const percentOf = (used: number, limit: number) => (limit > 0 ? (used * 100) / limit : 0);

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A matched set small enough to order by quota here, in the order asked. */
interface BoundedRows {
  readonly rows: readonly MailboxRow[];
  readonly tooMany?: { readonly matches: number; readonly cap: number };
}

/**
 * Reads Mailboxes pages: by SearchDirectory (sorted and filtered in LDAP) or, for the quota column and the
 * quota filter, by GetQuotaUsage sorted on the server by `percentUsed`.
 */
export function mailboxPageReader(
  admin: ZimbraAdmin,
  lookupsFor: (domain: string, fresh: boolean) => Promise<TableLookups>,
): (query: MailboxPageQuery) => Promise<MailboxPage> {
  // Per view, refreshed on its first page (offset 0) like the lookups: later pages reuse them.
  const overCounts = new Map<string, Promise<number>>();
  const boundedSets = new Map<string, Promise<BoundedRows>>();

  const toRow = (a: Account, lookups: TableLookups, used: number | null, limit?: number): MailboxRow => {
    const cosId = a.cosId ?? lookups.defaultCos;
    return {
      address: a.name,
      name: fullName(a),
      type: lookups.names.get(cosId) ?? cosId,
      status: a.status ?? 'unknown',
      usedBytes: used,
      limitBytes: limit ?? a.quotaBytes ?? 0,
    };
  };

  /** Usage of these accounts: one BatchRequest of GetMailbox per 100, never the domain's whole report. */
  const sizesOf = async (accounts: readonly Account[]): Promise<(number | null)[]> => {
    const out: (number | null)[] = [];
    for (const part of chunks(accounts, 100)) {
      const sizes = await admin.batch(part.map((a) => zimbraBatch.getMailbox(a.id)));
      for (const s of sizes) out.push(s.ok ? s.value.sizeBytes : null);
    }
    return out;
  };

  /** How many rows of the domain's usage report are at or above `min` percent: a binary search of 1-row reads. */
  const countOver = async (domain: string, min: number): Promise<number> => {
    const probe = async (at: number) => {
      const { rows } = await admin.quota.page({ domain, sortBy: 'percentUsed', offset: at, limit: 1 });
      const r = rows[0];
      return r !== undefined && percentOf(r.usedBytes, r.limitBytes) >= min;
    };
    const { total } = await admin.quota.page({ domain, sortBy: 'percentUsed', offset: 0, limit: 1 });
    // Invariant: rows before `lo` are over, rows from `hi` on are not (the report is sorted fullest first).
    let lo = 0;
    let hi = total;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (await probe(mid)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  /**
   * The accounts of a usage page, in its order: one BatchRequest of GetAccount by id (an id lookup, where a
   * 100-term `(|(zimbraId=…))` search would make the server scan the whole domain).
   */
  const accountsOf = async (usage: readonly QuotaUsage[]): Promise<(Account | undefined)[]> => {
    if (usage.length === 0) return [];
    const found = await admin.batch(usage.map((u) => zimbraBatch.getAccount(u.id)));
    return found.map((r) => (r.ok ? r.value : undefined));
  };

  /** A page of the server's usage report (GetQuotaUsage sortBy percentUsed), cut at `quotaMin` when given. */
  const quotaPage = async (q: MailboxPageQuery, lookups: TableLookups): Promise<MailboxPage> => {
    const ascending = q.ascending ?? false;
    const key = `${q.domain}\u0000${q.quotaMin}`;
    if (q.quotaMin !== undefined && (q.offset === 0 || !overCounts.has(key))) {
      const counted = countOver(q.domain, q.quotaMin);
      counted.catch(() => overCounts.get(key) === counted && overCounts.delete(key));
      overCounts.set(key, counted);
    }
    const over = (q.quotaMin === undefined ? undefined : await overCounts.get(key)) ?? null;
    // Fullest first, the rows over the threshold are the report's first `over`; least full first, its last.
    const skip =
      over !== null && ascending
        ? (await admin.quota.page({ domain: q.domain, sortBy: 'percentUsed', offset: 0, limit: 1 })).total -
          over
        : 0;
    const limit = over === null ? q.limit : Math.min(q.limit, over - q.offset);
    if (limit <= 0) return { offset: q.offset, rows: [], total: over ?? 0, domainTotal: null };
    const page = await admin.quota.page({
      domain: q.domain,
      sortBy: 'percentUsed',
      sortAscending: ascending,
      offset: skip + q.offset,
      limit,
    });
    const total = over ?? page.total;
    const accounts = await accountsOf(page.rows);
    const rows = page.rows.map((u, i) => {
      const a = accounts[i];
      if (a === undefined) {
        // Gone between the two reads: still a row, so indexes do not shift.
        return {
          address: u.name,
          name: '',
          type: '',
          status: 'unknown',
          usedBytes: u.usedBytes,
          limitBytes: u.limitBytes,
        };
      }
      return toRow(a, lookups, u.usedBytes, u.limitBytes);
    });
    return { offset: q.offset, rows, total, domainTotal: null };
  };

  /** A text/status/type filter with a quota order or cut: the few matches are read whole and ordered here. */
  const boundedSet = async (
    q: MailboxPageQuery,
    query: string,
    lookups: TableLookups,
  ): Promise<BoundedRows> => {
    const matches = await admin.accounts.count({ domain: q.domain, query });
    if (matches > QUOTA_ORDER_CAP) return { rows: [], tooMany: { matches, cap: QUOTA_ORDER_CAP } };
    const page =
      matches === 0
        ? { accounts: [] }
        : await admin.accounts.page({
            domain: q.domain,
            offset: 0,
            limit: QUOTA_ORDER_CAP,
            attrs: TABLE_ATTRS,
            query,
          });
    const sizes = await sizesOf(page.accounts);
    const rows = page.accounts.map((a, i) => toRow(a, lookups, sizes[i] ?? null));
    const pct = (r: MailboxRow) => percentOf(r.usedBytes ?? 0, r.limitBytes);
    const kept = q.quotaMin === undefined ? rows : rows.filter((r) => pct(r) >= (q.quotaMin ?? 0));
    const sign = q.ascending ? 1 : -1;
    // The same order as the server's report: by percentage, ties by address.
    return {
      rows: kept.sort((a, b) => sign * (pct(a) - pct(b)) || (a.address < b.address ? -1 : 1)),
    };
  };

  return async (q) => {
    const first = q.offset === 0;
    const lookupsRead = lookupsFor(q.domain, first);
    const lookups = q.type === undefined ? null : await lookupsRead;
    const cos = lookups && q.type !== undefined ? cosClause(lookups, q.type) : undefined;
    const query = mailboxFilterQuery(q.filter, q.status, cos);
    // The title's "of N" is the whole domain: counted once per filter, on its first page.
    const narrowed = query !== undefined || q.quotaMin !== undefined;
    const domainTotal =
      first && narrowed ? admin.accounts.count({ domain: q.domain }) : Promise.resolve(null);
    const types = async () => (first ? [...new Set((await lookupsRead).names.values())].sort() : undefined);
    const withTypes = async (page: MailboxPage): Promise<MailboxPage> => {
      const names = await types();
      return names ? { ...page, types: names } : page;
    };

    if (q.sort === 'quota' || q.quotaMin !== undefined) {
      if (query === undefined) {
        const [page, all] = await Promise.all([quotaPage(q, await lookupsRead), domainTotal]);
        return withTypes({ ...page, domainTotal: narrowed ? all : page.total });
      }
      const key = [q.domain, query, q.quotaMin, q.ascending].join('\u0000');
      if (first || !boundedSets.has(key)) {
        const set = lookupsRead.then((l) => boundedSet(q, query, l));
        set.catch(() => boundedSets.get(key) === set && boundedSets.delete(key));
        boundedSets.set(key, set);
      }
      const [set, all] = await Promise.all([boundedSets.get(key) as Promise<BoundedRows>, domainTotal]);
      const rows = set.rows.slice(q.offset, q.offset + q.limit);
      const page: MailboxPage = { offset: q.offset, rows, total: set.rows.length, domainTotal: all };
      return withTypes(set.tooMany ? { ...page, tooMany: set.tooMany } : page);
    }

    // Sorting goes to the server (sortBy/sortAscending): a 100,000-row domain is never copied here.
    const [page, all, names] = await Promise.all([
      admin.accounts.page({
        domain: q.domain,
        offset: q.offset,
        limit: q.limit,
        attrs: TABLE_ATTRS,
        sortBy: SORT_ATTR[q.sort ?? 'address'],
        sortAscending: q.ascending ?? true,
        ...(query ? { query } : {}),
      }),
      domainTotal,
      lookupsRead,
    ]);
    const sizes = page.accounts.length === 0 ? [] : await sizesOf(page.accounts);
    const rows = page.accounts.map((a, i) => toRow(a, names, sizes[i] ?? null));
    return withTypes({ offset: q.offset, rows, total: page.total, domainTotal: narrowed ? all : page.total });
  };
}

/** The LDAP clause of a type name; an unknown name (an id shown for want of rights) is taken as an id. */
function cosClause(lookups: TableLookups, type: string): CosClause {
  const id = [...lookups.names].find(([, name]) => name === type)?.[0] ?? type;
  return { id, isDefault: id === lookups.defaultCos };
}
