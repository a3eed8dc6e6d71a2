import ky, { HTTPError, type KyInstance, TimeoutError as KyTimeoutError, type RetryOptions } from 'ky';
import type { z } from 'zod';
import {
  AbortedError,
  CasellaError,
  PecApiError,
  ResponseValidationError,
  TimeoutError,
  TransportError,
} from '../errors/index.ts';
import { throwIfAborted, untilAborted } from '../http/abort.ts';
import { DEFAULT_MAX_RESPONSE_BYTES, readTextWithin } from '../http/read-within.ts';
import { redactSecrets } from '../http/redact.ts';
import { isRedirectStatus, NO_REDIRECT, refuseRedirect } from '../http/redirect.ts';
import { createDispatcher, type TlsOptions } from '../http/tls.ts';
import { notify, type PecHooks, redactJson } from './hooks.ts';
import { PecErrorEnvelopeSchema, type PecSession, PecSessionSchema } from './schemas.ts';

/** How the client retries. Waits are bounded so a hostile `Retry-After` cannot stall a caller. */
export interface PecRetryOptions {
  /** Retries after the first attempt, 0..10. @default 2 */
  readonly limit?: number | undefined;
  /** Longest wait honoured from a `Retry-After` header, in ms. @default 30000 */
  readonly maxRetryAfterMs?: number | undefined;
  /** First backoff delay when no `Retry-After` is given, doubled on each retry, in ms. @default 300 */
  readonly backoffMs?: number | undefined;
}

/** Connection options of the pec-admin HTTP layer. */
export interface PecHttpOptions extends TlsOptions {
  /** Base URL of the contract, e.g. `http://127.0.0.1:7071/pec` (the `/v1/...` paths are added). */
  readonly url: string;
  /** Time allowed for each attempt, headers and body, in ms. @default 10000 */
  readonly timeoutMs?: number | undefined;
  /** Retry bounds. */
  readonly retry?: PecRetryOptions | undefined;
  /** Most decoded bytes accepted in one answer, error answers included. @default DEFAULT_MAX_RESPONSE_BYTES */
  readonly maxResponseBytes?: number | undefined;
  /** Observers of the traffic (redacted). */
  readonly hooks?: PecHooks | undefined;
}

/**
 * How a call may be retried: `read` (GET: 429, 502, 503, 504 and network failures), `create` (a POST
 * that carries an Idempotency-Key: the same, always with the same key), `once` (only after a 429,
 * which means the server did nothing).
 */
export type RetryMode = 'read' | 'create' | 'once';

/** One call of the contract. */
export interface PecCall {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path under `/v1/`, without a leading slash, segments already encoded. */
  readonly path: string;
  readonly searchParams?: Record<string, string | number>;
  readonly json?: unknown;
  readonly headers?: Record<string, string>;
  readonly retry: RetryMode;
  /** Input secrets of this call (new passwords), redacted from anything the server echoes. */
  readonly secrets?: readonly string[];
  /** False to skip the re-login on `TOKEN_EXPIRED` (logout has nothing to repeat). @default true */
  readonly relogin?: boolean;
  /** The caller's signal: when it fires the call stops at once with AbortedError. */
  readonly signal?: AbortSignal | undefined;
}

/** A successful answer: status, headers, and the parsed JSON body (undefined for 204). */
export interface PecAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/** Parses a response body with its schema, or throws ResponseValidationError naming `what`. */
export function parseAnswer<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const problem = result.error.issues
      .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
      .join('; ');
    throw new ResponseValidationError(what, problem);
  }
  return result.data;
}

/** The state of one call while it runs: its reader, the start of its current attempt, its secrets. */
interface Flight {
  readonly reading: AbortController;
  readonly secrets: readonly (string | undefined)[];
  readonly signal: AbortSignal | undefined;
  attemptStart: number;
}

/**
 * The HTTP layer of PecPostmaster: ky with timeouts and bounded retries, the bearer token, and one
 * transparent re-login on `401 TOKEN_EXPIRED`. Redirects are never followed, every body (error
 * bodies included) is read within the attempt's deadline and the answer-size limit, and every
 * failure is a CasellaError. Credentials and token live in #private fields only.
 */
export class PecHttp {
  readonly #ky: KyInstance;
  readonly #timeoutMs: number;
  readonly #maxBytes: number;
  readonly #hooks: PecHooks;
  readonly #retry: { limit: number; maxRetryAfterMs: number; backoffMs: number };
  #credentials: { username: string; password: string } | undefined;
  #token: string | undefined;
  #relogin: Promise<void> | undefined;

