import { useInput } from 'ink';
import type { Dispatch } from 'react';
import { splitChunk } from '../keys/split-chunk.ts';
import type { Action } from '../state/app-reducer.ts';

/**
 * Sends every key to the reducer, one key per action. Why: the reducer always sees the latest
 * state, so keys that arrive before React re-renders never hit a stale closure.
 */
export function useKeys(dispatch: Dispatch<Action>, onCtrlC: () => void): void {
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
