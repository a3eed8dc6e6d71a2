import { type AttrMap, canonicalAttr } from './attrs.ts';
import { adminCaller, boolField, type Handler, intField } from './context.ts';
import { attrsFilter, encodeAccount, encodeCos, encodeDomain } from './encode.ts';
import { faults } from './fault.ts';
import { compileFilter } from './ldap-filter.ts';
import type { Account, Domain } from './model.ts';
import { ResultCache } from './result-cache.ts';
import { can } from './rights.ts';
import { aliasEntry, isResource, type SearchEntry } from './search-entries.ts';
import type { ZimbraStore } from './store.ts';
import { el, type OutElement, scalar } from './xml.ts';

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

const caches = new WeakMap<object, ResultCache<SearchEntry>>();

/** The attributes an entry is filtered and sorted on. */
function entryAttrs(entry: SearchEntry): AttrMap {
  switch (entry.kind) {
    case 'account':
    case 'calresource':
      return entry.account.attrs;
    case 'alias':
      return entry.attrs;
    case 'domain':
      return entry.domain.attrs;
    case 'cos':
      return entry.cos.attrs;
  }
}

function sortKey(entry: SearchEntry, sortBy: string): string {
  if (sortBy === 'name') return entry.name;
  return (entryAttrs(entry)[sortBy]?.[0] ?? '').toLowerCase();
}

// Exact lookups served by the store's indexes instead of a pass over the directory.
const INDEXED = /^\(?(mail|zimbraMailDeliveryAddress|zimbraId)=([^*()\\]+)\)?$/i;

