import type { KeyEvent } from '../keys/key-event.ts';

/** A one-line text and the cursor in it, counted in code points (0 = before the first character). */
export interface Line {
  readonly text: string;
  readonly cursor: number;
}

/** The line of `text` with the cursor at its end (or at `cursor`, kept inside the text). */
export function lineOf(text: string, cursor?: number): Line {
  const length = [...text].length;
  return { text, cursor: cursor === undefined ? length : Math.max(0, Math.min(cursor, length)) };
}

/** Word characters for Ctrl+W: everything but spaces and the separators of addresses and URLs. */
const SEPARATOR = /[\s@./:_-]/u;

/**
 * Applies one readline key to a line: ←/→, Home/End, Ctrl+A/E move; Backspace, Delete, Ctrl+W (word
 * before the cursor), Ctrl+U (all before the cursor), Ctrl+K (all after it) delete; printable keys are
 * inserted at the cursor (a pasted chunk arrives as one key per character, so it lands there too).
 * Returns null when the key is not a line-editing key, so the caller can treat it (Enter, Tab, Esc…).
 * `accept` may refuse a character (a number field takes digits only): the line stays as it was.
 */
export function editLine(
  line: Line,
  key: KeyEvent,
  accept: (ch: string) => boolean = () => true,
): Line | null {
  const chars = [...line.text];
  const at = Math.max(0, Math.min(line.cursor, chars.length));
  const make = (next: readonly string[], cursor: number): Line => ({ text: next.join(''), cursor });
  if (key.ctrl) {
    switch (key.input) {
      case 'a':
        return { ...line, cursor: 0 };
      case 'e':
        return { ...line, cursor: chars.length };
      case 'u':
        return make(chars.slice(at), 0);
      case 'k':
        return make(chars.slice(0, at), at);
      case 'w': {
        let start = at;
        while (start > 0 && SEPARATOR.test(chars[start - 1] ?? '')) start--;
        while (start > 0 && !SEPARATOR.test(chars[start - 1] ?? '')) start--;
        return make([...chars.slice(0, start), ...chars.slice(at)], start);
      }
      default:
        return null;
    }
  }
  switch (key.name) {
    case 'left':
      return { ...line, cursor: Math.max(0, at - 1) };
    case 'right':
      return { ...line, cursor: Math.min(chars.length, at + 1) };
    case 'home':
      return { ...line, cursor: 0 };
    case 'end':
      return { ...line, cursor: chars.length };
    case 'backspace':
      return at === 0 ? line : make([...chars.slice(0, at - 1), ...chars.slice(at)], at - 1);
    case 'delete':
      return at >= chars.length ? line : make([...chars.slice(0, at), ...chars.slice(at + 1)], at);
    case null: {
      // Control characters of a pasted chunk never enter a value.
      if (key.input.length === 0 || /\p{Cc}/u.test(key.input)) return null;
      const typed = [...key.input];
      if (!typed.every(accept)) return line;
      return make([...chars.slice(0, at), ...typed, ...chars.slice(at)], at + typed.length);
    }
    default:
      return null;
  }
}
