import { type Dispatch, useEffect, useRef } from 'react';
import { describeError } from '../services/describe-error.ts';
import type { Session } from '../services/session.ts';
import { type Action, type AppState, topOf } from '../state/app-reducer.ts';
import { listPage } from '../state/layout.ts';
import { logicOf } from '../state/registry.ts';
import { runRequest } from './use-requests.ts';

/** How long typing must pause before a filter goes to the server. */
const FILTER_DEBOUNCE_MS = 150;

/**
 * Starts the background reads the top screen wants (ScreenLogic.fetches): each key once while it is in
 * flight, after a pause in typing when the screen asks for a debounce. Keys stay with the reducer,
 * so moving through a long list never waits for the network.
 */
export function useFetches(state: AppState, dispatch: Dispatch<Action>, session: Session): void {
  const inFlight = useRef(new Set<string>());
  // A failed read is not retried by itself (no request storm); a refresh asks with new keys.
  const failed = useRef(new Set<string>());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const top = topOf(state);
  const { rows, env } = state;
  useEffect(() => {
    const wanted = logicOf(top).fetches?.(top, { page: listPage(rows), env });
    if (!wanted) return;
    const tag = (key: string) => `${top.id}\u0001${key}`;
    const fresh = wanted.list.filter(
      (f) => !inFlight.current.has(tag(f.key)) && !failed.current.has(tag(f.key)),
    );
    if (fresh.length === 0) return;
    const { id } = top;
    const start = () => {
      for (const { key, req } of fresh) {
        inFlight.current.add(tag(key));
        runRequest(session, req).then(
          (data) => {
            inFlight.current.delete(tag(key));
            if (mounted.current) dispatch({ type: 'fetched', id, key, data });
          },
          (error: unknown) => {
            inFlight.current.delete(tag(key));
            failed.current.add(tag(key));
            if (mounted.current) dispatch({ type: 'fetchFailed', id, key, message: describeError(error) });
          },
        );
      }
    };
    if (!wanted.debounce) {
      start();
      return;
    }
    const timer = setTimeout(start, FILTER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [top, rows, env, dispatch, session]);
}