  constructor(options: PecHttpOptions) {
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.#hooks = options.hooks ?? {};
    const retry = options.retry ?? {};
    this.#retry = {
      limit: retry.limit ?? 2,
      maxRetryAfterMs: retry.maxRetryAfterMs ?? 30_000,
      backoffMs: retry.backoffMs ?? 300,
    };
    const dispatcher = createDispatcher(options);
    this.#ky = ky.create({
      prefixUrl: `${options.url.replace(/\/+$/, '')}/v1/`,
      timeout: this.#timeoutMs,
      headers: { accept: 'application/json' },
      // fetch would re-send the body (password, token) to wherever a 307/308 points; see refuseRedirect.
      ...NO_REDIRECT,
      hooks: {
        // An intermediate failure's body is never read: release it so the socket returns to the pool.
        beforeRetry: [
          ({ error }) => void (error instanceof HTTPError ? error.response.body?.cancel() : undefined),
        ],
      },
      // ky forwards unknown options such as `dispatcher` to fetch (see the ky readme on proxies).
      ...(dispatcher === undefined ? {} : ({ dispatcher } as object)),
    });
  }

  /** Logs in and keeps the credentials for one transparent re-login when the token expires. */
  async login(username: string, password: string, signal?: AbortSignal): Promise<PecSession> {
    const answer = await this.#send(
      {
        method: 'POST',
        path: 'sessions',
        json: { username, password },
        retry: 'once',
        secrets: [password],
        signal,
      },
      undefined,
    );
    const session = parseAnswer(PecSessionSchema, answer.body, 'POST /v1/sessions answer');
    this.#credentials = { username, password };
    this.#token = session.token;
    return session;
  }

  /** Remembers a new password of the logged-in postmaster (after they changed it). */
  rememberPassword(password: string): void {
    if (this.#credentials !== undefined) this.#credentials = { ...this.#credentials, password };
  }

  /** Drops token and credentials; later calls fail before the wire. */
  forget(): void {
    this.#credentials = undefined;
    this.#token = undefined;
  }

  /** Sends an authenticated call; on `TOKEN_EXPIRED` logs in again once and repeats it. */
  async send(call: PecCall): Promise<PecAnswer> {
    const token = this.#token;
    if (token === undefined)
      throw new CasellaError('SESSION_CLOSED', 'the PEC session was logged out; log in again');
    try {
      return await this.#send(call, token);
    } catch (error) {
      const expired = error instanceof PecApiError && error.code === 'TOKEN_EXPIRED';
      if (!expired || call.relogin === false || this.#credentials === undefined) {
        throw error;
      }
      // Several calls may see the same expiry: one login serves them all (and no caller's signal ends it).
      if (this.#token === token) {
        const { username, password } = this.#credentials;
        this.#relogin ??= this.login(username, password)
          .then(() => undefined)
          .finally(() => {
            this.#relogin = undefined;
          });
        await untilAborted(this.#relogin, call.signal);
      } else if (this.#relogin !== undefined) await untilAborted(this.#relogin, call.signal);
      return this.#send(call, this.#token ?? '');
    }
  }

  async #send(call: PecCall, token: string | undefined): Promise<PecAnswer> {
    throwIfAborted(call.signal);
    const started = Date.now();
    const reading = new AbortController();
    const flight: Flight = {
      reading,
      secrets: [...(call.secrets ?? []), this.#credentials?.password, this.#token, token],
      signal: call.signal,
      attemptStart: started,
    };
    const path = pathWithQuery(call);
    const headers: Record<string, string> = { ...call.headers };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    try {
      const response = await this.#ky(call.path, {
        method: call.method,
        headers,
        signal: call.signal === undefined ? reading.signal : AbortSignal.any([reading.signal, call.signal]),
        retry: this.#retryFor(call),
        hooks: {
          beforeRequest: [
            (_request, _options, { retryCount }) => {
              flight.attemptStart = Date.now();
              notify(this.#hooks.onRequest, () => ({
                method: call.method,
                path,
                attempt: retryCount + 1,
                body: call.json === undefined ? undefined : redactJson(call.json, flight.secrets),
              }));
            },
          ],
        },
        ...(call.searchParams === undefined ? {} : { searchParams: call.searchParams }),
        ...(call.json === undefined ? {} : { json: call.json }),
      });
      const text = await this.#read(response, flight);
      const body = text === '' ? undefined : parseJson(text);
      notify(this.#hooks.onResponse, () => ({
        method: call.method,
        path,
        status: response.status,
        durationMs: Date.now() - started,
        requestId: response.headers.get('x-request-id') ?? undefined,
        body: redactJson(body, flight.secrets),
        error: undefined,
      }));
      return { status: response.status, headers: response.headers, body };
    } catch (caught) {
      const error = await this.#translate(caught, flight);
      notify(this.#hooks.onResponse, () => ({
        method: call.method,
        path,
        status: error instanceof PecApiError || error instanceof TransportError ? error.status : undefined,
        durationMs: Date.now() - started,
        requestId: error instanceof PecApiError ? error.requestId : undefined,
        body: undefined,
        error,
      }));
      throw error;
    }
  }

  /** Reads a body (success or error) within the current attempt's deadline and the size limit. */
  #read(response: Response, flight: Flight): Promise<string> {
    const deadline = flight.attemptStart + this.#timeoutMs;
    return readTextWithin(response, deadline, this.#timeoutMs, flight.reading, { maxBytes: this.#maxBytes });
  }

  #retryFor(call: PecCall): RetryOptions {
    const base = {
      limit: this.#retry.limit,
      maxRetryAfter: this.#retry.maxRetryAfterMs,
      afterStatusCodes: [429, 503],
      delay: (attempt: number) => this.#retry.backoffMs * 2 ** (attempt - 1),
      retryOnTimeout: false,
    };
    if (call.retry === 'read') return { ...base, methods: ['get'], statusCodes: [429, 502, 503, 504] };
    if (call.retry === 'create') return { ...base, methods: ['post'], statusCodes: [429, 502, 503, 504] };
    return {
      ...base,
      methods: [call.method.toLowerCase()],
      statusCodes: [429],
      // Not even a network failure is retried: the server may have acted before the line dropped.
      shouldRetry: ({ error }) => (error instanceof HTTPError ? undefined : false),
    };
  }

  /** Any failure → a CasellaError. Neither ky error is chained as `cause`: both hold the Request, whose headers carry the token. */
  async #translate(error: unknown, flight: Flight): Promise<CasellaError> {
    if (flight.signal?.aborted) return new AbortedError();
    if (error instanceof HTTPError) {
      if (isRedirectStatus(error.response.status)) {
        return refuseRedirect(error.response, error.request.url).then(
          () => new TransportError(`HTTP ${error.response.status} from the PEC server`),
          (refused: unknown) => refused as TransportError,
        );
      }
      return this.#errorFromResponse(error.response, flight);
    }
    if (error instanceof CasellaError) return error;
    if (error instanceof KyTimeoutError) return new TimeoutError(this.#timeoutMs);
    if (error instanceof TypeError) {
      const reason = (error.cause as { code?: string } | undefined)?.code ?? error.message;
      return new TransportError(`cannot reach the PEC server (${reason})`);
    }
    const name = error instanceof Error ? error.name : typeof error;
    return new TransportError(`the connection to the PEC server broke while reading the answer (${name})`);
  }

  async #errorFromResponse(response: Response, flight: Flight): Promise<CasellaError> {
    let text: string;
    try {
      text = await this.#read(response, flight);
    } catch (error) {
      if (flight.signal?.aborted) return new AbortedError();
      if (error instanceof CasellaError) return error;
      return new TransportError(
        `HTTP ${response.status}: the connection broke while reading the error body`,
        {
          status: response.status,
        },
      );
    }
    return pecApiError(response, text, flight.secrets);
  }
}

