import type { JournalEntry } from '../../journal/journal-entry.ts';
import { is } from '../../keys/bindings.ts';
import { isPrintable } from '../../keys/key-event.ts';
import { LIST_START, type ListState, listKey, withListKeys } from '../list.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';

/** The Activity screen: the audit journal, newest first, filtered by what follows `/`. */
export interface ActivityScreen extends ScreenBase {
  readonly kind: 'activity';
  /** Journal entries newest first; null until read. */
  readonly rows: readonly JournalEntry[] | null;
  /** The journal's file, or null when CASELLA_JOURNAL=off turned it off. */
  readonly path: string | null;
  readonly list: ListState;
  readonly filter: string;
  readonly filtering: boolean;
}

/** The Activity screen, reading the journal. */
export function activityScreen(): ActivityScreen {
  return {
    kind: 'activity',
    ...base({ op: 'journal' }),
    rows: null,
    path: null,
    list: LIST_START,
    filter: '',
    filtering: false,
  };
}

/** The entries whose time, operation, target, outcome, code or admin contain the filter (any case). */
export function visibleEntries(s: ActivityScreen): readonly JournalEntry[] {
  const rows = s.rows ?? [];
  const needle = s.filter.trim().toLowerCase();
  if (needle === '') return rows;
  return rows.filter((e) =>
    [e.time, e.operation, e.target, e.outcome, e.code ?? '', e.admin, e.server].some((f) =>
      f.toLowerCase().includes(needle),
    ),
  );
}

function withFilter(s: ActivityScreen, filter: string): ActivityScreen {
  return { ...s, filter, list: LIST_START };
}

export const activityLogic: ScreenLogic<ActivityScreen> = {
  onKey(s, key, ctx) {
    const count = visibleEntries(s).length;
    const moved = listKey(s.list, key, count, ctx.page);
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
    if (is(key, 'refresh')) return stay(withRequest(s, { op: 'journal' }));
    return stay(s);
  },
  onLoaded(s, data) {
    if (data.kind !== 'journal') return stay(s);
    return stay({ ...s, rows: data.rows, path: data.path, list: LIST_START });
  },
  reload: (s) => withRequest(s, { op: 'journal' }),
  captures: (s) => s.filtering,
  footer: (s) => (s.filtering ? ['submit', 'cancel'] : ['up', 'down', 'search', 'refresh', 'back']),
  keys: (s) => (s.filtering ? activityLogic.footer(s) : withListKeys(activityLogic.footer(s))),
};
