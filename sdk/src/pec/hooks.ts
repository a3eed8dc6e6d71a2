import type { CasellaError } from '../errors/casella-error.ts';
import { REDACTED, redactSecrets } from '../http/redact.ts';

/** What `onRequest` sees: one attempt of one pec-admin call, secrets redacted. */
export interface PecRequestEvent {
  /** The HTTP method. */
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path under `/v1/` with its query, e.g. `mailboxes?page=1&pageSize=50`. */
  readonly path: string;
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  readonly attempt: number;
  /** The JSON body sent, with `password`, `passwordConfirm` and any known secret redacted; undefined when none. */
  readonly body: unknown;
}

/** What `onResponse` sees: the outcome of one pec-admin call (after its retries), secrets redacted. */
export interface PecResponseEvent {
  /** The HTTP method. */
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path under `/v1/` with its query, as in {@link PecRequestEvent}. */
  readonly path: string;
  /** HTTP status of the last answer; undefined when none came (timeout, network failure, abort). */
  readonly status: number | undefined;
  /** Time from the call's start to its outcome, in ms (retries included). */
  readonly durationMs: number;
  /** The server's `X-Request-Id` (or the error body's `requestId`), for tracing; undefined when none. */
  readonly requestId: string | undefined;
  /** The parsed answer, with `token` and `temporaryPassword` redacted; undefined for 204 and for errors. */
  readonly body: unknown;
  /** The error the call ends with; undefined on success. */
  readonly error: CasellaError | undefined;
}

/**
 * Observers of the PEC client's traffic, for logging and tracing. They see redacted copies only:
 * no password, token or temporary password ever reaches a hook. A hook that throws is ignored, so
 * a broken logger cannot change the outcome of a call.
 * @example
 * const pec = await PecPostmaster.login({ url, username, password,
 *   hooks: { onResponse: (e) => console.log(e.method, e.path, e.status, `${e.durationMs} ms`) } });
 */
export interface PecHooks {
  /** Called before every attempt (retries included). */
  readonly onRequest?: ((event: PecRequestEvent) => void) | undefined;
  /** Called once per call with its outcome, success or error. */
  readonly onResponse?: ((event: PecResponseEvent) => void) | undefined;
}

/** JSON members that always hold a secret in pec-admin v1, whoever's they are. */
const SECRET_KEYS = new Set(['password', 'passwordConfirm', 'token', 'temporaryPassword']);

/** A deep copy of a JSON value with secret members and every known secret in a string replaced. */
export function redactJson(value: unknown, secrets: readonly (string | undefined)[]): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactJson(v, secrets));
  if (value !== null && typeof value === 'object') {
    // fromEntries defines own members, so a `__proto__` key stays data instead of a prototype.
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        redactSecrets(key, secrets),
        SECRET_KEYS.has(key) ? REDACTED : redactJson(v, secrets),
      ]),
    );
  }
  return value;
}

/** Calls a hook, ignoring what it throws: observation must never change a call's outcome. */
export function notify<E>(hook: ((event: E) => void) | undefined, event: () => E): void {
  if (hook === undefined) return;
  try {
    hook(event());
  } catch {
    // A logger's failure is the logger's business.
  }
}