function pathWithQuery(call: PecCall): string {
  if (call.searchParams === undefined) return call.path;
  const query = new URLSearchParams(Object.entries(call.searchParams).map(([k, v]) => [k, String(v)]));
  return `${call.path}?${query}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ResponseValidationError('pec-admin answer', 'the body is not JSON');
  }
}

/** A pec-admin error body → PecApiError, every echoed text redacted; anything else → TransportError. */
function pecApiError(
  response: Response,
  text: string,
  secrets: readonly (string | undefined)[],
): CasellaError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const envelope = PecErrorEnvelopeSchema.safeParse(body);
  if (!envelope.success) {
    return new TransportError(`HTTP ${response.status} without a pec-admin error body`, {
      status: response.status,
    });
  }
  const { code, message, details, confirmWith } = envelope.data.error;
  // A server may echo input anywhere: the code, each detail's field and rule, the confirmation, the request id.
  const clean = (s: string) => redactSecrets(s, secrets);
  const optional = (s: string | undefined) => (s === undefined ? undefined : clean(s));
  const requestId = envelope.data.requestId ?? response.headers.get('x-request-id') ?? undefined;
  return new PecApiError({
    code: clean(code),
    status: response.status,
    message: clean(message),
    details: details.map((d) => ({
      ...(d.field === undefined ? {} : { field: clean(d.field) }),
      ...(d.rule === undefined ? {} : { rule: clean(d.rule) }),
      message: clean(d.message),
    })),
    requestId: optional(requestId),
    confirmWith: optional(confirmWith),
  });
}
