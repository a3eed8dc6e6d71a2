import { Agent } from 'undici';
import { AbortedError } from '../errors/aborted-error.ts';
import { ResponseValidationError } from '../errors/response-validation-error.ts';
import { TimeoutError } from '../errors/timeout-error.ts';
import { TransportError } from '../errors/transport-error.ts';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../http/read-within.ts';
import type { TlsOptions } from '../http/tls.ts';
import {
  type ExchangeAnswer,
  type Exchanger,
  fetchExchanger,
  networkError,
  undiciExchanger,
} from './exchange.ts';
import { notify, redactBody, type ZimbraHooks } from './hooks.ts';
import type { SoapMessage, WireCodec, WireFormat } from './wire/codec.ts';
import { decodeAny } from './wire/index.ts';

/** Connection options shared by the admin and account clients. */
export interface ConnectionOptions extends TlsOptions {
  /** Base URL of the server, e.g. `https://mail.example.com:7071`. */
  readonly url: string;
  /** Time limit of one call, retries included. @default 30000 */
  readonly timeoutMs?: number | undefined;
  /** Retries of a read after a 502/503/504 or a dropped connection. Writes are never retried. @default 2 */
  readonly retries?: number | undefined;
  /** First retry delay; it doubles each time. @default 300 */
  readonly retryDelayMs?: number | undefined;
  /**
   * Most bytes of one answer (decoded: a gzip answer counts inflated). Past it the call fails at once
   * with ResponseTooLargeError and the connection is closed. The default holds a 5,000-account page
   * with every attribute many times over, so a 100,000-account directory reads fine through paging.
   * @default 33554432 (32 MiB)
   */
  readonly maxResponseBytes?: number | undefined;
  /**
   * The wire format: SOAP 1.2 XML or Zimbra's JSON SOAP. Both return the same typed values and faults.
   * @default 'xml'
   */
  readonly wire?: WireFormat | undefined;
  /** Observers of every HTTP exchange, for logging and tracing (bodies redacted). */
  readonly hooks?: ZimbraHooks | undefined;
  /**
   * Sends through this fetch instead of undici's request API. Without it the SDK still uses the
   * global fetch when something has replaced it (msw, a test double), so interceptors keep working.
   */
  readonly fetch?: typeof fetch | undefined;
}

/** What one POST needs besides the body. */
export interface PostOptions {
  /** Only reads may be repeated: a replayed CreateAccount could create twice. */
  readonly idempotent: boolean;
  /** The request element, for hooks and messages. */
  readonly operation: string;
  /** Strings to blank out of what hooks see (password, token). */
  readonly secrets?: readonly string[] | undefined;
  /** The caller's signal: aborts the call at once with AbortedError. */
  readonly signal?: AbortSignal | undefined;
}

const RETRY_STATUSES = new Set([502, 503, 504]);
const MAX_RETRY_AFTER_MS = 5_000;
// The fetch Node ships, as it was when the SDK loaded: a different one means an interceptor.
const BUILTIN_FETCH = globalThis.fetch;

function fetchIsReplaced(): boolean {
  return globalThis.fetch !== BUILTIN_FETCH || globalThis.fetch.name !== 'fetch';
}

/**
 * Sends SOAP bodies and classifies what comes back: a SOAP message (response or fault), or a
 * TransportError / TimeoutError / AbortedError / ResponseTooLargeError. Redirects are refused,
 * answers are bounded, the deadline covers headers, body and retries.
 */
export class SoapTransport {
  readonly baseUrl: string;
  readonly codec: WireCodec;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #retryDelayMs: number;
  readonly #maxBytes: number;
  readonly #hooks: ZimbraHooks | undefined;
  readonly #agent: Agent;
  readonly #undici: Exchanger;
  readonly #fetch: Exchanger | undefined;
  readonly #tlsGiven: boolean;

