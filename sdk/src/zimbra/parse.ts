import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { ResponseValidationError } from '../errors/response-validation-error.ts';
import type { FaultArgument } from '../errors/zimbra-fault.ts';
import { ZimbraFault } from '../errors/zimbra-fault.ts';
import { redactSecrets } from '../http/redact.ts';

/** A parsed XML element: attributes under `@_name`, text under `#text`, children by tag name. */
export type XmlElement = Record<string, unknown>;

// Entries that may repeat in a response are arrays even when one comes back, decided by path
// (a bare `account` would also match GetAccountRequest.account in other contexts).
const LISTED = new Set(['account', 'domain', 'cos']);
const BATCH_PATH = 'Envelope.Body.BatchResponse';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  isArray: (name, jpath) => {
    if (name === 'a') return true;
    const path = String(jpath);
    if (LISTED.has(name) && path.endsWith(`Response.${name}`)) return true;
    return path === `${BATCH_PATH}.${name}`;
  },
});

/**
 * Parses XML text. SOAP forbids a DOCTYPE (SOAP 1.2 part 1 §5), so any payload carrying one is
 * refused before the parser sees it: no entity games.
 */
export function parseXml(text: string): XmlElement {
  if (/<!DOCTYPE/i.test(text)) throw new ResponseValidationError('XML', 'a DOCTYPE is not allowed in SOAP');
  try {
    return parser.parse(text) as XmlElement;
  } catch (error) {
    throw new ResponseValidationError('XML', (error as Error).message);
  }
}

const textNode = z.union([
  z.string(),
  z.object({ '#text': z.string().optional() }).transform((o) => o['#text'] ?? ''),
]);

const rawFault = z.object({
  '@_requestId': z.string().optional(),
  // SOAP 1.2
  Code: z.object({ Value: textNode }).optional(),
  Reason: z.object({ Text: textNode }).optional(),
  // SOAP 1.1
  faultcode: textNode.optional(),
  faultstring: textNode.optional(),
  Detail: z.unknown().optional(),
  detail: z.unknown().optional(),
});

const rawError = z.object({
  Error: z.object({
    Code: textNode,
    a: z
      .array(z.object({ '@_n': z.string(), '@_t': z.string().optional(), '#text': z.string().optional() }))
      .optional(),
  }),
});

/**
 * Turns a `soap:Fault` element (SOAP 1.2 or 1.1, top level or inside a BatchResponse) into a
 * ZimbraFault; secrets the caller sent are blanked out of the reason and arguments.
 */
export function faultFromElement(
  element: unknown,
  request?: string,
  secrets: readonly string[] = [],
): ZimbraFault {
  const parsed = rawFault.safeParse(element === '' ? {} : element);
  if (!parsed.success) throw new ResponseValidationError('Fault', z.prettifyError(parsed.error));
  const f = parsed.data;
  const side = f.Code?.Value ?? f.faultcode ?? '';
  const fault = /(Receiver|Server)$/.test(side) ? 'server' : 'client';
  const detail = rawError.safeParse(f.Detail ?? f.detail);
  const code = detail.success ? detail.data.Error.Code : 'service.FAILURE';
  const args: FaultArgument[] = (detail.success ? (detail.data.Error.a ?? []) : []).map((a) => ({
    name: a['@_n'],
    type: a['@_t'],
    value: redactSecrets(a['#text'] ?? '', secrets),
  }));
  const reason = redactSecrets(f.Reason?.Text ?? f.faultstring ?? '', secrets);
  return new ZimbraFault({ code, reason, fault, request, args });
}

/** What a SOAP answer holds: the Body's elements, or a top-level Fault. */
export type SoapMessage =
  | { readonly kind: 'body'; readonly body: XmlElement }
  | { readonly kind: 'fault'; readonly fault: unknown };

