// One HTTP POST and its whole answer, bounded in time and size, over undici.request or, when the
// process's fetch is intercepted (msw) or a fetch is given, over fetch. Redirects are never followed.
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { type Agent, request as undiciRequest } from 'undici';
import { ResponseTooLargeError } from '../errors/response-too-large-error.ts';
import { TransportError } from '../errors/transport-error.ts';

/** One request to send. */
export interface ExchangeRequest {
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Aborts the exchange (deadline and caller's signal combined); the reason is the error to throw. */
  readonly signal: AbortSignal;
  /** Most decoded answer bytes to hold. */
  readonly maxBytes: number;
}

/** A whole answer. */
export interface ExchangeAnswer {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly location: string | undefined;
  readonly retryAfter: string | undefined;
  readonly text: string;
}

/** How answers are fetched: undici's own request API, or a fetch function. */
export type Exchanger = (request: ExchangeRequest) => Promise<ExchangeAnswer>;

// Errors raised before a byte of the request can have reached the server.
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

function codeOf(error: unknown): string | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
  }
  return undefined;
}

/** A network failure as a TransportError; the abort reason wins when the signal fired. */
export function networkError(error: unknown, url: string, signal: AbortSignal): Error {
  if (signal.aborted && signal.reason instanceof Error) return signal.reason;
  if (error instanceof TransportError || error instanceof ResponseTooLargeError) return error;
  const code = codeOf(error);
  const lowest = lowerCause(error);
  const detail = lowest instanceof Error ? lowest.message : String(lowest);
  return new TransportError(`cannot reach ${url}: ${code === undefined ? detail : `${code} (${detail})`}`, {
    cause: lowest,
    mayHaveBeenProcessed: code === undefined || !NOT_SENT.has(code),
  });
}

// fetch wraps the network error ("fetch failed" → ECONNRESET); keep only that, never the Request.
function lowerCause(error: unknown): unknown {
  return error instanceof Error && error.cause instanceof Error ? error.cause : error;
}

/** Collects decoded chunks up to `maxBytes`; past it, stops reading at once. */
async function collect(
  chunks: AsyncIterable<Uint8Array>,
  maxBytes: number,
  stop: () => void,
): Promise<string> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      stop();
      throw new ResponseTooLargeError(maxBytes);
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts, total).toString('utf8');
}

function decoderFor(encoding: string): NodeJS.ReadWriteStream | undefined {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return undefined;
  }
}

// Closes an answer's socket without reading on; a late error from the torn-down stream is expected.
function discard(stream: Readable | NodeJS.ReadWriteStream | undefined): void {
  if (stream === undefined) return;
  const readable = stream as Readable;
  readable.on('error', () => undefined);
  readable.destroy();
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** An exchanger over undici.request with the given connection pool. */
export function undiciExchanger(dispatcher: Agent): Exchanger {
  return async (req) => {
    const res = await undiciRequest(req.url, {
      method: 'POST',
      body: req.body,
      headers: req.headers,
      signal: req.signal,
      dispatcher,
    });
    const body = res.body as unknown as Readable;
    const encoding = (header(res.headers['content-encoding']) ?? 'identity').trim().toLowerCase();
    const announced = Number(header(res.headers['content-length']));
    if (encoding === 'identity' && Number.isFinite(announced) && announced > req.maxBytes) {
      discard(body);
      throw new ResponseTooLargeError(req.maxBytes);
    }
    let source: AsyncIterable<Uint8Array> = body;
    let decoder: NodeJS.ReadWriteStream | undefined;
    if (encoding !== 'identity') {
      decoder = decoderFor(encoding);
      if (decoder === undefined) {
        discard(body);
        throw new TransportError(`HTTP ${res.statusCode} from ${req.url} uses content-encoding ${encoding}`, {
          status: res.statusCode,
        });
      }
      // An error on either side (abort, corrupt gzip) ends the iteration below with that error.
      source = pipeline(body, decoder, () => undefined) as unknown as AsyncIterable<Uint8Array>;
    }
    const text = await collect(source, req.maxBytes, () => {
      discard(body);
      discard(decoder);
    });
    return {
      status: res.statusCode,
      contentType: header(res.headers['content-type']),
      location: header(res.headers.location),
      retryAfter: header(res.headers['retry-after']),
      text,
    };
  };
}

/** An exchanger over a fetch function (fetch inflates gzip itself; the decoded stream is counted). */
export function fetchExchanger(fetchFn: typeof fetch, dispatcher: Agent | undefined): Exchanger {
  return async (req) => {
    const res = await fetchFn(req.url, {
      method: 'POST',
      body: req.body,
      headers: req.headers,
      signal: req.signal,
      redirect: 'manual',
      // Node's fetch hands unknown options to undici; the dispatcher carries the TLS settings.
      ...(dispatcher === undefined ? {} : { dispatcher }),
    } as RequestInit);
    const encoded = (res.headers.get('content-encoding') ?? 'identity') !== 'identity';
    const announced = Number(res.headers.get('content-length'));
    if (!encoded && Number.isFinite(announced) && announced > req.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(req.maxBytes);
    }
    const text =
      res.body === null
        ? ''
        : await collect(res.body as unknown as AsyncIterable<Uint8Array>, req.maxBytes, () => {
            res.body?.cancel().catch(() => undefined);
          });
    return {
      status: res.status,
      contentType: res.headers.get('content-type') ?? undefined,
      location: res.headers.get('location') ?? undefined,
      retryAfter: res.headers.get('retry-after') ?? undefined,
      text,
    };
  };
}
