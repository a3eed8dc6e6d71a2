import { ResponseTooLargeError } from '../errors/response-too-large-error.ts';
import { TimeoutError } from '../errors/timeout-error.ts';

/**
 * The default answer-size limit of every Casella client: 32 MiB of decoded body. A page of 1,000
 * accounts with their attributes is about 2 MB, so a 100,000-account directory read through paging
 * stays far below it, while a hostile or broken server cannot make the client buffer without bound.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/**
 * The largest limit a client accepts: 256 MiB. Above it the decoded text could approach V8's string
 * size limit (`ERR_STRING_TOO_LONG`), which would surface as a raw Node error.
 */
export const MAX_RESPONSE_BYTES_CEILING = 256 * 1024 * 1024;

/** Options of {@link readTextWithin}. */
export interface ReadOptions {
  /**
   * Most decoded bytes to accept (fetch has already inflated gzip, deflate and br, so this counts
   * what the caller would hold). @default DEFAULT_MAX_RESPONSE_BYTES
   */
  readonly maxBytes?: number | undefined;
}

/**
 * Reads a response body as UTF-8 text before `deadline` (epoch ms), streaming it chunk by chunk.
 * Throws TimeoutError past the deadline and ResponseTooLargeError as soon as the decoded body passes
 * `options.maxBytes` (or a `Content-Length` already announces more); either way `reading` is aborted,
 * which closes the connection, so a stalled or endless body never holds a socket or memory.
 * ky's own timeout stops at the response headers; this covers the body, error bodies included.
 */
export async function readTextWithin(
  response: Response,
  deadline: number,
  timeoutMs: number,
  reading: AbortController,
  options: ReadOptions = {},
): Promise<string> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const body = response.body;
  if (body === null) return '';
  // Content-Length counts encoded bytes; only an identity body can be refused before reading.
  const announced = Number(response.headers.get('content-length'));
  const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
  if (!encoded && Number.isFinite(announced) && announced > maxBytes) {
    reading.abort();
    await body.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(maxBytes);
  }
  const reader = body.getReader();
  // The timer cancels the reader instead of racing each read: a pending read() then settles at once,
  // and no promise per chunk is allocated on a 32 MiB answer.
  let expired = false;
  const timer = setTimeout(
    () => {
      expired = true;
      reading.abort();
      reader.cancel().catch(() => undefined);
    },
    Math.max(0, deadline - Date.now()),
  );
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (expired) throw new TimeoutError(timeoutMs);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw new ResponseTooLargeError(maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    reading.abort();
    // cancel() also stops the inflater upstream of the reader; it rejects once the stream is errored.
    await reader.cancel().catch(() => undefined);
    throw expired ? new TimeoutError(timeoutMs) : error;
  } finally {
    clearTimeout(timer);
  }
  return decodeUtf8(chunks, total);
}

function decodeUtf8(chunks: readonly Uint8Array[], total: number): string {
  if (chunks.length === 1 && chunks[0] !== undefined) return new TextDecoder().decode(chunks[0]);
  const all = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}
