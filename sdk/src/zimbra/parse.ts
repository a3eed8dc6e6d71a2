import { z } from 'zod';
import { ResponseValidationError } from '../errors/response-validation-error.ts';
import type { FaultArgument } from '../errors/zimbra-fault.ts';
import { ZimbraFault } from '../errors/zimbra-fault.ts';
import { redactSecrets } from '../http/redact.ts';
import type { ZimbraNamespace } from './envelope.ts';
import { text } from './schemas.ts';
import type { SoapMessage, WireElement } from './wire/codec.ts';
import { localName, withoutPrefixes } from './wire/element.ts';
import { decodeXml } from './wire/xml.ts';

export type { SoapMessage, WireElement } from './wire/codec.ts';

const rawFault = z.object({
  requestId: z.unknown().optional(),
  // SOAP 1.2
  Code: z.union([z.object({ Value: text }), z.array(z.object({ Value: text }))]).optional(),
  Reason: z.union([z.object({ Text: text }), z.array(z.object({ Text: text }))]).optional(),
  // SOAP 1.1
  faultcode: text.optional(),
  faultstring: text.optional(),
  Detail: z.unknown().optional(),
  detail: z.unknown().optional(),
});

const rawArg = z.object({ n: z.string(), t: z.string().optional(), _content: text.optional() });
const rawErrorBody = z.object({ Code: text, a: z.array(rawArg).optional() });
const rawError = z.object({ Error: z.union([rawErrorBody, z.array(rawErrorBody).min(1)]) });

function first<T>(value: T | readonly T[] | undefined): T | undefined {
  return Array.isArray(value) ? (value[0] as T | undefined) : (value as T | undefined);
}

/**
 * Turns a Fault element (SOAP 1.2 or 1.1, either wire, top level or inside a BatchResponse) into a
 * ZimbraFault. Secrets the caller sent are blanked out of everything the server may echo: the code,
 * the reason, every `<a n>` argument value.
 */
export function faultFromElement(
  element: unknown,
  request?: string,
  secrets: readonly string[] = [],
): ZimbraFault {
  const parsed = rawFault.safeParse(element === '' ? {} : withoutPrefixes(element));
  if (!parsed.success) throw new ResponseValidationError('Fault', z.prettifyError(parsed.error));
  const f = parsed.data;
  const side = first(f.Code)?.Value ?? f.faultcode ?? '';
  const fault = /(Receiver|Server)$/.test(side) ? 'server' : 'client';
  const detail = rawError.safeParse(first(f.Detail ?? f.detail));
  const error = detail.success ? first(detail.data.Error) : undefined;
  const code = redactSecrets(error?.Code ?? 'service.FAILURE', secrets);
  const args: FaultArgument[] = (error?.a ?? []).map((a) => ({
    name: redactSecrets(a.n, secrets),
    type: a.t,
    value: redactSecrets(a._content ?? '', secrets),
  }));
  const reason = redactSecrets(first(f.Reason)?.Text ?? f.faultstring ?? '', secrets);
  return new ZimbraFault({ code, reason, fault, request, args });
}

/** Validates an element with a response schema; a mismatch is a ResponseValidationError naming the element. */
export function validateElement<T>(name: string, schema: z.ZodType<T>, element: unknown): T {
  const parsed = schema.safeParse(element === '' ? {} : element);
  if (!parsed.success) throw new ResponseValidationError(name, z.prettifyError(parsed.error));
  return parsed.data;
}

/** What a response must be: its element name and, when known, its namespace. */
export interface Expected {
  readonly request: string;
  /** Namespace of the request; Zimbra answers in the same one. */
  readonly namespace?: ZimbraNamespace | undefined;
}

/**
 * The response document of a SOAP message, validated: its value, or its fault thrown as a ZimbraFault
 * with `secrets` redacted. The element must be the request's response in the request's namespace.
 */
export function expectResponse<T>(
  message: SoapMessage,
  expected: string | Expected,
  schema: z.ZodType<T>,
  secrets: readonly string[] = [],
): T {
  const { request, namespace } =
    typeof expected === 'string' ? { request: expected, namespace: undefined } : expected;
  if (message.kind === 'fault') throw faultFromElement(message.fault, request, secrets);
  const want = responseName(request);
  if (message.name !== want) {
    throw new ResponseValidationError(want, `the answer is ${message.name}, not ${want}`);
  }
  if (namespace !== undefined && message.namespace !== undefined && message.namespace !== namespace) {
    throw new ResponseValidationError(want, `its namespace is ${message.namespace}, not ${namespace}`);
  }
  return validateElement(want, schema, message.element);
}

/** Parses an XML SOAP answer (undefined when it is not one): the XML codec's reader. */
export function readEnvelope(text: string): SoapMessage | undefined {
  return decodeXml(text);
}

/**
 * Reads one response document out of an XML envelope and validates it: the response, or the
 * fault thrown as a ZimbraFault. This is the whole receive path minus HTTP.
 * @example
 * const account = readResponse(xml, 'GetAccountRequest', OneAccountResponse);
 */
export function readResponse<T>(
  xml: string,
  request: string,
  schema: z.ZodType<T>,
  secrets: readonly string[] = [],
): T {
  const message = readEnvelope(xml);
  if (message === undefined) throw new ResponseValidationError(responseName(request), 'not a SOAP envelope');
  return expectResponse(message, request, schema, secrets);
}

/** `CreateAccountRequest` → `CreateAccountResponse`. */
export function responseName(request: string): string {
  return request.replace(/Request$/, 'Response');
}

/** One child of a BatchResponse, matched back by its requestId. */
export type BatchEntry =
  | { readonly kind: 'response'; readonly name: string; readonly element: WireElement }
  | { readonly kind: 'fault'; readonly fault: WireElement };

/**
 * Indexes the children of a BatchResponse (either wire) by `requestId`. Same-named siblings come
 * grouped, so order is not kept; the requestIds are what Zimbra documents for matching answers.
 */
export function readBatch(element: unknown): Map<string, BatchEntry> {
  const out = new Map<string, BatchEntry>();
  if (element === '' || element === undefined) return out;
  if (element === null || typeof element !== 'object')
    throw new ResponseValidationError('BatchResponse', 'not an element');
  for (const [qname, list] of Object.entries(element as WireElement)) {
    if (qname.startsWith('xmlns') || qname === '_jsns' || qname === '_content' || typeof list !== 'object')
      continue;
    const name = localName(qname);
    for (const child of Array.isArray(list) ? list : [list]) {
      const rawId =
        child !== null && typeof child === 'object' ? (child as WireElement).requestId : undefined;
      const id = typeof rawId === 'number' ? String(rawId) : rawId;
      if (typeof id !== 'string')
        throw new ResponseValidationError('BatchResponse', `${name} without requestId`);
      const entry: BatchEntry =
        name === 'Fault'
          ? { kind: 'fault', fault: child as WireElement }
          : { kind: 'response', name, element: child as WireElement };
      out.set(id, entry);
    }
  }
  return out;
}
