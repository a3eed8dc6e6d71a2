import { type BindingId, is } from '../../keys/bindings.ts';
import type { KeyEvent } from '../../keys/key-event.ts';
import type { MarkedSelection, MarkQuery } from '../../services/bulk-action-types.ts';
import { moveTo } from '../list.ts';
import { errorMessage, infoMessage } from '../message.ts';
import type { Ctx, ScreenLogic, Step } from '../screen-base.ts';
import { stay } from '../screen-base.ts';
import { bulkActionScreen } from './bulk-action.ts';
import {
  isCurrent,
  type MailboxesScreen,
  mailboxesLogic,
  pageRequest,
  queryOf,
  rowAt,
  rowCount,
} from './mailboxes.ts';

/**
 * The rows marked in the Mailboxes list. Space marks addresses one by one (they stay marked across
 * filters); `*` marks "every mailbox matching the query", kept as that query, its server count and the
 * addresses unmarked since: a `*` over 100,000 mailboxes holds no address until the action runs.
 */
export interface MailboxMarks {
  /** Without `all`: the addresses marked. With `all`: the addresses unmarked out of it. */
  readonly addresses: ReadonlySet<string>;
  /** `*`: every mailbox matching `query` (`key` is its membership, sort aside); `total` is the server's count. */
  readonly all: { readonly query: MarkQuery; readonly key: string; readonly total: number } | null;
  /** The bulk action screen was opened on these marks: the reload after its run clears them. */
  readonly acting: boolean;
  /** Esc on many marks asked whether to clear them: y clears, any other key keeps them. */
  readonly confirmClear: boolean;
}

/** Nothing marked. */
export const NO_MARKS: MailboxMarks = { addresses: new Set(), all: null, acting: false, confirmClear: false };

/** Esc asks before clearing more marks than this: they may have taken many keys to make. */
export const MANY_MARKS = 10;

/** The screen's marks (none when the screen has not marked anything yet). */
export function marksOf(s: MailboxesScreen): MailboxMarks {
  return s.marks ?? NO_MARKS;
}

/** How many mailboxes are marked. */
export function markedCount(m: MailboxMarks): number {
  return m.all ? Math.max(0, m.all.total - m.addresses.size) : m.addresses.size;
}

/** True when the row at `address` is marked. */
export function isMarked(m: MailboxMarks, address: string): boolean {
  return m.all ? !m.addresses.has(address) : m.addresses.has(address);
}

/** The query the list asks the server now, without the page: what `*` marks. */
export function queryOfList(s: MailboxesScreen): MarkQuery {
  const { req } = pageRequest(s, 0);
  if (req.op !== 'mailboxPage') throw new Error('the Mailboxes list reads mailbox pages');
  const { op: _op, offset: _offset, limit: _limit, ...query } = req;
  return query;
}

/** Which mailboxes a query matches, whatever the order: a new sort keeps a `*`, a new filter does not. */
export function membershipKey(query: MarkQuery): string {
  const { sort: _sort, ascending: _ascending, ...rest } = query;
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
}

/** The marks handed to a bulk action. */
export function selectionOf(s: MailboxesScreen): MarkedSelection {
  const m = marksOf(s);
  if (m.all) {
    return {
      kind: 'matching',
      domain: s.domain,
      query: m.all.query,
      except: [...m.addresses],
      count: markedCount(m),
    };
  }
  return { kind: 'addresses', domain: s.domain, addresses: [...m.addresses] };
}

function withMarks(s: MailboxesScreen, marks: MailboxMarks): MailboxesScreen {
  return { ...s, marks };
}

function toggled(m: MailboxMarks, address: string): MailboxMarks {
  const addresses = new Set(m.addresses);
  if (addresses.has(address)) addresses.delete(address);
  else addresses.add(address);
  return { ...m, addresses };
}

