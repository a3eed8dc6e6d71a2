import { is } from '../../keys/bindings.ts';
import { isPrintable } from '../../keys/key-event.ts';
import type { MailboxRow } from '../../services/types.ts';
import { LIST_START, type ListState, listKey } from '../list.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';
import { deleteMailboxScreen } from './delete-mailbox.ts';
import { mailboxScreen } from './mailbox.ts';
import { newMailboxScreen } from './new-mailbox.ts';

/** The Mailboxes table of a domain, filtered as you type after `/`. */
export interface MailboxesScreen extends ScreenBase {
  readonly kind: 'mailboxes';
  readonly domain: string;
  readonly rows: readonly MailboxRow[] | null;
  /** Rows matching the filter; kept in state so a key press never refilters thousands of rows twice. */
  readonly view: readonly MailboxRow[];
  readonly filter: string;
  readonly filtering: boolean;
  readonly list: ListState;
}

/** The Mailboxes table of `domain`, loading. */
export function mailboxesScreen(domain: string): MailboxesScreen {
  return {
    kind: 'mailboxes',
    ...base({ op: 'mailboxes', domain }),
    domain,
    rows: null,
    view: [],
    filter: '',
    filtering: false,
    list: LIST_START,
  };
}

/** Rows whose address, name, type or status contains the filter (case-insensitive). */
export function filterRows(rows: readonly MailboxRow[], filter: string): readonly MailboxRow[] {
  const needle = filter.toLowerCase();
  if (!needle) return rows;
  return rows.filter((r) => `${r.address} ${r.name} ${r.type} ${r.status}`.toLowerCase().includes(needle));
}

function withFilter(s: MailboxesScreen, filter: string): MailboxesScreen {
  return { ...s, filter, view: filterRows(s.rows ?? [], filter), list: LIST_START };
}

export const mailboxesLogic: ScreenLogic<MailboxesScreen> = {
  onKey(s, key, ctx) {
    const moved = listKey(s.list, key, s.view.length, ctx.page);
    if (s.filtering) {
      if (key.name === 'enter') return stay({ ...s, filtering: false });
      if (key.name === 'escape') return stay({ ...withFilter(s, ''), filtering: false });
      if (key.name === 'backspace') return stay(withFilter(s, [...s.filter].slice(0, -1).join('')));
      if (isPrintable(key)) return stay(withFilter(s, s.filter + key.input));
      if (moved && key.name) return stay({ ...s, list: moved });
      return stay(s);
    }
    if (moved) return stay({ ...s, list: moved });
    if (is(key, 'search')) return stay({ ...s, filtering: true });
    if (key.name === 'escape' && s.filter) return stay(withFilter(s, ''));
    if (is(key, 'back')) return { screen: s, nav: { type: 'pop' } };
    if (is(key, 'refresh')) return stay(withRequest(s, { op: 'mailboxes', domain: s.domain }));
    if (is(key, 'newItem')) return { screen: s, nav: { type: 'push', screen: newMailboxScreen(s.domain) } };
    const row = s.view[s.list.cursor];
    if (!row) return stay(s);
    if (is(key, 'open'))
      return { screen: s, nav: { type: 'push', screen: mailboxScreen(s.domain, row.address) } };
    if (is(key, 'deleteItem'))
      return { screen: s, nav: { type: 'push', screen: deleteMailboxScreen(row.address) } };
    return stay(s);
  },
  onLoaded(s, data) {
    if (data.kind !== 'mailboxes') return stay(s);
    const next = { ...s, rows: data.rows, view: filterRows(data.rows, s.filter) };
    return stay({
      ...next,
      list: { cursor: Math.min(s.list.cursor, Math.max(0, next.view.length - 1)), top: s.list.top },
    });
  },
  captures: (s) => s.filtering,
  reload: (s) => withRequest(s, { op: 'mailboxes', domain: s.domain }),
  footer: (s) =>
    s.filtering
      ? ['submit', 'cancel']
      : ['up', 'down', 'pageDown', 'open', 'search', 'newItem', 'deleteItem', 'back'],
};
