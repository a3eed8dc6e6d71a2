import { BulkRefusedError } from '@casella/sdk';
import { type Dispatch, useEffect, useRef } from 'react';
import { describeError } from '../services/describe-error.ts';
import { runImport } from '../services/import-service.ts';
import type { Session } from '../services/session.ts';
import type { Action, AppState } from '../state/app-reducer.ts';
import { errorMessage } from '../state/message.ts';
import { isJob, type Loaded, type Progress, type Request } from '../state/requests.ts';

/** Progress reports sent to the reducer at most this often: a fast run must not flood the renderer. */
const PROGRESS_EVERY_MS = 100;

/** Runs one job to its answer, reporting figures on the way. */
async function runJob(
  session: Session,
  req: Request,
  signal: AbortSignal,
  report: (progress: Progress) => void,
): Promise<Loaded> {
  switch (req.op) {
    case 'importRun':
      return {
        kind: 'importDone',
        result: await runImport(session, req.job, signal, (progress) => report({ kind: 'import', progress })),
      };
    default:
      throw new Error(`${req.op} is not a job`);
  }
}

/**
 * Starts each job a screen has put in state (a long request with progress: an import), once; sends its
 * figures as `progress` actions and its end as `loaded`/`failed`, like the request runner. A screen asks
 * to stop by marking its pending job `abort`: the job's AbortController fires and the run ends cleanly
 * with what was done. Jobs of screens the user left (detached) go on and report; closing the app aborts.
 */
export function useJobs(state: AppState, dispatch: Dispatch<Action>, session: Session): void {
  const running = useRef(new Map<string, AbortController>());
  const started = useRef(new Set<string>());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    const jobs = running.current;
    return () => {
      mounted.current = false;
      for (const controller of jobs.values()) controller.abort();
    };
  }, []);
  useEffect(() => {
    for (const screen of [...state.stack, ...state.detached]) {
      const pending = screen.pending;
      if (!pending || !isJob(pending.req)) continue;
      const tag = `${screen.id}:${pending.seq}`;
      const known = running.current.get(tag);
      if (known) {
        if (pending.abort) known.abort();
        continue;
      }
      // Started once, ever: an answer dropped as stale must not start the job again.
      if (started.current.has(tag)) continue;
      started.current.add(tag);
      const controller = new AbortController();
      running.current.set(tag, controller);
      if (pending.abort) controller.abort();
      const { id } = screen;
      const { seq } = pending;
      let last = 0;
      const report = (progress: Progress) => {
        const now = Date.now();
        const final = progress.progress.done >= progress.progress.total;
        if (!mounted.current || (now - last < PROGRESS_EVERY_MS && !final)) return;
        last = now;
        dispatch({ type: 'progress', id, seq, progress });
      };
      runJob(session, pending.req, controller.signal, report)
        .then(
          (data) => mounted.current && dispatch({ type: 'loaded', id, seq, data }),
          (error: unknown) =>
            mounted.current &&
            dispatch({
              type: 'failed',
              id,
              seq,
              // Pre-flight refused at start (the server changed since the preview): nothing was written.
              message:
                error instanceof BulkRefusedError
                  ? { ...errorMessage('import.refusedAtStart'), detail: error.message }
                  : describeError(error),
            }),
        )
        .finally(() => running.current.delete(tag));
    }
  }, [state.stack, state.detached, dispatch, session]);
}
