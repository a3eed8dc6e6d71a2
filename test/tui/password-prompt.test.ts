import { describe, expect, it } from 'vitest';
import { createPasswordInput } from '../../tui/src/cli/password-input.ts';

/** Feeds chunks in order; returns the last event and the value. */
function typed(...chunks: string[]): { event: string; value: string } {
  const line = createPasswordInput();
  let event = 'more';
  for (const chunk of chunks) {
    event = line.feed(chunk);
    if (event !== 'more') break;
  }
  return { event, value: line.value };
}

describe('the hidden password prompt of casella', () => {
  it('keeps arrow keys, Home, End and Delete out of the password', () => {
    expect(typed('se\x1b[Dcr\x1b[C\x1b[H\x1b[F\x1b[3~et\r')).toEqual({ event: 'submit', value: 'secret' });
  });

  it('ignores application-mode arrows (ESC O A) and F-keys (ESC [ 1 5 ~)', () => {
    expect(typed('a\x1bOAb\x1b[15~c\r').value).toBe('abc');
  });

  it('recognises an escape sequence split between two reads', () => {
    expect(typed('pa\x1b', '[', 'Dss\r').value).toBe('pass');
  });

  it('keeps a pasted password and drops the bracketed-paste markers around it', () => {
    expect(typed('\x1b[200~Pa$$w0rd!\x1b[201~\r').value).toBe('Pa$$w0rd!');
  });

  it('deletes the last character with Backspace and clears the line with Ctrl+U', () => {
    expect(typed('wrong\x15ri\x7fght\r').value).toBe('rght');
  });

  it('keeps non-ASCII characters and drops other control characters', () => {
    expect(typed('è\x01ç€\x00\r').value).toBe('èç€');
  });

  it('stops at Ctrl+C with an abort', () => {
    expect(typed('abc\x03def').event).toBe('abort');
  });
});
