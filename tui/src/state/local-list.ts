import { is } from '../keys/bindings.ts';
import { isPrintable, type KeyEvent } from '../keys/key-event.ts';

/**
 * Text filter, order and status filter of a list that the server answers whole (domains, PEC mailboxes):
 * small lists, so sorted and filtered here on every key, with the same keys as Mailboxes.
 */
export interface LocalListQuery<Column extends string> {
  readonly filter: string;
  /** True while `/` is typing into the filter. */
  readonly filtering: boolean;
  readonly sort: Column;
  readonly ascending: boolean;
  readonly status: string | null;
}

/** The statuses of `rows` in order, for `f` to cycle through. */
export function statusesOf(rows: readonly { readonly status: string }[]): string[] {
  return [...new Set(rows.map((r) => r.status))].sort();
}

/** The rows matching the text (in any of `text(row)`) and the status, in the order asked. */
export function visibleRows<Row extends { readonly status: string }, Column extends string>(
  rows: readonly Row[],
  q: LocalListQuery<Column>,
  text: (row: Row) => readonly string[],
  value: (row: Row, column: Column) => string | number,
): Row[] {
  const needle = q.filter.trim().toLowerCase();
  const kept = rows.filter(
    (r) =>
      (q.status === null || r.status === q.status) &&
      (needle === '' || text(r).some((t) => t.toLowerCase().includes(needle))),
  );
  const sign = q.ascending ? 1 : -1;
  const compare = (a: string | number, b: string | number) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  // Ties keep the server's order (Array.prototype.sort is stable).
  return kept.sort((a, b) => sign * compare(value(a, q.sort), value(b, q.sort)));
}

/**
 * The query after a key: typing into the filter while `filtering`, or `/`, a sort key of `sortKeys`
 * (again: reverse), `r` and `f`; null when the key is none of them.
 */
export function localListKey<Column extends string>(
  q: LocalListQuery<Column>,
  key: KeyEvent,
  sortKeys: readonly (readonly [Parameters<typeof is>[1], Column])[],
  statuses: readonly string[],
): LocalListQuery<Column> | null {
  if (q.filtering) {
    if (key.name === 'enter') return { ...q, filtering: false };
    if (key.name === 'escape') return { ...q, filter: '', filtering: false };
    if (key.name === 'backspace') return { ...q, filter: [...q.filter].slice(0, -1).join('') };
    if (isPrintable(key)) return { ...q, filter: q.filter + key.input };
    return null;
  }
  if (is(key, 'search')) return { ...q, filtering: true };
  if (key.name === 'escape' && q.filter) return { ...q, filter: '' };
  const sortBy = sortKeys.find(([id]) => is(key, id))?.[1];
  if (sortBy) return { ...q, sort: sortBy, ascending: q.sort === sortBy ? !q.ascending : true };
  if (is(key, 'reverse')) return { ...q, ascending: !q.ascending };
  if (is(key, 'statusFilter')) {
    const at = q.status === null ? -1 : statuses.indexOf(q.status);
    return { ...q, status: statuses[at + 1] ?? null };
  }
  return null;
}
