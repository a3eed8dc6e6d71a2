import { REDACTED, redactSecrets } from '../http/redact.ts';
import type { WireFormat } from './wire/codec.ts';

/** What a hook learns before one HTTP exchange. The body is redacted: no password or token. */
export interface ZimbraRequestEvent {
  /** The request element, e.g. `CreateAccountRequest` (`BatchRequest` for a batch). */
  readonly operation: string;
  /** The endpoint, e.g. `https://mail.example.com:7071/service/admin/soap`. */
  readonly url: string;
  /** The wire format of the exchange. */
  readonly wire: WireFormat;
  /** 1 for the first try; retries of a read count up. */
  readonly attempt: number;
  /** The request body with every secret replaced by `[REDACTED]`. */
  readonly body: string;
}

/** What a hook learns after one HTTP exchange, answered or not. */
export interface ZimbraResponseEvent extends ZimbraRequestEvent {
  /** HTTP status; undefined when no answer came (connection, timeout, abort). */
  readonly status: number | undefined;
  /** Time from sending to the whole body read, in ms. */
  readonly durationMs: number;
  /** The answer's body, redacted like the request's ('' when none). */
  readonly responseBody: string;
  /** Why the exchange failed, when it did before an answer was read. */
  readonly error: Error | undefined;
}

/**
 * Observers for logging and tracing, called around every HTTP exchange (each retry included). They
 * cannot change a call: what they return is ignored and what they throw is swallowed.
 * @example
 * hooks: { afterResponse: (e) => log.info({ op: e.operation, status: e.status, ms: e.durationMs }) }
 */
export interface ZimbraHooks {
  /** Called before each exchange is sent. */
  readonly beforeRequest?: ((event: ZimbraRequestEvent) => void) | undefined;
  /** Called after each exchange, answered or failed. */
  readonly afterResponse?: ((event: ZimbraResponseEvent) => void) | undefined;
}

// Elements whose text is a secret in either direction, whatever the caller's own secret list holds:
// a fresh token in AuthResponse, passwords in Auth/SetPassword/ChangePassword/CreateAccount.
const SECRET_ELEMENTS = 'authToken|password|newPassword|oldPassword|csrfToken|preauth';
const XML_SECRET = new RegExp(`(<(?:\\w+:)?(?:${SECRET_ELEMENTS})(?:\\s[^>]*)?>)[^<]*(</)`, 'g');
const JSON_SECRET = new RegExp(
  `("(?:${SECRET_ELEMENTS})"\\s*:\\s*(?:\\[\\s*)?(?:\\{\\s*"_content"\\s*:\\s*)?)"(?:[^"\\\\]|\\\\.)*"`,
  'g',
);

/** A body as a hook may see it: secret elements blanked, then every known secret string. */
export function redactBody(body: string, secrets: readonly string[]): string {
  const structural = body.replace(XML_SECRET, `$1${REDACTED}$2`).replace(JSON_SECRET, `$1"${REDACTED}"`);
  return redactSecrets(structural, secrets);
}

/** Calls a hook, never letting it fail the call. */
export function notify<E>(hook: ((event: E) => void) | undefined, event: () => E): void {
  if (hook === undefined) return;
  try {
    hook(event());
  } catch {
    // A logging hook that throws must not turn a successful call into a failed one.
  }
}
