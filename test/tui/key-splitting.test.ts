import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { keyEvent } from '../../tui/src/keys/key-event.ts';
import { splitChunk } from '../../tui/src/keys/split-chunk.ts';

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};
const key = (flags: Partial<Key>): Key => ({ ...NO_KEY, ...flags });

describe('splitting terminal chunks into keys', () => {
  it('splits "jj" read in one chunk into two j presses', () => {
    expect(splitChunk('jj', NO_KEY)).toEqual([keyEvent('j'), keyEvent('j')]);
  });

  it('splits Enter followed by a letter in one chunk ("\\rD") into Enter and D', () => {
    expect(splitChunk('\rD', NO_KEY)).toEqual([keyEvent('', 'enter'), keyEvent('D')]);
  });

  it('finds Ctrl+C hidden at the end of a chunk ("j\\x03")', () => {
    expect(splitChunk('j\u0003', NO_KEY)).toEqual([keyEvent('j'), keyEvent('c', null, true)]);
  });

  it('reads Esc and a key arriving together (meta+j) as Esc then j', () => {
    expect(splitChunk('j', key({ meta: true }))).toEqual([keyEvent('', 'escape'), keyEvent('j')]);
  });

  it('treats Ink 6 "delete" (what Backspace sends) as backspace', () => {
    expect(splitChunk('', key({ delete: true }))).toEqual([keyEvent('', 'backspace')]);
  });

  it('maps Shift+Tab to backTab and a lone Esc to escape', () => {
    expect(splitChunk('', key({ tab: true, shift: true }))).toEqual([keyEvent('', 'backTab')]);
    expect(splitChunk('', key({ escape: true, meta: true }))).toEqual([keyEvent('', 'escape')]);
  });

  it('keeps a pasted word as its characters, in order', () => {
    expect(
      splitChunk('rossi', NO_KEY)
        .map((k) => k.input)
        .join(''),
    ).toBe('rossi');
  });
});
