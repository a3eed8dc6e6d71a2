import { is } from '../../keys/bindings.ts';
import { isPrintable } from '../../keys/key-event.ts';
import type { MailboxPage, MailboxRow } from '../../services/types.ts';
import { LIST_START, type ListState, listKey, moveTo, withListKeys } from '../list.ts';
import { type MailboxQuery, QUERY_START, queryKey, queryText } from '../mailbox-query.ts';
import type { Request } from '../requests.ts';
import { base, type Fetch, type ScreenBase, type ScreenLogic, stay } from '../screen-base.ts';
import { deleteMailboxScreen } from './delete-mailbox.ts';
import { mailboxScreen } from './mailbox.ts';
import type { MailboxMarks } from './mailbox-marks.ts';
import { newMailboxScreen } from './new-mailbox.ts';

/** Rows per page read from the server. */
export const MAILBOX_PAGE = 100;

/** The pages read so far for one filter and one generation (a refresh starts a new one). */
export interface LoadedMailboxes {
  /** The query the pages answer: filter text, sort and status filter (see {@link queryOf}). */
  readonly filter: string;
  readonly generation: number;
  /** Mailboxes matching `filter` (the server's searchTotal). */
  readonly total: number;
  /** Pages by index (row `i` is in page `i / MAILBOX_PAGE`). */
  readonly pages: Readonly<Record<number, readonly MailboxRow[]>>;
  /** Set when a quota order met a filter matching too many mailboxes to order (see MailboxPage). */
  readonly tooMany?: MailboxPage['tooMany'];
}

/**
 * The Mailboxes table of a domain, read lazily: only pages near the visible rows are fetched (by the
 * request hook, from `fetches`), so a 100,000-mailbox domain opens as fast as a small one. Keys only
 * move the cursor; the filter after `/` is sent to the server once typing pauses.
 */
export interface MailboxesScreen extends ScreenBase, MailboxQuery {
  readonly kind: 'mailboxes';
  readonly domain: string;
  /** What the table shows until pages of the current filter and generation arrive. */
  readonly loaded: LoadedMailboxes | null;
  /** Mailboxes in the whole domain, for the title's "of N". */
  readonly domainTotal: number | null;
  /** The longest address read so far: the Address column is sized by it, so it does not jump on scroll. */
  readonly longestAddress: number;
  /** Bumped by refresh and by reloads after a change, so older pages are read again. */
  readonly generation: number;
  readonly filter: string;
  readonly filtering: boolean;
  readonly list: ListState;
  /** The domain's type names, learnt from the first page, for the type filter `t`. */
  readonly types: readonly string[];
  /** Rows marked for a bulk action (Space, `*`); none when unset. Kept by mailbox-marks.ts. */
  readonly marks?: MailboxMarks;
}

export { QUOTA_FILTERS, STATUS_FILTERS } from '../mailbox-query.ts';

/** Everything the server is asked besides the page: the pages loaded answer exactly this. */
export function queryOf(s: MailboxesScreen): string {
  return `${s.filter}\u0000${queryText(s)}`;
}

/** The Mailboxes table of `domain`; its first page is fetched at once. */
export function mailboxesScreen(domain: string): MailboxesScreen {
  return {
    kind: 'mailboxes',
    ...base(),
    domain,
    loaded: null,
    domainTotal: null,
    longestAddress: 0,
    generation: 0,
    filter: '',
    filtering: false,
    list: LIST_START,
    ...QUERY_START,
    types: [],
  };
}

/** True when the loaded pages answer the filter and generation the screen has now. */
export function isCurrent(s: MailboxesScreen): boolean {
  return s.loaded !== null && s.loaded.filter === queryOf(s) && s.loaded.generation === s.generation;
}

/** Rows the list has (the loaded total, maybe of the previous filter while the new one loads). */
export function rowCount(s: MailboxesScreen): number {
  return s.loaded?.total ?? 0;
}

/** Row `index`, or undefined while its page is not loaded. */
export function rowAt(s: MailboxesScreen, index: number): MailboxRow | undefined {
  return s.loaded?.pages[Math.floor(index / MAILBOX_PAGE)]?.[index % MAILBOX_PAGE];
}

function fetchKey(s: MailboxesScreen, offset: number): string {
  return `${s.generation}\u0000${queryOf(s)}\u0000${offset}`;
}