  constructor(options: ConnectionOptions, codec: WireCodec) {
    this.baseUrl = options.url.replace(/\/+$/, '');
    this.codec = codec;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#retries = options.retries ?? 2;
    this.#retryDelayMs = options.retryDelayMs ?? 300;
    this.#maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.#hooks = options.hooks;
    this.#tlsGiven = options.ca !== undefined || options.insecureSkipTlsVerify === true;
    this.#agent = new Agent({
      connect: {
        ...(options.ca === undefined ? {} : { ca: options.ca }),
        rejectUnauthorized: options.insecureSkipTlsVerify !== true,
      },
    });
    this.#undici = undiciExchanger(this.#agent);
    this.#fetch =
      options.fetch === undefined ? undefined : fetchExchanger(options.fetch, this.#dispatcherForFetch());
  }

  #dispatcherForFetch(): Agent | undefined {
    return this.#tlsGiven ? this.#agent : undefined;
  }

  #exchanger(): Exchanger {
    if (this.#fetch !== undefined) return this.#fetch;
    return fetchIsReplaced() ? fetchExchanger(globalThis.fetch, this.#dispatcherForFetch()) : this.#undici;
  }

  /** POSTs one body to `path` (e.g. `/service/admin/soap`) and reads the SOAP answer. */
  async post(path: string, body: string, options: PostOptions): Promise<SoapMessage> {
    const url = `${this.baseUrl}${path}`;
    const caller = options.signal;
    if (caller?.aborted) throw new AbortedError();
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new TimeoutError(this.#timeoutMs)), this.#timeoutMs);
    const aborted = new AbortController();
    const onAbort = () => aborted.abort(new AbortedError());
    caller?.addEventListener('abort', onAbort, { once: true });
    const signal = AbortSignal.any([deadline.signal, aborted.signal]);
    try {
      const answer = await this.#withRetries(url, body, options, signal);
      return this.#classify(answer, url, options);
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    }
  }

  async #withRetries(
    url: string,
    body: string,
    options: PostOptions,
    signal: AbortSignal,
  ): Promise<ExchangeAnswer> {
    const attempts = options.idempotent ? this.#retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= attempts;
      try {
        const answer = await this.#once(url, body, options, signal, attempt);
        if (!RETRY_STATUSES.has(answer.status)) return answer;
        if (!last) {
          await this.#pause(this.#delay(attempt, answer), signal);
          continue;
        }
        if (attempts === 1) return answer;
        throw new TransportError(`HTTP ${answer.status} from ${url} after ${attempts} attempts`, {
          status: answer.status,
        });
      } catch (error) {
        // Only a dropped or refused connection is worth another try; a status error is final here.
        const retryable = error instanceof TransportError && error.status === undefined && !signal.aborted;
        if (last || !retryable) throw error;
        await this.#pause(this.#delay(attempt, undefined), signal);
      }
    }
  }

  #delay(attempt: number, answer: ExchangeAnswer | undefined): number {
    const base = this.#retryDelayMs * 2 ** (attempt - 1);
    const after = answer?.status === 503 ? Number(answer.retryAfter) : Number.NaN;
    return Number.isFinite(after) && after >= 0 ? Math.min(after * 1000, MAX_RETRY_AFTER_MS) : base;
  }

  #pause(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', done);
        resolve();
      }, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  async #once(
    url: string,
    body: string,
    options: PostOptions,
    signal: AbortSignal,
    attempt: number,
  ): Promise<ExchangeAnswer> {
    const secrets = options.secrets ?? [];
    const hooks = this.#hooks;
    const wire = this.codec.format;
    const base = () => ({
      operation: options.operation,
      url,
      wire,
      attempt,
      body: redactBody(body, secrets),
    });
    notify(hooks?.beforeRequest, base);
    const started = performance.now();
    try {
      const answer = await this.#exchanger()({
        url,
        body,
        headers: {
          'content-type': this.codec.contentType,
          accept: this.codec.accept,
          'accept-encoding': 'gzip, deflate, br',
        },
        signal,
        maxBytes: this.#maxBytes,
      });
      notify(hooks?.afterResponse, () => ({
        ...base(),
        status: answer.status,
        durationMs: performance.now() - started,
        responseBody: redactBody(answer.text, secrets),
        error: undefined,
      }));
      return answer;
    } catch (raw) {
      const error = networkError(raw, url, signal);
      notify(hooks?.afterResponse, () => ({
        ...base(),
        status: undefined,
        durationMs: performance.now() - started,
        responseBody: '',
        error,
      }));
      throw error;
    }
  }

  // Success only with HTTP 200 and an envelope of the wire; faults with any status; a redirect or a
  // non-SOAP body is a TransportError that says whether the request may have been carried out.
  #classify(answer: ExchangeAnswer, url: string, options: PostOptions): SoapMessage {
    const { status } = answer;
    if (status >= 300 && status <= 399) {
      const target = safeTarget(answer.location, url);
      throw new TransportError(
        `HTTP ${status} from ${safeTarget(url, url) ?? url} redirects to ${target ?? '(no Location)'}; redirects are not followed`,
        { status, mayHaveBeenProcessed: false, ...(target === undefined ? {} : { location: target }) },
      );
    }
    const message = decodeAny(this.codec, answer.text);
    const mayHaveBeenProcessed = status < 300 || status >= 500;
    if (message === undefined) {
      const what =
        answer.text.trim() === '' ? 'an empty body' : `not a SOAP ${this.codec.format.toUpperCase()} answer`;
      throw new TransportError(
        `HTTP ${status} from ${url} is ${what} (${answer.contentType ?? 'no content type'})`,
        {
          status,
          mayHaveBeenProcessed,
        },
      );
    }
    if (message.kind === 'body' && status !== 200) {
      throw new TransportError(
        `HTTP ${status} from ${url} carries ${message.name}: success comes only with 200`,
        {
          status,
          mayHaveBeenProcessed,
        },
      );
    }
    if (message.kind === 'fault' && status !== 200 && status < 400) {
      throw new ResponseValidationError('Fault', `a fault with HTTP ${status} on ${options.operation}`);
    }
    return message;
  }

  /** Closes the connection pool. */
  async close(): Promise<void> {
    await this.#agent.close();
  }
}

// Origin and path only: a Location could carry credentials or a token in its query.
function safeTarget(location: string | undefined, base: string): string | undefined {
  if (location === undefined) return undefined;
  try {
    const u = new URL(location, base);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(an invalid Location)';
  }
}
