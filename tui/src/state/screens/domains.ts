import { is } from '../../keys/bindings.ts';
import type { DomainRow } from '../../services/types.ts';
import { LIST_START, type ListState, listKey, withListKeys } from '../list.ts';
import { MENU_FOOTER } from '../menu.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';
import { dashboardScreen } from './dashboard.ts';

/** The domain picker. */
export interface DomainsScreen extends ScreenBase {
  readonly kind: 'domains';
  readonly rows: readonly DomainRow[] | null;
  readonly list: ListState;
}

/** The domain picker, loading. */
export function domainsScreen(): DomainsScreen {
  return { kind: 'domains', ...base({ op: 'domains' }), rows: null, list: LIST_START };
}

export const domainsLogic: ScreenLogic<DomainsScreen> = {
  onKey(s, key, ctx) {
    if (is(key, 'back')) return { screen: s, nav: { type: 'pop' } };
    if (is(key, 'refresh')) return stay(withRequest(s, { op: 'domains' }));
    const rows = s.rows ?? [];
    const moved = listKey(s.list, key, rows.length, ctx.page);
    if (moved) return stay({ ...s, list: moved });
    const row = rows[s.list.cursor];
    if (is(key, 'open') && row)
      return { screen: s, nav: { type: 'push', screen: dashboardScreen(row.name) } };
    return stay(s);
  },
  onLoaded: (s, data) => stay(data.kind === 'domains' ? { ...s, rows: data.rows } : s),
  footer: () => [...MENU_FOOTER, 'refresh'],
  keys: () => withListKeys(['up', 'down', 'open', 'back', 'refresh']),
};
