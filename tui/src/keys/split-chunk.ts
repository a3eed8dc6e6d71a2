import type { Key } from 'ink';
import { type KeyEvent, keyEvent } from './key-event.ts';

/**
 * Turns one Ink input event into single key presses.
 * Why: over SSH or tmux several keys land in one read (`"jj"`, `"\rD"`, `"j\x03"`) and Ink 6
 * hands them over as one event with no key flags; each must reach the reducer on its own.
 * `forwardDelete` says the raw input was the Delete key rather than Backspace.
 */
export function splitChunk(input: string, key: Key, forwardDelete = false): KeyEvent[] {
  if (key.escape) return [keyEvent('', 'escape')];
  // Ink names both 0x7f and `ESC [ 3 ~` "delete"; the raw input (see use-keys) tells which one came.
  if (key.delete && forwardDelete) return [keyEvent('', 'delete')];
  if (input.length > 1 && !key.ctrl) return [...input].map(charToKey);
  // Esc followed by a key in the same read arrives as meta+key: honour both.
  if (key.meta && input.length === 1 && !key.ctrl && !hasNamedFlag(key)) {
    return [keyEvent('', 'escape'), charToKey(input)];
  }
  const named = namedKey(key);
  if (named) return [keyEvent('', named)];
  if (key.ctrl) return [keyEvent(input.toLowerCase(), null, true)];
  if (input.length === 1) return [charToKey(input)];
  return [];
}

function hasNamedFlag(key: Key): boolean {
  return namedKey(key) !== null;
}

function namedKey(key: Key): KeyEvent['name'] {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageUp';
  if (key.pageDown) return 'pageDown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.tab) return key.shift ? 'backTab' : 'tab';
  // Ink 6 reports Backspace (0x7f) as `delete`; the two cannot be told apart, both delete left.
  if (key.backspace || key.delete) return 'backspace';
  return null;
}

/** Maps one raw character of a batched chunk to a key. */
function charToKey(ch: string): KeyEvent {
  const code = ch.charCodeAt(0);
  if (ch === '\r' || ch === '\n') return keyEvent('', 'enter');
  if (ch === '\t') return keyEvent('', 'tab');
  if (ch === '\x7f' || ch === '\b') return keyEvent('', 'backspace');
  if (ch === '\x1b') return keyEvent('', 'escape');
  if (code < 0x20) return keyEvent(String.fromCharCode(code + 96), null, true);
  return keyEvent(ch);
}
