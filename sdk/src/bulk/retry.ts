import { ResponseValidationError, TimeoutError, TransportError, ZimbraFault } from '../errors/index.ts';

/** True for an error after which the request may or may not have been carried out. */
export function isUnclear(error: unknown): boolean {
  if (error instanceof TransportError || error instanceof TimeoutError) return true;
  if (error instanceof ResponseValidationError) return true;
  // A Receiver-side service fault (service.FAILURE, a proxy's 5xx as a fault) says nothing definite.
  return error instanceof ZimbraFault && error.fault === 'server' && error.code.startsWith('service.');
}

// The session logs in again once per dead token; a token that dies again before the replay lands is
// still "nothing happened", so a read is simply asked again.
const REAUTH = new Set(['service.AUTH_EXPIRED', 'service.AUTH_REQUIRED']);

/** True for an error after which a read may be sent again. */
export function isRetryableRead(error: unknown): boolean {
  return isUnclear(error) || (error instanceof ZimbraFault && REAUTH.has(error.code));
}

/** Waits `ms`, or less when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Exponential backoff with jitter: base, 2×base, 4×base … capped at 5 s. */
export function backoff(baseMs: number, attempt: number): number {
  const ms = Math.min(5_000, baseMs * 2 ** Math.max(0, attempt - 1));
  return ms / 2 + Math.random() * (ms / 2);
}

/**
 * Runs a read until it gets an answer: reads are safe to repeat, so an unclear failure (reset,
 * timeout, 5xx) is retried with backoff up to `attempts` times; anything else is thrown at once.
 */
export async function readWithRetries<T>(
  read: () => Promise<T>,
  attempts: number,
  baseMs: number,
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (!isRetryableRead(error) || attempt >= attempts || signal?.aborted) throw error;
      await sleep(backoff(baseMs, attempt), signal);
    }
  }
}
