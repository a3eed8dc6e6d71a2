// Raw Zimbra JSON SOAP over real HTTP for the mock's tests: plain objects and fetch, nothing from the SDK.
import { ADMIN, DEMO_PASSWORD } from './soap-helpers.ts';

/** A JSON value as Zimbra writes one. */
// biome-ignore lint/suspicious/noExplicitAny: tests walk answers whose shape is the thing under test.
export type Json = any;

/** One JSON SOAP answer, parsed. */
export interface JsonAnswer {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: Json;
  readonly headers: Headers;
}

/** A JSON envelope around one request element (`_jsns` given in `request`), with a urn:zimbra context. */
export function jsonEnvelope(name: string, request: Json, context: Json = {}): Json {
  return { Header: { context: { _jsns: 'urn:zimbra', ...context } }, Body: { [name]: request } };
}

/** POSTs a raw text to an endpoint of the mock and parses the answer as JSON when it is JSON. */
export async function postText(
  baseUrl: string,
  text: string,
  path = '/service/admin/soap',
  headers: Record<string, string> = {},
): Promise<JsonAnswer & { readonly text: string }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: text,
  });
  const answer = await res.text();
  const contentType = res.headers.get('content-type');
  const body = contentType?.startsWith('text/javascript') ? JSON.parse(answer) : undefined;
  return { status: res.status, contentType, body, headers: res.headers, text: answer };
}

/** POSTs one request element in a JSON envelope; `token` goes in the context as `{"_content": token}`. */
export function postJson(
  baseUrl: string,
  name: string,
  request: Json,
  options: { token?: string; context?: Json; path?: string; headers?: Record<string, string> } = {},
) {
  const context = {
    ...(options.token ? { authToken: { _content: options.token } } : {}),
    ...options.context,
  };
  return postText(
    baseUrl,
    JSON.stringify(jsonEnvelope(name, request, context)),
    options.path,
    options.headers,
  );
}

/** Logs an admin in over JSON and returns the token. */
export async function jsonAdminToken(
  baseUrl: string,
  name = ADMIN,
  password = DEMO_PASSWORD,
): Promise<string> {
  const answer = await postJson(baseUrl, 'AuthRequest', {
    _jsns: 'urn:zimbraAdmin',
    name: { _content: name },
    password: { _content: password },
  });
  const token = answer.body?.Body?.AuthResponse?.authToken?.[0]?._content;
  if (answer.status !== 200 || typeof token !== 'string')
    throw new Error(`JSON admin login failed: ${answer.status}`);
  return token;
}

/** `a:[{n,_content}]` of an entry as a name → values map. */
export function attrMap(entry: Json): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const a of entry?.a ?? []) {
    out[a.n] ??= [];
    out[a.n]!.push(a._content);
  }
  return out;
}
