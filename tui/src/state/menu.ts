import { is } from '../keys/bindings.ts';
import type { KeyEvent } from '../keys/key-event.ts';

/** What a key means in a vertical menu. */
export type MenuMove = { readonly cursor: number } | 'open' | 'back' | null;

/** Up/down/g/G move, Enter opens, Esc/h/← go back; anything else is left to the screen. */
export function menuKey(cursor: number, key: KeyEvent, count: number): MenuMove {
  if (is(key, 'up')) return { cursor: Math.max(0, cursor - 1) };
  if (is(key, 'down')) return { cursor: Math.min(count - 1, cursor + 1) };
  if (is(key, 'top')) return { cursor: 0 };
  if (is(key, 'bottom')) return { cursor: count - 1 };
  if (is(key, 'open')) return 'open';
  if (is(key, 'back')) return 'back';
  return null;
}

/** Footer of every menu screen. */
export const MENU_FOOTER = ['up', 'down', 'open', 'back'] as const;
