import { type BindingId, is } from '../keys/bindings.ts';
import type { KeyEvent } from '../keys/key-event.ts';

/** Cursor and first visible row of a windowed list. */
export interface ListState {
  readonly cursor: number;
  readonly top: number;
}

/** Movement keys every windowed list honours (listKey), not all of which fit its footer. */
const LIST_KEYS: readonly BindingId[] = ['up', 'down', 'pageUp', 'pageDown', 'top', 'bottom'];

/** The footer's bindings plus the list movements it leaves out (after its own), for the help screen. */
export function withListKeys(footer: readonly BindingId[]): BindingId[] {
  const missing = LIST_KEYS.filter((k) => !footer.includes(k));
  const at = footer.findLastIndex((k) => LIST_KEYS.includes(k)) + 1;
  return [...footer.slice(0, at), ...missing, ...footer.slice(at)];
}

/** A list at its first row. */
export const LIST_START: ListState = { cursor: 0, top: 0 };

/** Moves the cursor to `to` (clamped) and scrolls so it stays inside a window of `page` rows. */
export function moveTo(list: ListState, to: number, count: number, page: number): ListState {
  const cursor = Math.max(0, Math.min(to, count - 1));
  const size = Math.max(1, page);
  let top = list.top;
  if (cursor < top) top = cursor;
  if (cursor >= top + size) top = cursor - size + 1;
  top = Math.max(0, Math.min(top, Math.max(0, count - size)));
  return { cursor: Math.max(0, cursor), top };
}

/** Applies a movement key (arrows, j/k, PgUp/PgDn, g/G); null when the key is not a movement. */
export function listKey(list: ListState, key: KeyEvent, count: number, page: number): ListState | null {
  if (is(key, 'up')) return moveTo(list, list.cursor - 1, count, page);
  if (is(key, 'down')) return moveTo(list, list.cursor + 1, count, page);
  if (is(key, 'pageUp')) return moveTo(list, list.cursor - page, count, page);
  if (is(key, 'pageDown')) return moveTo(list, list.cursor + page, count, page);
  if (is(key, 'top')) return moveTo(list, 0, count, page);
  if (is(key, 'bottom')) return moveTo(list, count - 1, count, page);
  return null;
}
