import { randomBytes } from 'node:crypto';
import { pecPayloadTooLarge } from './pec/index.ts';

/** Zimbra's default `zimbraSoapRequestMaxSize` (globalConfig, zimbra-attrs.xml attribute 557), in bytes. */
export const ZIMBRA_SOAP_REQUEST_MAX_SIZE = 15_360_000;
/** The largest pec-admin v1 request body, in bytes (1 MiB; the contract's `413 PAYLOAD_TOO_LARGE`). */
export const PEC_REQUEST_MAX_BYTES = 1_048_576;
/** The largest control-plane (`/__mock/*`) request body, in bytes; fault settings are a few hundred. */
export const CONTROL_REQUEST_MAX_BYTES = 65_536;
/** The highest limit that can be configured: past it one request could hold the event loop too long. */
export const MAX_CONFIGURABLE_BYTES = 64 * 1_048_576;

/** Request-size limits of the mock; bodies past them are refused as the real backend refuses them. */
export interface RequestLimits {
  /** Zimbra SOAP (`/service/…`) bodies, as Zimbra's `zimbraSoapRequestMaxSize`. @default 15360000 */
  readonly zimbraSoapRequestMaxSize: number;
  /** pec-admin (`/pec/…`) bodies. @default 1048576 */
  readonly pecRequestMaxBytes: number;
}

/** The limits a mock starts with. */
export const DEFAULT_REQUEST_LIMITS: Readonly<RequestLimits> = Object.freeze({
  zimbraSoapRequestMaxSize: ZIMBRA_SOAP_REQUEST_MAX_SIZE,
  pecRequestMaxBytes: PEC_REQUEST_MAX_BYTES,
});

/** Fills in and checks configured limits: whole numbers from 1 to 64 MiB, else a TypeError naming the field. */
export function resolveRequestLimits(given: Partial<RequestLimits> = {}): RequestLimits {
  const limits = { ...DEFAULT_REQUEST_LIMITS, ...given };
  for (const [field, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1 || value > MAX_CONFIGURABLE_BYTES) {
      throw new TypeError(
        `requestLimits.${field} must be a whole number from 1 to ${MAX_CONFIGURABLE_BYTES}`,
      );
    }
  }
  return limits;
}

/** How large a request to one path may be, and the backend's own answer when it is larger. */
export interface BodyLimit {
  readonly maxBytes: number;
  /** The refusal; `declaredBytes` is the `Content-Length` when the client sent one. */
  refuse(request: Request, declaredBytes: number | undefined): Response;
}

/** The limit for a path: Zimbra's under `/service/`, pec-admin's under `/pec`, the control plane's elsewhere. */
export function bodyLimitFor(pathname: string, limits: RequestLimits): BodyLimit {
  if (pathname.startsWith('/service/')) {
    const maxBytes = limits.zimbraSoapRequestMaxSize;
    return { maxBytes, refuse: (_request, declared) => zimbraTooLarge(maxBytes, declared) };
  }
  if (pathname === '/pec' || pathname.startsWith('/pec/')) {
    const maxBytes = limits.pecRequestMaxBytes;
    return { maxBytes, refuse: (request) => pecPayloadTooLarge(request, maxBytes) };
  }
  return { maxBytes: CONTROL_REQUEST_MAX_BYTES, refuse: () => controlTooLarge() };
}

/** The declared `Content-Length`, or undefined when absent (chunked) or not a plain number. */
export function declaredLength(headers: Headers): number | undefined {
  const raw = headers.get('content-length');
  return raw !== null && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

/**
 * Reads a body, counting bytes as they stream; past `maxBytes` it stops reading (the rest is never
 * buffered) and answers `undefined`. The bytes read are at most `maxBytes`.
 */
export async function readWithin(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * What Zimbra's SoapServlet answers to a body past `zimbraSoapRequestMaxSize`: before parsing, so always a
 * SOAP 1.2 envelope without header, `service.INVALID_REQUEST`, HTTP 500. The size is named only when the
 * client declared it.
 */
function zimbraTooLarge(maxBytes: number, declared: number | undefined): Response {
  const size = declared === undefined ? '' : ` size ${declared}`;
  const reason = `invalid request: Request${size} exceeded limit of ${maxBytes} bytes set for zimbraSoapRequestMaxSize.`;
  const trace = `qtp-casella-mock:${Date.now()}:${randomBytes(8).toString('hex')}`;
  const xml =
    '<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body><soap:Fault>' +
    '<soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code>' +
    `<soap:Reason><soap:Text>${reason}</soap:Text></soap:Reason>` +
    `<soap:Detail><Error xmlns="urn:zimbra"><Code>service.INVALID_REQUEST</Code><Trace>${trace}</Trace></Error>` +
    '</soap:Detail></soap:Fault></soap:Body></soap:Envelope>';
  return new Response(xml, {
    status: 500,
    headers: { 'content-type': 'text/xml; charset=utf-8', 'cache-control': 'no-store, no-cache' },
  });
}

function controlTooLarge(): Response {
  return Response.json(
    {
      error: `the body is larger than ${CONTROL_REQUEST_MAX_BYTES} bytes`,
      field: '(body)',
      rule: 'maxBytes',
    },
    { status: 413 },
  );
}
