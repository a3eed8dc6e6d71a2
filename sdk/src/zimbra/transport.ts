import ky, { isHTTPError, isTimeoutError } from 'ky';
import type { Agent } from 'undici';
import { TimeoutError } from '../errors/timeout-error.ts';
import { TransportError } from '../errors/transport-error.ts';
import { readTextWithin } from '../http/read-within.ts';
import { createDispatcher, type TlsOptions } from '../http/tls.ts';
import { readEnvelope, type SoapMessage } from './parse.ts';

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
}

/** What one POST needs besides the envelope. */
export interface PostOptions {
  /** Only reads may be repeated: a replayed CreateAccount could create twice. */
  readonly idempotent: boolean;
}

const RETRY_STATUSES = [502, 503, 504];
const CONTENT_TYPE = 'application/soap+xml; charset=utf-8';

/**
 * Sends SOAP envelopes with ky over the global fetch and classifies what comes back: a SOAP message
 * (response or fault, whatever the HTTP status), or a TransportError / TimeoutError.
 */
export class SoapTransport {
  readonly baseUrl: string;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #retryDelayMs: number;
  readonly #dispatcher: Agent | undefined;

  constructor(options: ConnectionOptions) {
    this.baseUrl = options.url.replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#retries = options.retries ?? 2;
    this.#retryDelayMs = options.retryDelayMs ?? 300;
    this.#dispatcher = createDispatcher(options);
  }

  /** POSTs one envelope to `path` (e.g. `/service/admin/soap`) and reads the SOAP answer. */
  async post(path: string, envelope: string, options: PostOptions): Promise<SoapMessage> {
    const url = `${this.baseUrl}${path}`;
    const deadline = Date.now() + this.#timeoutMs;
    const reading = new AbortController();
    const response = await this.#send(url, envelope, options, reading.signal);
    const text = await this.#readWithin(response, url, deadline, reading);
    const message = readEnvelope(text);
    if (message === undefined) {
      const type = response.headers.get('content-type') ?? 'no content type';
      throw new TransportError(`HTTP ${response.status} from ${url} is not a SOAP answer (${type})`, {
        status: response.status,
      });
    }
    return message;
  }

  async #readWithin(
    response: Response,
    url: string,
    deadline: number,
    reading: AbortController,
  ): Promise<string> {
    try {
      return await readTextWithin(response, deadline, this.#timeoutMs, reading);
    } catch (error) {
      if (error instanceof TimeoutError) throw error;
      throw new TransportError(`connection to ${url} broke while reading the answer`, {
        cause: lowerCause(error),
      });
    }
  }

  async #send(url: string, envelope: string, options: PostOptions, signal: AbortSignal): Promise<Response> {
    const delay = this.#retryDelayMs;
    try {
      return await ky.post(url, {
        body: envelope,
        signal,
        headers: { 'content-type': CONTENT_TYPE, accept: 'application/soap+xml, text/xml' },
        timeout: this.#timeoutMs,
        // SOAP faults arrive as HTTP 500 and are answers, not errors; only a proxy's 502/503/504
        // on a read is thrown, so that ky's retry (which only acts on thrown errors) can repeat it.
        throwHttpErrors: options.idempotent ? (status: number) => RETRY_STATUSES.includes(status) : false,
        // POST is not in ky's default retry methods; it is added here for reads only, and the status
        // list leaves out 500, which would replay faults.
        retry: options.idempotent
          ? {
              limit: this.#retries,
              methods: ['post'],
              statusCodes: RETRY_STATUSES,
              afterStatusCodes: [503],
              maxRetryAfter: 5_000,
              retryOnTimeout: false,
              delay: (attempt: number) => delay * 2 ** (attempt - 1),
            }
          : 0,
        // ky hands unknown options to fetch; undici's dispatcher carries the TLS settings.
        ...(this.#dispatcher === undefined ? {} : { dispatcher: this.#dispatcher }),
      });
    } catch (error) {
      if (isTimeoutError(error)) throw new TimeoutError(this.#timeoutMs);
      if (isHTTPError(error)) {
        await error.response.body?.cancel().catch(() => undefined);
        const status = error.response.status;
        throw new TransportError(`HTTP ${status} from ${url} after ${this.#retries + 1} attempts`, {
          status,
        });
      }
      throw new TransportError(`cannot reach ${url}: ${describe(error)}`, { cause: lowerCause(error) });
    }
  }

  /** Closes the TLS dispatcher's sockets. */
  async close(): Promise<void> {
    await this.#dispatcher?.close();
  }
}

// fetch wraps the network error ("fetch failed" → ECONNRESET); keep only that, never the Request.
function lowerCause(error: unknown): unknown {
  return error instanceof Error && error.cause instanceof Error ? error.cause : error;
}

function describe(error: unknown): string {
  const cause = lowerCause(error);
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return typeof code === 'string' ? `${code} (${cause.message})` : cause.message;
  }
  return String(cause);
}
