import { useInput, useStdin } from 'ink';
import { type Dispatch, useEffect, useRef } from 'react';
import { keyEvent } from '../keys/key-event.ts';
import { splitChunk } from '../keys/split-chunk.ts';
import type { Action } from '../state/app-reducer.ts';

/** Escapes only, two or more: what Ink's input parser hands over when Esc is pressed twice in one read. */
const ESCAPES = /^\u001B{2,}$/;
/** The Delete key of the editing keypad, with or without modifiers (`ESC [ 3 ~`, `ESC [ 3 ; 5 ~`). */
const FORWARD_DELETE = /^\u001B\[3(?:;\d+)?~$/;

/**
 * Sends every key to the reducer, one key per action. Why: the reducer always sees the latest
 * state, so keys that arrive before React re-renders never hit a stale closure.
 */
export function useKeys(dispatch: Dispatch<Action>, onCtrlC: () => void): void {
  const { internal_eventEmitter: events } = useStdin();
  // Set by the raw listener, read by useInput's handler for the same key (registered after it).
  const forwardDelete = useRef(false);
  // Ink 6 reports "\x1b\x1b" as a single Escape key (with meta): the raw input tells how many were
  // pressed, and this listener sends the ones useInput drops. Every Escape is the same action, so the
  // order of the two listeners does not matter.
  useEffect(() => {
    const onRaw = (data: unknown) => {
      if (typeof data !== 'string') return;
      forwardDelete.current = FORWARD_DELETE.test(data);
      if (!ESCAPES.test(data)) return;
      for (let i = 1; i < data.length; i++) dispatch({ type: 'key', key: keyEvent('', 'escape') });
    };
    events.on('input', onRaw);
    return () => {
      events.removeListener('input', onRaw);
    };
  }, [events, dispatch]);
  useInput((input, key) => {
    const keys = splitChunk(input, key, forwardDelete.current);
    forwardDelete.current = false;
    for (const k of keys) {
      // Ctrl+C hidden in a batched chunk still quits at once.
      if (k.ctrl && k.input === 'c') {
        onCtrlC();
        return;
      }
      dispatch({ type: 'key', key: k });
    }
  });
}
