import { is } from '../../keys/bindings.ts';
import { isPrintable } from '../../keys/key-event.ts';
import type { PecMailboxRow } from '../../services/types.ts';
import { LIST_START, type ListState, listKey, withListKeys } from '../list.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';
import { pecMailboxScreen } from './pec-mailbox.ts';

/** Search PEC mailboxes by name; the query is sent to the server on Enter. */
export interface PecSearchScreen extends ScreenBase {
  readonly kind: 'pecSearch';
  readonly query: string;
  readonly editing: boolean;
  readonly rows: readonly PecMailboxRow[] | null;
  readonly list: ListState;
}

/** The PEC search, listing every mailbox at first. */
export function pecSearchScreen(): PecSearchScreen {
  return {
    kind: 'pecSearch',
    ...base({ op: 'pecSearch', q: '' }),
    query: '',
    editing: false,
    rows: null,
    list: LIST_START,
  };
}

export const pecSearchLogic: ScreenLogic<PecSearchScreen> = {
  onKey(s, key, ctx) {
    if (s.editing) {
      if (key.name === 'enter')
        return stay({ ...withRequest(s, { op: 'pecSearch', q: s.query.trim() }), editing: false });
      if (key.name === 'escape') return stay({ ...s, editing: false });
      if (key.name === 'backspace') return stay({ ...s, query: [...s.query].slice(0, -1).join('') });
      if (isPrintable(key)) return stay({ ...s, query: s.query + key.input });
      return stay(s);
    }
    const rows = s.rows ?? [];
    const moved = listKey(s.list, key, rows.length, ctx.page);
    if (moved) return stay({ ...s, list: moved });
    if (is(key, 'search')) return stay({ ...s, editing: true });
    if (is(key, 'back')) return { screen: s, nav: { type: 'pop' } };
    if (is(key, 'refresh')) return stay(withRequest(s, { op: 'pecSearch', q: s.query.trim() }));
    const row = rows[s.list.cursor];
    if (is(key, 'open') && row)
      return { screen: s, nav: { type: 'push', screen: pecMailboxScreen(row.localPart, row.address) } };
    return stay(s);
  },
  onLoaded: (s, data) => stay(data.kind === 'pecResults' ? { ...s, rows: data.rows, list: LIST_START } : s),
  captures: (s) => s.editing,
  reload: (s) => withRequest(s, { op: 'pecSearch', q: s.query.trim() }),
  footer: (s) => (s.editing ? ['submit', 'cancel'] : ['up', 'down', 'open', 'search', 'back', 'refresh']),
  keys: (s) => (s.editing ? pecSearchLogic.footer(s) : withListKeys(pecSearchLogic.footer(s))),
};
