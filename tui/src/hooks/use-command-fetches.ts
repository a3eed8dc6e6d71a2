import { type Dispatch, useEffect, useRef } from 'react';
import { describeError } from '../services/describe-error.ts';
import type { Session } from '../services/session.ts';
import type { Action } from '../state/app-reducer.ts';
import { type CommandLine, requestOf, wantKey } from '../state/command-line.ts';
import { runRequest } from './use-requests.ts';

/**
 * Starts the read the `:` prompt waits for (the domain names, or one page of addresses for Tab) through
 * the same request runner as the screens, once per key, and dispatches its answer.
 */
export function useCommandFetches(
  command: CommandLine | null,
  dispatch: Dispatch<Action>,
  session: Session,
): void {
  const inFlight = useRef(new Set<string>());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const want = command?.want ?? null;
  useEffect(() => {
    if (!want) return;
    const key = wantKey(want);
    if (inFlight.current.has(key)) return;
    inFlight.current.add(key);
    runRequest(session, requestOf(want)).then(
      (data) => {
        inFlight.current.delete(key);
        if (mounted.current) dispatch({ type: 'commandFetched', key, data });
      },
      (error: unknown) => {
        inFlight.current.delete(key);
        if (mounted.current) dispatch({ type: 'commandFetchFailed', key, message: describeError(error) });
      },
    );
  }, [want, dispatch, session]);
}
