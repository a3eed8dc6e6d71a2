import {
  adminCaller,
  boolField,
  type Handler,
  intField,
  targetAccount,
  type ZimbraContext,
} from './context.ts';
import { faults } from './fault.ts';
import type { Account } from './model.ts';
import { ResultCache } from './result-cache.ts';
import { requireRight } from './rights.ts';
import { child, el, scalar } from './xml.ts';

interface QuotaRow {
  readonly account: Account;
  readonly used: number;
  readonly limit: number;
}

const SORTS = ['percentUsed', 'totalUsed', 'quotaLimit', 'account'] as const;
type QuotaSort = (typeof SORTS)[number];

const caches = new WeakMap<object, ResultCache<QuotaRow>>();

/** The quota that applies: zimbraMailQuota (account, else COS) against the domain's zimbraMailDomainQuota. */
function effectiveQuota(ctx: ZimbraContext, account: Account): number {
  const own = Number(ctx.store.value(account, 'zimbraMailQuota') ?? '0');
  const domain = ctx.store.domainByName(account.domain);
  const domainMax = Number(domain?.attrs.zimbraMailDomainQuota?.[0] ?? '0');
  if (own === 0) return domainMax;
  if (domainMax === 0) return own;
  return Math.min(own, domainMax);
}

const percent = (r: QuotaRow) => (r.limit === 0 ? 0 : r.used / r.limit);
const limitKey = (r: QuotaRow) => (r.limit === 0 ? Number.POSITIVE_INFINITY : r.limit);

function comparator(sortBy: QuotaSort, ascending: boolean): (a: QuotaRow, b: QuotaRow) => number {
  const sign = ascending ? 1 : -1;
  const byName = (a: QuotaRow, b: QuotaRow) => (a.account.name < b.account.name ? -1 : 1);
  const key: (r: QuotaRow) => number =
    sortBy === 'percentUsed' ? percent : sortBy === 'quotaLimit' ? limitKey : (r) => r.used;
  if (sortBy === 'account') return (a, b) => sign * byName(a, b);
  return (a, b) => {
    const d = key(a) - key(b);
    return d !== 0 ? sign * d : byName(a, b);
  };
}

/**
 * GetQuotaUsageRequest: `domain limit offset sortBy sortAscending`; default totalUsed descending, `limit` 0 = all.
 * Answers `more`, `searchTotal` and `<account name id used limit/>` (bytes; limit 0 = unlimited).
 */
export const getQuotaUsage: Handler = (request, ctx) => {
  const caller = adminCaller(ctx);
  const domainName = scalar(request, 'domain');
  const limit = intField(request, 'limit', 0);
  const offset = Math.max(0, intField(request, 'offset', 0));
  const sortBy = (scalar(request, 'sortBy') ?? 'totalUsed') as QuotaSort;
  const ascending = boolField(request, 'sortAscending', false);
  boolField(request, 'refresh', false);
  boolField(request, 'allServers', false);
  if (!SORTS.includes(sortBy)) throw faults.invalidRequest('sortBy must be percentUsed or totalUsed');
  let accounts: readonly Account[];
  if (domainName === undefined || domainName === '') {
    if (caller.kind !== 'global') throw faults.permDenied('Only system admins are allowed.');
    accounts = ctx.store.allAccounts();
  } else {
    const domain = ctx.store.domainByName(domainName);
    if (domain === undefined) throw faults.noSuchDomain(domainName);
    requireRight(ctx.grants, caller, 'domain', domain, 'getDomainQuotaUsage');
    accounts = ctx.store.accountsIn(domain.name);
  }
  let cache = caches.get(ctx.store);
  if (cache === undefined) {
    cache = new ResultCache();
    caches.set(ctx.store, cache);
  }
  const rows = cache.get(`${domainName ?? ''}|${sortBy}|${ascending}`, ctx.store.version, () =>
    // System accounts (spam/ham training, GAL sync, quarantine) have mailboxes too and are listed, as Zimbra does.
    accounts
      .map((account) => ({ account, used: account.usage, limit: effectiveQuota(ctx, account) }))
      .sort(comparator(sortBy, ascending)),
  );
  const end = limit > 0 ? offset + limit : rows.length;
  const page = rows.slice(offset, end);
  return {
    attrs: { more: end < rows.length ? '1' : '0', searchTotal: rows.length },
    children: page.map((r) =>
      el('account', { name: r.account.name, id: r.account.id, used: r.used, limit: r.limit }),
    ),
  };
};

/** GetMailboxRequest: `<mbox id="{account id}"/>` → `<mbox mbxid s="{bytes}"/>`. */
export const getMailbox: Handler = (request, ctx) => {
  const mbox = child(request, 'mbox');
  if (mbox === undefined) throw faults.invalidRequest('missing required element: mbox');
  const id = scalar(mbox, 'id');
  if (id === undefined || id === '') throw faults.invalidRequest('missing required attribute: id');
  const account = targetAccount(ctx, 'id', id, 'getMailboxInfo');
  return { children: [el('mbox', { mbxid: account.mailboxId, s: account.usage })] };
};
