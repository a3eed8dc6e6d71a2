import { useInput, useStdin } from 'ink';
import { type Dispatch, useEffect } from 'react';
import { keyEvent } from '../keys/key-event.ts';
import { splitChunk } from '../keys/split-chunk.ts';
import type { Action } from '../state/app-reducer.ts';

/** Escapes only, two or more: what Ink's input parser hands over when Esc is pressed twice in one read. */
const ESCAPES = /^\u001B{2,}$/;

/**
 * Sends every key to the reducer, one key per action. Why: the reducer always sees the latest
 * state, so keys that arrive before React re-renders never hit a stale closure.
 */
export function useKeys(dispatch: Dispatch<Action>, onCtrlC: () => void): void {
  const { internal_eventEmitter: events } = useStdin();
  // Ink 6 reports "\x1b\x1b" as a single Escape key (with meta): the raw input tells how many were
  // pressed, and this listener sends the ones useInput drops. Every Escape is the same action, so the
  // order of the two listeners does not matter.
  useEffect(() => {
    const onRaw = (data: unknown) => {
      if (typeof data !== 'string' || !ESCAPES.test(data)) return;
      for (let i = 1; i < data.length; i++) dispatch({ type: 'key', key: keyEvent('', 'escape') });
    };
    events.on('input', onRaw);
    return () => {
      events.removeListener('input', onRaw);
    };
  }, [events, dispatch]);
  useInput((input, key) => {
    for (const k of splitChunk(input, key)) {
      // Ctrl+C hidden in a batched chunk still quits at once.
      if (k.ctrl && k.input === 'c') {
        onCtrlC();
        return;
      }
      dispatch({ type: 'key', key: k });
    }
  });
}