/**
 * SearchDirectoryRequest: `query` (RFC 2254 filter), `domain`, `types` (accounts, resources, aliases,
 * distributionlists, dynamicgroups, domains, coses; comma-separated), `limit` (0 = all), `offset`, `sortBy`
 * (attribute, default name), `sortAscending`, `attrs`, `applyCos`, `countOnly`, `maxResults` (default 5000,
 * 0 = no cap; more matches → TOO_MANY_SEARCH_RESULTS). Entries of several types are sorted together. A
 * delegated admin only sees entries of domains it may list, and no domains or classes of service it was not
 * granted. The emulator holds no distribution lists, so those types add nothing.
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
  const types = new Set((scalar(request, 'types') ?? 'accounts').split(',').map((t) => t.trim()));
  for (const t of types) if (!TYPES.has(t)) throw faults.invalidRequest(`unknown type: ${t}`);
  if (types.has('coses') && domainName !== undefined) {
    throw faults.invalidRequest('cannot specify domain with coses flag');
  }
  let scope: readonly Account[];
  let scopeDomain: Domain | undefined;
  if (domainName !== undefined && domainName !== '') {
    scopeDomain = ctx.store.domainByName(domainName);
    if (scopeDomain === undefined) throw faults.noSuchDomain(domainName);
    scope = ctx.store.accountsIn(scopeDomain.name);
  } else {
    scope = ctx.store.allAccounts();
  }
  let cache = caches.get(ctx.store);
  if (cache === undefined) {
    cache = new ResultCache();
    caches.set(ctx.store, cache);
  }
  const callerScope = caller.kind === 'global' ? '*' : caller.account.id;
  const key = [domainName ?? '', query, sortBy, ascending, [...types].sort().join(','), callerScope].join(
    '\u0000',
  );
  const matched = cache.get(key, ctx.store.version, () => {
    const predicate = query === '' ? undefined : compileFilter(query);
    const listable = new Map<string, boolean>();
    const visibleDomain = (name: string) => {
      if (caller.kind === 'global') return true;
      let ok = listable.get(name);
      if (ok === undefined) {
        const domain = ctx.store.domainByName(name);
        ok = domain !== undefined && can(ctx.grants, caller, 'domain', domain.id, 'listAccount');
        listable.set(name, ok);
      }
      return ok;
    };
    const matches = (attrs: AttrMap) => predicate === undefined || predicate((attr) => attrs[attr] ?? []);
    const out: SearchEntry[] = [];
    const wantAccounts = types.has('accounts');
    const wantResources = types.has('resources');
    if (wantAccounts || wantResources) {
      const indexed = INDEXED.exec(query);
      let candidates: readonly Account[] = scope;
      if (indexed) {
        const [, attr = '', value = ''] = indexed;
        const hit =
          attr.toLowerCase() === 'zimbraid' ? ctx.store.accounts.get(value) : ctx.store.accountByName(value);
        const inScope = hit !== undefined && (scopeDomain === undefined || hit.domain === scopeDomain.name);
        candidates = inScope ? [hit] : [];
      }
      for (const account of candidates) {
        const resource = isResource(account);
        if (resource ? !wantResources : !wantAccounts) continue;
        if (!visibleDomain(account.domain) || !matches(account.attrs)) continue;
        out.push({ kind: resource ? 'calresource' : 'account', name: account.name, account });
      }
    }
    if (types.has('aliases')) {
      for (const [address, target] of ctx.store.allAliases()) {
        if (scopeDomain !== undefined && !address.endsWith(`@${scopeDomain.name}`)) continue;
        const entry = aliasEntry(address, target);
        if (visibleDomain(target.domain) && matches(entryAttrs(entry))) out.push(entry);
      }
    }
    if (types.has('domains')) {
      for (const domain of ctx.store.domains.values()) {
        if (scopeDomain !== undefined && domain !== scopeDomain) continue;
        const visible =
          caller.kind === 'global' || can(ctx.grants, caller, 'domain', domain.id, 'listDomain');
        if (visible && matches(domain.attrs)) out.push({ kind: 'domain', name: domain.name, domain });
      }
    }
    if (types.has('coses')) {
      for (const cos of ctx.store.coses.values()) {
        const visible = caller.kind === 'global' || can(ctx.grants, caller, 'cos', cos.id, 'listCos');
        if (visible && matches(cos.attrs)) out.push({ kind: 'cos', name: cos.name, cos });
      }
    }
    // Accounts alone come out of the name index already sorted; anything else is sorted here.
    const presorted = sortBy === 'name' && out.every((e) => e.kind === 'account');
    if (!presorted) {
      out.sort((a, b) => {
        const ka = sortKey(a, sortBy);
        const kb = sortKey(b, sortBy);
        return ka < kb ? -1 : ka > kb ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
      });
    }
    if (!ascending) out.reverse();
    return out;
  });
  if (maxResults > 0 && matched.length > maxResults) {
    throw faults.tooManySearchResults('too many search results returned');
  }
  if (countOnly) return { attrs: { num: matched.length } };
  const end = limit > 0 ? offset + limit : matched.length;
  const page = matched.slice(offset, end);
  return {
    attrs: { more: end < matched.length ? '1' : '0', searchTotal: matched.length },
    children: page.map((entry) => encodeEntry(ctx.store, entry, applyCos, filter)),
  };
};

function encodeEntry(
  store: ZimbraStore,
  entry: SearchEntry,
  applyCos: boolean,
  filter: Set<string> | undefined,
): OutElement {
  switch (entry.kind) {
    case 'account':
      return encodeAccount(store, entry.account, { applyCos, attrs: filter, withIsExternal: true });
    case 'calresource': {
      const encoded = encodeAccount(store, entry.account, { applyCos, attrs: filter });
      return { ...encoded, name: 'calresource' };
    }
    case 'alias': {
      const children = Object.keys(entry.attrs)
        .sort()
        .filter((n) => !filter || filter.has(n.toLowerCase()))
        .flatMap((n) => entry.attrs[n]!.map((v) => el('a', { n }, v)));
      return el(
        'alias',
        { name: entry.name, id: entry.id, targetName: entry.target.name, type: 'account' },
        ...children,
      );
    }
    case 'domain':
      return encodeDomain(entry.domain, filter);
    case 'cos':
      return encodeCos(entry.cos, filter);
  }
}