/**
 * Reads a SOAP envelope (1.2 or 1.1; a fault may come without a Header). Returns undefined when the
 * text is not a SOAP envelope at all, e.g. a proxy's HTML page, so the caller can call it a transport failure.
 */
export function readEnvelope(text: string): SoapMessage | undefined {
  if (!text.trimStart().startsWith('<')) return undefined;
  let doc: XmlElement;
  try {
    doc = parseXml(text);
  } catch (error) {
    if (/DOCTYPE/.test((error as Error).message)) throw error;
    return undefined;
  }
  const envelope = doc.Envelope;
  if (envelope === null || typeof envelope !== 'object') return undefined;
  const body = (envelope as XmlElement).Body;
  if (body === undefined) return undefined;
  const elements: XmlElement = body === '' || body === null ? {} : (body as XmlElement);
  if ('Fault' in elements) return { kind: 'fault', fault: elements.Fault };
  return { kind: 'body', body: elements };
}

/** Validates an element with a response schema; a mismatch is a ResponseValidationError naming the element. */
export function validateElement<T>(what: string, schema: z.ZodType<T>, element: unknown): T {
  // An empty element such as <DeleteAccountResponse/> parses to ''.
  const result = schema.safeParse(element === '' ? {} : element);
  if (!result.success) throw new ResponseValidationError(what, z.prettifyError(result.error));
  return result.data;
}

/** Reads a parsed SOAP message as the response of `request` and validates it, or throws its fault. */
export function expectResponse<T>(
  message: SoapMessage,
  request: string,
  schema: z.ZodType<T>,
  secrets: readonly string[] = [],
): T {
  if (message.kind === 'fault') throw faultFromElement(message.fault, request, secrets);
  const name = responseName(request);
  if (!(name in message.body)) {
    const got = Object.keys(message.body).join(', ') || 'an empty Body';
    throw new ResponseValidationError(name, `expected ${name}, got ${got}`);
  }
  return validateElement(name, schema, message.body[name]);
}

/**
 * Reads one response document out of an envelope and validates it: the response, or the
 * fault thrown as a ZimbraFault. This is the whole receive path minus HTTP.
 * @example
 * const account = readResponse(xml, 'GetAccountRequest', OneAccountResponse);
 */
export function readResponse<T>(
  text: string,
  request: string,
  schema: z.ZodType<T>,
  secrets: readonly string[] = [],
): T {
  const message = readEnvelope(text);
  if (message === undefined) throw new ResponseValidationError(responseName(request), 'not a SOAP envelope');
  return expectResponse(message, request, schema, secrets);
}

/** `CreateAccountRequest` → `CreateAccountResponse`. */
export function responseName(request: string): string {
  return request.replace(/Request$/, 'Response');
}

/** One child of a BatchResponse, matched back by its requestId. */
export type BatchEntry =
  | { readonly kind: 'response'; readonly name: string; readonly element: unknown }
  | { readonly kind: 'fault'; readonly fault: unknown };

/**
 * Indexes the children of a BatchResponse by `requestId`. The parser groups same-named siblings,
 * so order is not kept; the requestIds are what Zimbra documents for matching answers.
 */
export function readBatch(element: unknown): Map<string, BatchEntry> {
  const out = new Map<string, BatchEntry>();
  if (element === '' || element === undefined) return out;
  if (element === null || typeof element !== 'object')
    throw new ResponseValidationError('BatchResponse', 'not an element');
  for (const [name, list] of Object.entries(element as XmlElement)) {
    if (name.startsWith('@_')) continue;
    for (const child of Array.isArray(list) ? list : [list]) {
      const id =
        child !== null && typeof child === 'object' ? (child as XmlElement)['@_requestId'] : undefined;
      if (typeof id !== 'string')
        throw new ResponseValidationError('BatchResponse', `${name} without requestId`);
      out.set(
        id,
        name === 'Fault' ? { kind: 'fault', fault: child } : { kind: 'response', name, element: child },
      );
    }
  }
  return out;
}
