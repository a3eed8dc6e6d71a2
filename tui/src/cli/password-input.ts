/** What one read of the hidden prompt means: keep typing, submit the value, or abort (Ctrl+C). */
export type PasswordInputEvent = 'more' | 'submit' | 'abort';

/** The typed password and whether it is complete; feed it chunks as the terminal delivers them. */
export interface PasswordInput {
  /** Applies one chunk of terminal input; stops at the first Enter or Ctrl+C. */
  feed(chunk: string): PasswordInputEvent;
  /** The password typed so far. */
  readonly value: string;
}

/**
 * A hidden password line that takes printable characters only.
 * Why: arrow keys, Home/End, F-keys and the bracketed-paste markers arrive as escape sequences
 * (`ESC [ … final`, `ESC O x`); taken literally they ended up inside the password. A sequence split
 * between two reads is still recognised.
 */
export function createPasswordInput(): PasswordInput {
  let value = '';
  // Where we are inside an escape sequence: none, after ESC, inside CSI parameters, after ESC O.
  let inSequence: 'none' | 'esc' | 'csi' | 'ss3' = 'none';
  return {
    get value() {
      return value;
    },
    feed(chunk) {
      for (const ch of chunk) {
        const code = ch.codePointAt(0) ?? 0;
        if (inSequence === 'esc') {
          inSequence = ch === '[' ? 'csi' : ch === 'O' ? 'ss3' : 'none';
          continue;
        }
        if (inSequence === 'csi') {
          // Parameter and intermediate bytes continue the sequence; a byte in @..~ ends it.
          if (code >= 0x40 && code <= 0x7e) inSequence = 'none';
          continue;
        }
        if (inSequence === 'ss3') {
          inSequence = 'none';
          continue;
        }
        if (ch === '\x1b') inSequence = 'esc';
        else if (ch === '\r' || ch === '\n') return 'submit';
        else if (ch === '\x03') return 'abort';
        else if (ch === '\x7f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch === '\x15') value = '';
        else if (code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0)) value += ch;
      }
      return 'more';
    },
  };
}
