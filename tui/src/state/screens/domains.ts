import { type BindingId, is } from '../../keys/bindings.ts';
import type { DomainRow } from '../../services/types.ts';
import { LIST_START, type ListState, listKey, withListKeys } from '../list.ts';
import { type LocalListQuery, localListKey, statusesOf, visibleRows } from '../local-list.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';
import { dashboardScreen } from './dashboard.ts';

/** The columns the domain picker sorts by. */
export type DomainSortColumn = 'name' | 'status';

/** The domain picker: every domain GetAllDomains returns, filtered as you type after `/`. */
export interface DomainsScreen extends ScreenBase, LocalListQuery<DomainSortColumn> {
  readonly kind: 'domains';
  readonly rows: readonly DomainRow[] | null;
  readonly list: ListState;
}

const SORT_KEYS: readonly (readonly [BindingId, DomainSortColumn])[] = [
  ['sortDomainName', 'name'],
  ['sortStatus', 'status'],
];

/** The domain picker, loading. */
export function domainsScreen(): DomainsScreen {
  return {
    kind: 'domains',
    ...base({ op: 'domains' }),
    rows: null,
    list: LIST_START,
    filter: '',
    filtering: false,
    sort: 'name',
    ascending: true,
    status: null,
  };
}

/** The domains shown, in the order shown: GetAllDomains has no paging, a domain list is read whole. */
export function shownDomains(s: DomainsScreen): DomainRow[] {
  return visibleRows(
    s.rows ?? [],
    s,
    (r) => [r.name],
    (r, c) => r[c],
  );
}

export const domainsLogic: ScreenLogic<DomainsScreen> = {
  onKey(s, key, ctx) {
    const rows = shownDomains(s);
    const moved = listKey(s.list, key, rows.length, ctx.page);
    if (moved && !(s.filtering && !key.name)) return stay({ ...s, list: moved });
    const query = localListKey(s, key, SORT_KEYS, statusesOf(s.rows ?? []));
    if (query) return stay({ ...s, ...query, list: LIST_START });
    if (s.filtering) return stay(s);
    if (is(key, 'back')) return { screen: s, nav: { type: 'pop' } };
    if (is(key, 'refresh')) return stay(withRequest(s, { op: 'domains' }));
    const row = rows[s.list.cursor];
    if (is(key, 'open') && row)
      return { screen: s, nav: { type: 'push', screen: dashboardScreen(row.name) } };
    return stay(s);
  },
  onLoaded: (s, data) => stay(data.kind === 'domains' ? { ...s, rows: data.rows } : s),
  captures: (s) => s.filtering,
  footer: (s) =>
    s.filtering
      ? ['submit', 'cancel']
      : ['up', 'down', 'open', 'search', 'sortDomainName', 'statusFilter', 'back', 'refresh'],
  keys: (s) => (s.filtering ? domainsLogic.footer(s) : withListKeys([...domainsLogic.footer(s), 'reverse'])),
};