/** Page indexes covering the window plus one window before and after, so PgUp/PgDn find rows ready. */
function wantedPages(s: MailboxesScreen, page: number): number[] {
  const total = isCurrent(s) ? rowCount(s) : Number.POSITIVE_INFINITY;
  const from = Math.max(0, s.list.top - page);
  const to = Math.min(total, s.list.top + 2 * page) - 1;
  const out: number[] = [];
  for (let p = Math.floor(from / MAILBOX_PAGE); p <= Math.floor(Math.max(from, to) / MAILBOX_PAGE); p++) {
    if (!(isCurrent(s) && s.loaded?.pages[p])) out.push(p);
  }
  return out;
}

/** The read of page `index` for the screen's query (mailbox-marks.ts takes the query of `*` from it). */
export function pageRequest(s: MailboxesScreen, index: number): Fetch {
  const offset = index * MAILBOX_PAGE;
  const req: Request = {
    op: 'mailboxPage',
    domain: s.domain,
    filter: s.filter,
    offset,
    limit: MAILBOX_PAGE,
    sort: s.sort,
    ascending: s.ascending,
    ...(s.status ? { status: s.status } : {}),
    ...(s.type ? { type: s.type } : {}),
    ...(s.quotaMin !== null ? { quotaMin: s.quotaMin } : {}),
  };
  return { key: fetchKey(s, offset), req };
}

function withFilter(s: MailboxesScreen, filter: string): MailboxesScreen {
  return { ...s, filter, list: LIST_START };
}

/** A new generation: every page is read again, the rows on screen stay until the new ones arrive. */
function refreshed(s: MailboxesScreen): MailboxesScreen {
  return { ...s, generation: s.generation + 1, message: null };
}

export const mailboxesLogic: ScreenLogic<MailboxesScreen> = {
  onKey(s, key, ctx) {
    const moved = listKey(s.list, key, rowCount(s), ctx.page);
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
    if (is(key, 'refresh')) return stay(refreshed(s));
    // The server sorts and filters: a new order or filter starts at the top, as k9s does.
    const query = queryKey(s, key, s.types);
    if (query) return stay({ ...s, ...query, list: LIST_START });
    if (is(key, 'newItem')) return { screen: s, nav: { type: 'push', screen: newMailboxScreen(s.domain) } };
    const row = rowAt(s, s.list.cursor);
    if (!row) return stay(s);
    if (is(key, 'open'))
      return { screen: s, nav: { type: 'push', screen: mailboxScreen(s.domain, row.address) } };
    if (is(key, 'deleteItem'))
      return { screen: s, nav: { type: 'push', screen: deleteMailboxScreen(row.address) } };
    return stay(s);
  },
  fetches: (s, ctx) => ({
    list: wantedPages(s, ctx.page).map((p) => pageRequest(s, p)),
    // A changed filter waits for typing to pause; scrolling and refreshes fetch at once.
    debounce: s.loaded !== null && s.loaded.filter.split('\u0000')[0] !== s.filter,
  }),
  onFetched(s, key, data, ctx) {
    if (data.kind !== 'mailboxPage' || key !== fetchKey(s, data.page.offset)) return s;
    const { page } = data;
    const index = Math.floor(page.offset / MAILBOX_PAGE);
    const pages =
      isCurrent(s) && s.loaded ? { ...s.loaded.pages, [index]: page.rows } : { [index]: page.rows };
    const loaded = {
      filter: queryOf(s),
      generation: s.generation,
      total: page.total,
      pages,
      ...(page.tooMany ? { tooMany: page.tooMany } : {}),
    };
    return {
      ...s,
      loaded,
      types: page.types ?? s.types,
      domainTotal: page.domainTotal ?? s.domainTotal,
      longestAddress: page.rows.reduce((max, r) => Math.max(max, r.address.length), s.longestAddress),
      list: moveTo(s.list, s.list.cursor, page.total, ctx.page),
    };
  },
  captures: (s) => s.filtering,
  reload: refreshed,
  footer: (s) =>
    s.filtering
      ? ['submit', 'cancel']
      : ['up', 'down', 'open', 'search', 'listFilters', 'newItem', 'deleteItem', 'back', 'refresh'],
  // "A/N/T/S/U sort" and "f/t/u only" stand for their keys (r on the sort line): 24 rows hold the help.
  keys: (s) =>
    s.filtering
      ? mailboxesLogic.footer(s)
      : withListKeys([
          ...mailboxesLogic.footer(s).filter((k) => k !== 'statusFilter'),
          'sortName',
          'listFilters',
        ]),
};
