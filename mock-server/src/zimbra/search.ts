import { canonicalAttr } from './attrs.ts';
import { adminCaller, boolField, type Handler, intField } from './context.ts';
import { attrsFilter, encodeAccount } from './encode.ts';
import { faults } from './fault.ts';
import { compileFilter } from './ldap-filter.ts';
import type { Account } from './model.ts';
import { ResultCache } from './result-cache.ts';
import { can } from './rights.ts';
import { scalar } from './xml.ts';

const TYPES = new Set([
  'accounts',
  'aliases',
  'distributionlists',
  'dynamicgroups',
  'resources',
  'domains',
  'coses',
  'servers',
  'ucservices',
  'habgroups',
]);

/** Zimbra's default cap on matched entries (localconfig zimbra_directory_max_search_result). */
export const DEFAULT_MAX_RESULTS = 5000;

const caches = new WeakMap<object, ResultCache<Account>>();

function sortKey(account: Account, sortBy: string): string {
  if (sortBy === 'name') return account.name;
  return (account.attrs[sortBy]?.[0] ?? '').toLowerCase();
}

/**
 * SearchDirectoryRequest over accounts: `query` (RFC 2254 filter), `domain`, `types`, `limit` (0 = all),
 * `offset`, `sortBy` (attribute, default name), `sortAscending`, `attrs`, `applyCos`, `countOnly`,
 * `maxResults` (default 5000, 0 = no cap; more matches → TOO_MANY_SEARCH_RESULTS). A delegated admin only
 * sees accounts of domains it may list.
 */
export const searchDirectory: Handler = (request, ctx) => {
  const caller = adminCaller(ctx);
  const query = scalar(request, 'query')?.trim() ?? '';
  const maxResults = intField(request, 'maxResults', DEFAULT_MAX_RESULTS);
  const limit = intField(request, 'limit', 0);
  const offset = Math.max(0, intField(request, 'offset', 0));
  const domainName = scalar(request, 'domain');
  const applyCos = boolField(request, 'applyCos', true);
  const filter = attrsFilter(scalar(request, 'attrs'));
  const rawSort = scalar(request, 'sortBy');
  const sortBy = rawSort === undefined || rawSort === '' ? 'name' : (canonicalAttr(rawSort) ?? rawSort);
  const ascending = boolField(request, 'sortAscending', true);
  const countOnly = boolField(request, 'countOnly', false);
  const types = (scalar(request, 'types') ?? 'accounts').split(',').map((t) => t.trim());
  for (const t of types) if (!TYPES.has(t)) throw faults.invalidRequest(`unknown type: ${t}`);
  if (types.includes('coses') && domainName !== undefined) {
    throw faults.invalidRequest('cannot specify domain with coses flag');
  }
  let scope: readonly Account[];
  if (domainName !== undefined && domainName !== '') {
    const domain = ctx.store.domainByName(domainName);
    if (domain === undefined) throw faults.noSuchDomain(domainName);
    scope = ctx.store.accountsIn(domain.name);
  } else {
    scope = ctx.store.allAccounts();
  }
  let cache = caches.get(ctx.store);
  if (cache === undefined) {
    cache = new ResultCache();
    caches.set(ctx.store, cache);
  }
  const callerScope = caller.kind === 'global' ? '*' : caller.account.id;
  const key = [domainName ?? '', query, sortBy, ascending, types.includes('accounts'), callerScope].join(
    '\u0000',
  );
  const matched = cache.get(key, ctx.store.version, () => {
    if (!types.includes('accounts')) return [];
    const predicate = query === '' ? undefined : compileFilter(query);
    const listable = new Map<string, boolean>();
    const visible = (account: Account) => {
      if (caller.kind === 'global') return true;
      let ok = listable.get(account.domain);
      if (ok === undefined) {
        const domain = ctx.store.domainByName(account.domain);
        ok = domain !== undefined && can(ctx.grants, caller, 'domain', domain.id, 'listAccount');
        listable.set(account.domain, ok);
      }
      return ok;
    };
    const valuesOf = (account: Account) => (attr: string) => account.attrs[attr] ?? [];
    const list = scope.filter((a) => visible(a) && (predicate === undefined || predicate(valuesOf(a))));
    if (sortBy !== 'name') {
      list.sort((a, b) => {
        const ka = sortKey(a, sortBy);
        const kb = sortKey(b, sortBy);
        return ka < kb ? -1 : ka > kb ? 1 : a.name < b.name ? -1 : 1;
      });
    }
    if (!ascending) list.reverse();
    return list;
  });
  if (maxResults > 0 && matched.length > maxResults) {
    throw faults.tooManySearchResults('too many search results returned');
  }
  if (countOnly) return { attrs: { num: matched.length } };
  const end = limit > 0 ? offset + limit : matched.length;
  const page = matched.slice(offset, end);
  return {
    attrs: { more: end < matched.length ? '1' : '0', searchTotal: matched.length },
    children: page.map((a) => encodeAccount(ctx.store, a, { applyCos, attrs: filter, withIsExternal: true })),
  };
};
