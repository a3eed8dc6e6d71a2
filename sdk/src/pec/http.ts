import ky, { HTTPError, type KyInstance, TimeoutError as KyTimeoutError, type RetryOptions } from 'ky';
import type { z } from 'zod';
import {
  CasellaError,
  PecApiError,
  ResponseValidationError,
  TimeoutError,
  TransportError,
} from '../errors/index.ts';
import { readTextWithin } from '../http/read-within.ts';
import { redactSecrets } from '../http/redact.ts';
import { createDispatcher, type TlsOptions } from '../http/tls.ts';
import { PecErrorEnvelopeSchema, type PecSession, PecSessionSchema } from './schemas.ts';

/** How the client retries. Waits are bounded so a hostile `Retry-After` cannot stall a caller. */
export interface PecRetryOptions {
  /** Retries after the first attempt. @default 2 */
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
  /** Time allowed for each attempt, in ms. @default 10000 */
  readonly timeoutMs?: number | undefined;
  readonly retry?: PecRetryOptions | undefined;
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

/**
 * The HTTP layer of PecPostmaster: ky with timeouts and bounded retries, the bearer token, and one
 * transparent re-login on `401 TOKEN_EXPIRED`. Credentials and token live in #private fields only.
 */
export class PecHttp {
  readonly #ky: KyInstance;
  readonly #timeoutMs: number;
  readonly #retry: { limit: number; maxRetryAfterMs: number; backoffMs: number };
  #credentials: { username: string; password: string } | undefined;
  #token: string | undefined;
  #relogin: Promise<void> | undefined;

  constructor(options: PecHttpOptions) {
    this.#timeoutMs = options.timeoutMs ?? 10_000;
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
  async login(username: string, password: string): Promise<PecSession> {
    const answer = await this.#send(
      { method: 'POST', path: 'sessions', json: { username, password }, retry: 'once', secrets: [password] },
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
      // Several calls may see the same expiry: one login serves them all.
      if (this.#token === token) {
        const { username, password } = this.#credentials;
        this.#relogin ??= this.login(username, password)
          .then(() => undefined)
          .finally(() => {
            this.#relogin = undefined;
          });
        await this.#relogin;
      } else if (this.#relogin !== undefined) await this.#relogin;
      return this.#send(call, this.#token ?? '');
    }
  }

  async #send(call: PecCall, token: string | undefined): Promise<PecAnswer> {
    const secrets = [...(call.secrets ?? []), this.#credentials?.password, this.#token, token];
    const headers: Record<string, string> = { ...call.headers };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    const deadline = Date.now() + this.#timeoutMs;
    const reading = new AbortController();
    try {
      const response = await this.#ky(call.path, {
        method: call.method,
        headers,
        signal: reading.signal,
        retry: this.#retryFor(call),
        ...(call.searchParams === undefined ? {} : { searchParams: call.searchParams }),
        ...(call.json === undefined ? {} : { json: call.json }),
      });
      const text = await readTextWithin(response, deadline, this.#timeoutMs, reading);
      return {
        status: response.status,
        headers: response.headers,
        body: text === '' ? undefined : parseJson(text),
      };
    } catch (error) {
      throw await this.#translate(error, secrets);
    }
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

  async #translate(error: unknown, secrets: readonly (string | undefined)[]): Promise<unknown> {
    if (error instanceof HTTPError) return errorFromResponse(error.response, secrets);
    // Neither ky error is chained as `cause`: both hold the Request, whose headers carry the token.
    if (error instanceof KyTimeoutError) return new TimeoutError(this.#timeoutMs);
    if (error instanceof TypeError) {
      const reason = (error.cause as { code?: string } | undefined)?.code ?? error.message;
      return new TransportError(`cannot reach the PEC server (${reason})`);
    }
    return error;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ResponseValidationError('pec-admin answer', 'the body is not JSON');
  }
}

async function errorFromResponse(response: Response, secrets: readonly (string | undefined)[]) {
  const text = await response.text().catch(() => '');
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
  const clean = (s: string) => redactSecrets(s, secrets);
  return new PecApiError({
    code,
    status: response.status,
    message: clean(message),
    details: details.map((d) => ({ ...d, message: clean(d.message) })),
    requestId: envelope.data.requestId ?? response.headers.get('x-request-id') ?? undefined,
    confirmWith,
  });
}