/** The keys marks add to the list; null for a key they leave to it. */
function marksKey(s: MailboxesScreen, key: KeyEvent, ctx: Ctx): Step<MailboxesScreen> | null {
  const m = marksOf(s);
  if (is(key, 'mark')) {
    const row = rowAt(s, s.list.cursor);
    if (!row) return stay(s);
    // As mc and ranger do: the cursor moves on, so Space Space Space marks three rows.
    const list = moveTo(s.list, s.list.cursor + 1, rowCount(s), ctx.page);
    return stay({ ...withMarks(s, toggled(m, row.address)), list, message: null });
  }
  if (is(key, 'markAll')) {
    // The rows shown answer this query (maybe of an older generation, reloading): the next page recounts.
    if (s.loaded?.filter !== queryOf(s)) return stay({ ...s, message: infoMessage('marks.wait') });
    if (rowCount(s) === 0) return stay({ ...s, message: errorMessage('marks.nothing') });
    const query = queryOfList(s);
    const all = { query, key: membershipKey(query), total: rowCount(s) };
    const marks: MailboxMarks = { ...NO_MARKS, all };
    return stay({ ...withMarks(s, marks), message: infoMessage('marks.allMarked', { count: all.total }) });
  }
  if (is(key, 'bulkActions')) {
    const count = markedCount(m);
    if (count === 0) return stay({ ...s, message: errorMessage('marks.first') });
    const screen = withMarks(s, { ...m, acting: true });
    return { screen, nav: { type: 'push', screen: bulkActionScreen(selectionOf(s), count) } };
  }
  if (key.name === 'escape' && markedCount(m) > 0) {
    const count = markedCount(m);
    if (count > MANY_MARKS)
      return stay({
        ...withMarks(s, { ...m, confirmClear: true }),
        message: infoMessage('marks.confirmClear', { count }),
      });
    return stay({ ...withMarks(s, NO_MARKS), message: infoMessage('marks.cleared', { count }) });
  }
  return null;
}

/** A `*` is for one query: when the filter changes, its marks go (and the user is told). */
function followQuery(before: MailboxesScreen, after: MailboxesScreen): MailboxesScreen {
  const { all } = marksOf(after);
  if (!all || membershipKey(queryOfList(after)) === all.key) return after;
  return {
    ...withMarks(after, NO_MARKS),
    message: infoMessage('marks.clearedByFilter', { count: markedCount(marksOf(before)) }),
  };
}

/** After a page arrives: a `*` of the query shown counts what the server counts now. */
function recounted(s: MailboxesScreen): MailboxesScreen {
  const m = marksOf(s);
  if (!m.all || !isCurrent(s) || rowCount(s) === m.all.total) return s;
  if (membershipKey(queryOfList(s)) !== m.all.key) return s;
  return withMarks(s, { ...m, all: { ...m.all, total: rowCount(s) } });
}

function footer(s: MailboxesScreen): readonly BindingId[] {
  if (s.filtering) return mailboxesLogic.footer(s);
  // Without marks the list's own keys come first; Space is last, where the footer has room at 80 columns.
  if (markedCount(marksOf(s)) === 0) return [...mailboxesLogic.footer(s), 'mark'];
  return ['mark', 'markAll', 'bulkActions', 'clearMarks', 'up', 'down', 'open', 'search', 'refresh'];
}

/**
 * The Mailboxes list with marks: Space, `*`, `b` (bulk actions) and Esc (clear) on top of the list's own
 * keys, which it otherwise leaves alone (the list's sort and filter code does not know about marks).
 */
export const markedMailboxesLogic: ScreenLogic<MailboxesScreen> = {
  ...mailboxesLogic,
  onKey(s, key, ctx) {
    const marks = marksOf(s);
    if (marks.confirmClear) {
      const next = is(key, 'yes') ? NO_MARKS : { ...marks, confirmClear: false };
      return stay({ ...withMarks(s, next), message: null });
    }
    // Back on the list with a key pressed: a later reload is not the bulk action's.
    const calm = marks.acting ? withMarks(s, { ...marks, acting: false }) : s;
    const own = s.filtering ? null : marksKey(calm, key, ctx);
    if (own) return own;
    const step = mailboxesLogic.onKey(calm, key, ctx);
    return { ...step, screen: followQuery(calm, step.screen) };
  },
  onFetched(s, key, data, ctx) {
    const next = mailboxesLogic.onFetched?.(s, key, data, ctx) ?? s;
    return next === s ? s : recounted(next);
  },
  reload(s) {
    // The bulk action ran: its marks are done with (its summary listed the rows that failed).
    const cleared = marksOf(s).acting ? withMarks(s, NO_MARKS) : s;
    return mailboxesLogic.reload?.(cleared) ?? cleared;
  },
  footer,
  // One help line for the mark keys: the help screen has no room for four at 24 rows.
  keys(s) {
    const own = mailboxesLogic.keys?.(s) ?? mailboxesLogic.footer(s);
    return s.filtering ? own : [...own, 'mark'];
  },
};
