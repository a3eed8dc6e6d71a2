import { NS, type SoapContext, type SoapDocument, type XmlBody, type XmlScalar } from '../envelope.ts';
import type { SoapMessage, WireCodec, WireElement } from './codec.ts';

/** Zimbra marks its JSON envelope with this `_jsns` (SoapJSProtocol). */
export const JSON_SOAP_NS = 'urn:zimbraSoap';

type JsonValue = XmlScalar | JsonObject | JsonValue[];
interface JsonObject {
  [key: string]: JsonValue;
}

// soap.txt "Request and Response Formats": attributes are "name": "value", elements "name": {…}
// (a list "name": […]), text "_content", the namespace "_jsns".
function toJson(body: XmlBody): JsonObject {
  const out: JsonObject = {};
  for (const key in body) {
    const value = body[key];
    if (value === undefined) continue;
    if (key.startsWith('@_')) out[key.slice(2)] = value as XmlScalar;
    else if (key === '#text') out._content = value as XmlScalar;
    else if (Array.isArray(value)) out[key] = value.map(jsonElement);
    else out[key] = jsonElement(value as XmlScalar | XmlBody);
  }
  return out;
}

function jsonElement(value: XmlScalar | XmlBody): JsonObject {
  return typeof value === 'object' ? toJson(value) : { _content: value };
}

function header(context: SoapContext): JsonObject {
  const ctx: JsonObject = { _jsns: NS.zimbra };
  if (context.authToken !== undefined) ctx.authToken = { _content: context.authToken };
  if (context.nosession !== false) ctx.nosession = {};
  ctx.userAgent = { name: context.userAgent.name, version: context.userAgent.version };
  // Zimbra answers in the request's format anyway; saying so keeps a proxy's rewrite honest.
  ctx.format = { type: 'js' };
  return { context: ctx };
}

function documentJson(doc: SoapDocument, requestId?: number): JsonObject {
  const out: JsonObject = { _jsns: doc.namespace };
  if (requestId !== undefined) out.requestId = String(requestId);
  return Object.assign(out, toJson(doc.body));
}

function asObject(value: unknown): WireElement | undefined {
  if (Array.isArray(value)) return asObject(value[0]);
  return value !== null && typeof value === 'object' ? (value as WireElement) : undefined;
}

/**
 * Reads Zimbra's JSON envelope: `{ Header, Body: { XResponse: {…, _jsns} } , _jsns: "urn:zimbraSoap" }`.
 * Undefined for anything else (not JSON, no Body, another envelope namespace).
 */
export function decodeJson(text: string): SoapMessage | undefined {
  const start = text.trimStart();
  if (!start.startsWith('{')) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  const envelope = asObject(doc);
  if (envelope === undefined || Array.isArray(doc)) return undefined;
  if (envelope._jsns !== undefined && envelope._jsns !== JSON_SOAP_NS) return undefined;
  const body = asObject(envelope.Body);
  if (body === undefined) return undefined;
  if (body.Fault !== undefined) return { kind: 'fault', fault: asObject(body.Fault) ?? {} };
  for (const [name, value] of Object.entries(body)) {
    if (name === '_jsns') continue;
    const element = asObject(value) ?? {};
    const ns = element._jsns;
    return { kind: 'body', name, namespace: typeof ns === 'string' ? ns : undefined, element };
  }
  return undefined;
}

/** Zimbra's JSON SOAP (what its web client and js-zimbra speak): parsed by JSON.parse alone. */
export const jsonCodec: WireCodec = {
  format: 'json',
  contentType: 'application/json; charset=utf-8',
  accept: 'application/json, text/javascript',
  encode(doc: SoapDocument, context: SoapContext): string {
    return JSON.stringify({
      Header: header(context),
      Body: { [doc.name]: documentJson(doc) },
      _jsns: JSON_SOAP_NS,
    });
  },
  encodeBatch(docs, onError, context): string {
    const batch: JsonObject = { _jsns: NS.zimbra, onerror: onError };
    for (const [i, doc] of docs.entries()) {
      const list = (batch[doc.name] ?? []) as JsonValue[];
      list.push(documentJson(doc, i));
      batch[doc.name] = list;
    }
    return JSON.stringify({ Header: header(context), Body: { BatchRequest: batch }, _jsns: JSON_SOAP_NS });
  },
  decode: decodeJson,
};
