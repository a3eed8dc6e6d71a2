import type { MockBackend } from './backend.ts';
import { FaultSettingError } from './faults.ts';

/**
 * The control plane (`/__mock/*`). It needs no credentials, so it trusts only what a web page cannot
 * forge: a loopback `Host` (defeats DNS rebinding), no foreign `Origin` or `Sec-Fetch-Site`, and JSON
 * bodies (a cross-site form or `text/plain` POST cannot carry `application/json` without a preflight,
 * which is never granted).
 */
export async function control(backend: MockBackend, request: Request, url: URL): Promise<Response> {
  const refusal = refuseUntrusted(request, url);
  if (refusal !== undefined) return refusal;
  const route = `${request.method} ${url.pathname}`;
  switch (route) {
    case 'GET /__mock/health':
      return Response.json({ ok: true });
    case 'GET /__mock/faults':
      return Response.json(backend.faults.settings);
    case 'GET /__mock/stats':
      return Response.json(backend.faults.stats);
    case 'POST /__mock/reset':
    case 'POST /__mock/expire-tokens':
    case 'POST /__mock/faults':
      return post(backend, request, url.pathname);
    default:
      return problem(404, 'path', 'route', `no control route ${route}`);
  }
}

async function post(backend: MockBackend, request: Request, path: string): Promise<Response> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return problem(
      415,
      'content-type',
      'json',
      'control requests must be sent as content-type: application/json',
    );
  }
  const text = await request.text();
  let body: unknown = {};
  // reset and expire-tokens need no body; when one is sent it must still be a JSON object.
  if (text.trim() !== '' || path === '/__mock/faults') {
    try {
      body = JSON.parse(text);
    } catch {
      return problem(400, '(body)', 'json', 'the body must be valid JSON');
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return problem(400, '(body)', 'object', 'the body must be a JSON object');
  }
  if (path === '/__mock/reset') {
    backend.reset();
    return new Response(null, { status: 204 });
  }
  if (path === '/__mock/expire-tokens') {
    backend.expireAllTokens();
    return new Response(null, { status: 204 });
  }
  try {
    backend.faults.set(body);
  } catch (error) {
    if (error instanceof FaultSettingError) return problem(400, error.field, error.rule, error.message);
    throw error;
  }
  return Response.json(backend.faults.settings);
}

/** 127.0.0.0/8, localhost or [::1], each with an optional port. */
const LOOPBACK_HOST = /^(?:localhost|127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})|\[::1\])(?::\d{1,5})?$/i;

/** True for a `Host` value that names this machine's loopback interface. */
export function isLoopbackHost(host: string): boolean {
  const m = LOOPBACK_HOST.exec(host);
  if (m === null) return false;
  return m.slice(1).every((octet) => octet === undefined || Number(octet) <= 255);
}

function refuseUntrusted(request: Request, url: URL): Response | undefined {
  const host = request.headers.get('host') ?? url.host;
  if (!isLoopbackHost(host)) {
    return problem(403, 'host', 'loopback', 'the control plane answers only loopback Host headers');
  }
  const origin = request.headers.get('origin');
  const own = `${url.protocol}//${host}`.toLowerCase();
  if (origin !== null && origin.toLowerCase() !== own) {
    return problem(403, 'origin', 'sameOrigin', 'the control plane refuses cross-origin requests');
  }
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') {
    return problem(403, 'sec-fetch-site', 'sameOrigin', 'the control plane refuses cross-site requests');
  }
  return undefined;
}

/** A control-plane refusal: `error` for people, `field` and `rule` for code. */
function problem(status: number, field: string, rule: string, error: string): Response {
  return Response.json({ error, field, rule }, { status });
}
