import { useStdout } from 'ink';
import { type Dispatch, useEffect } from 'react';
import type { Action } from '../state/app-reducer.ts';
import type { ClipboardRequest } from '../state/copy-target.ts';
import { osc52 } from './osc52.ts';

/**
 * Writes a copy request of the state to the terminal as OSC 52, then tells the reducer (`copied`), which
 * drops the text and shows "Copied". The sequence goes straight to the terminal's stream: it moves no
 * cursor and draws nothing, so Ink's frame stays as it was; it never goes to a log or the journal.
 */
export function useClipboard(request: ClipboardRequest | null, dispatch: Dispatch<Action>): void {
  const { stdout } = useStdout();
  useEffect(() => {
    if (!request) return;
    stdout.write(osc52(request.text));
    dispatch({ type: 'copied', seq: request.seq });
  }, [request, stdout, dispatch]);
}
