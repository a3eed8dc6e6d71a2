import { type BindingId, is } from '../../keys/bindings.ts';
import { isPrintable } from '../../keys/key-event.ts';
import type { PecMailboxRow } from '../../services/types.ts';
import { LIST_START, type ListState, listKey, moveTo, withListKeys } from '../list.ts';
import { localListKey, statusesOf, visibleRows } from '../local-list.ts';
import { base, type ScreenBase, type ScreenLogic, stay } from '../screen-base.ts';
import { pecMailboxScreen } from './pec-mailbox.ts';

/** The query and generation the rows on screen answer. */
export interface PecSearchShown {
  readonly query: string;
  readonly generation: number;
}

/**
 * Search PEC mailboxes by name: the query after `/` is sent to the server once typing pauses (by the
 * request hook, from `fetches`), Enter keeps it, Esc while typing clears it and lists every mailbox again.
 * Outside typing Esc goes back, kept filter and all (`/` then Esc clears a kept filter).
 */
export interface PecSearchScreen extends ScreenBase {
  readonly kind: 'pecSearch';
  readonly query: string;
  readonly editing: boolean;
  /** Bumped by refresh and by reloads after a change, so the same query is read again. */
  readonly generation: number;
  /** The last rows read; they stay on screen while a newer query loads. */
  readonly rows: readonly PecMailboxRow[] | null;
  readonly shown: PecSearchShown | null;
  readonly list: ListState;
  /** The column the rows are sorted by (here: the server answers a PEC domain's few mailboxes whole). */
  readonly sort: PecSortColumn;
  readonly ascending: boolean;
  /** Only mailboxes of this status (`f` cycles), or all. */
  readonly status: string | null;
}

/** The columns the PEC list sorts by: A address, S status, U quota use. */
export type PecSortColumn = 'address' | 'status' | 'quota';

const SORT_KEYS: readonly (readonly [BindingId, PecSortColumn])[] = [
  ['sortPecAddress', 'address'],
  ['sortStatus', 'status'],
  ['sortQuota', 'quota'],
];

/** The rows shown, in the order shown: the server's answer sorted and cut by status. */
export function shownPecRows(s: PecSearchScreen): PecMailboxRow[] {
  const q = { filter: '', filtering: false, sort: s.sort, ascending: s.ascending, status: s.status };
  return visibleRows(
    s.rows ?? [],
    q,
    () => [],
    (r, c) => (c === 'quota' ? (r.limitBytes > 0 ? r.usedBytes / r.limitBytes : 0) : r[c]),
  );
}

/** The PEC search, listing every mailbox at first. */
export function pecSearchScreen(): PecSearchScreen {
  return {
    kind: 'pecSearch',
    ...base(),
    query: '',
    editing: false,
    generation: 0,
    rows: null,
    shown: null,
    list: LIST_START,
    sort: 'address',
    ascending: true,
    status: null,
  };
}

/** True when the rows on screen answer the query and generation the screen has now. */
export function isPecSearchCurrent(s: PecSearchScreen): boolean {
  return s.shown !== null && s.shown.query === s.query.trim() && s.shown.generation === s.generation;
}

function fetchKey(s: PecSearchScreen): string {
  return `${s.generation}\u0000${s.query.trim()}`;
}

function withQuery(s: PecSearchScreen, query: string): PecSearchScreen {
  return { ...s, query, list: LIST_START };
}

/** A new generation: the list is read again, the rows on screen stay until the new ones arrive. */
function refreshed(s: PecSearchScreen): PecSearchScreen {
  return { ...s, generation: s.generation + 1, message: null };
}

export const pecSearchLogic: ScreenLogic<PecSearchScreen> = {
  onKey(s, key, ctx) {
    if (s.editing) {
      if (key.name === 'enter') return stay({ ...s, editing: false });
      if (key.name === 'escape') return stay({ ...withQuery(s, ''), editing: false });
      if (key.name === 'backspace') return stay(withQuery(s, [...s.query].slice(0, -1).join('')));
      if (isPrintable(key)) return stay(withQuery(s, s.query + key.input));
      return stay(s);
    }
    const rows = shownPecRows(s);
    const moved = listKey(s.list, key, rows.length, ctx.page);
    if (moved) return stay({ ...s, list: moved });
    if (is(key, 'search')) return stay({ ...s, editing: true });
    const q = { filter: '', filtering: false, sort: s.sort, ascending: s.ascending, status: s.status };
    const query = localListKey(q, key, SORT_KEYS, statusesOf(s.rows ?? []));
    // Quota use reads best fullest first, as on Mailboxes.
    if (query) {
      const fresh = query.sort === 'quota' && s.sort !== 'quota';
      const { sort, status } = query;
      return stay({ ...s, sort, status, ascending: fresh ? false : query.ascending, list: LIST_START });
    }
    if (is(key, 'back')) return { screen: s, nav: { type: 'pop' } };
    if (is(key, 'refresh')) return stay(refreshed(s));
    const row = rows[s.list.cursor];
    if (is(key, 'open') && row)
      return { screen: s, nav: { type: 'push', screen: pecMailboxScreen(row.localPart, row.address) } };
    return stay(s);
  },
  fetches: (s) => ({
    list: isPecSearchCurrent(s) ? [] : [{ key: fetchKey(s), req: { op: 'pecSearch', q: s.query.trim() } }],
    // A changed query waits for typing to pause; the first read and refreshes start at once.
    debounce: s.shown !== null && s.shown.query !== s.query.trim(),
  }),
  onFetched(s, key, data, ctx) {
    if (data.kind !== 'pecResults' || key !== fetchKey(s)) return s;
    const sameQuery = s.shown?.query === s.query.trim();
    const count = shownPecRows({ ...s, rows: data.rows }).length;
    return {
      ...s,
      rows: data.rows,
      shown: { query: s.query.trim(), generation: s.generation },
      // A refresh keeps the cursor where it was; a new query starts at the top.
      list: sameQuery ? moveTo(s.list, s.list.cursor, count, ctx.page) : LIST_START,
      message: s.message?.tone === 'error' ? null : s.message,
    };
  },
  captures: (s) => s.editing,
  // After a change (a delete, a create) the old rows are wrong: show none until the new answer, so a
  // deleted mailbox is never listed next to its "deleted" message. `R` keeps them while it re-reads.
  reload: (s) => ({ ...refreshed(s), rows: null }),
  footer: (s) =>
    s.editing
      ? ['submit', 'cancel']
      : ['up', 'down', 'open', 'search', 'sortPecAddress', 'statusFilter', 'back', 'refresh'],
  keys: (s) =>
    s.editing ? pecSearchLogic.footer(s) : withListKeys([...pecSearchLogic.footer(s), 'reverse']),
};
