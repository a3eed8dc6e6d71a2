/**
 * The HTTP exchange as the emulator's core sees it, without web `Request`/`Response` objects: the node:http
 * server and `handle(Request)` (msw) both adapt to it, so one core answers both (decision 58). Building a
 * `Request` and a `Response` per call cost more than the Zimbra emulation itself over loopback.
 */

/** A request already read within its size limit. */
export interface CoreRequest {
  readonly method: string;
  readonly url: URL;
  /** A header by lower-case name (repeated headers joined, as `Headers.get` joins them), or null. */
  header(name: string): string | null;
  /** The body as UTF-8 text (a leading byte-order mark dropped, as `Request.text()` does); '' without one. */
  text(): string;
  /** Aborted when the client goes away (and when the server closes). */
  readonly signal: AbortSignal;
  /** The same request as a web `Request`, for the parts of the emulator written against one (pec-admin, `/__mock/*`). */
  toRequest(): Request;
}

/** An answer written in full: status, headers (a name may repeat, e.g. `set-cookie`) and text. */
export interface PlainAnswer {
  readonly kind: 'plain';
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

/** What the core answers: a plain answer, a web `Response`, or a dropped connection (a lost answer, a reset). */
export type CoreAnswer =
  | PlainAnswer
  | { readonly kind: 'response'; readonly response: Response }
  | { readonly kind: 'reset' };

/** A plain answer. */
export function plain(status: number, headers: PlainAnswer['headers'], body: string): PlainAnswer {
  return { kind: 'plain', status, headers, body };
}

/** A plain answer as a web `Response`. */
export function plainToResponse(answer: PlainAnswer): Response {
  const headers = new Headers();
  for (const [name, value] of answer.headers) headers.append(name, value);
  return new Response(answer.body, { status: answer.status, headers });
}

/** A core answer as a web `Response`; a dropped connection is `Response.error()`, as fetch reports one. */
export function answerToResponse(answer: CoreAnswer): Response {
  if (answer.kind === 'plain') return plainToResponse(answer);
  if (answer.kind === 'response') return answer.response;
  return Response.error();
}

const BOM = 0xfeff;

/** Bytes as UTF-8 text without a leading byte-order mark (what `Request.text()` gives). */
export function utf8Text(bytes: Uint8Array | null): string {
  if (bytes === null || bytes.byteLength === 0) return '';
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === BOM ? text.slice(1) : text;
}

/** A web `Request` whose body is already in memory, seen as a core request. */
export function coreFromWeb(request: Request, url: URL, body: Uint8Array | null): CoreRequest {
  let text: string | undefined;
  return {
    method: request.method,
    url,
    header: (name) => request.headers.get(name),
    text: () => {
      text ??= utf8Text(body);
      return text;
    },
    signal: request.signal,
    toRequest: () =>
      new Request(request.url, {
        method: request.method,
        headers: request.headers,
        body: body as Uint8Array<ArrayBuffer> | null,
        signal: request.signal,
      }),
  };
}
