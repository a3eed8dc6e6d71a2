import { AbortedError } from '../errors/aborted-error.ts';

/** Throws AbortedError when the caller's signal has already fired, so nothing goes on the wire. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortedError();
}

/**
 * Waits for a promise shared with other calls (a cached policy, a re-login in flight) but gives up
 * with AbortedError when this caller's signal fires; the shared work itself goes on for the others.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  throwIfAborted(signal);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbortedError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
