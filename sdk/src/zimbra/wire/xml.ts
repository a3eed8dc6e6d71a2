import { XMLParser } from 'fast-xml-parser';
import { ResponseValidationError } from '../../errors/response-validation-error.ts';
import { NS, SOAP12_NS, type SoapContext, type SoapDocument, type XmlBody } from '../envelope.ts';
import { escapeAttr, escapeText } from '../xml-chars.ts';
import type { SoapMessage, WireCodec, WireElement } from './codec.ts';
import { isWellFormed } from './xml-structure.ts';

// Children that may repeat in any answer Casella reads are always arrays, decided by name alone (no
// path matching: fast-xml-parser's jPath strings cost a third of the parse). Batch answers repeat
// `*Response` and `Fault` children, so those are arrays too.
const LISTED = new Set(['a', 'account', 'domain', 'cos', 'Fault', 'soap:Fault']);

// Casella writes SOAP 1.2; a SOAP 1.1 envelope (a fault from a front end that speaks 1.1) is still SOAP.
const SOAP_NAMESPACES = new Set([SOAP12_NS, 'http://schemas.xmlsoap.org/soap/envelope/']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  textNodeName: '_content',
  // Prefixes are kept so that the envelope's and the response's namespaces can be checked.
  removeNSPrefix: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // Values come back exactly as sent: " Anna " stays " Anna ". Whitespace between elements lands in
  // containers' `_content`, which no schema reads.
  trimValues: false,
  // Numeric character references (&#13;) are XML; fast-xml-parser decodes them only with this flag.
  // Named HTML entities beyond XML's five are not expanded (a DOCTYPE, the only way to declare
  // entities, is refused before parsing).
  htmlEntities: true,
  jPath: false,
  isArray: (name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) =>
    !isAttribute && (LISTED.has(name) || name.endsWith('Response')),
});

/** Local name of a possibly prefixed XML name. */
function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon === -1 ? qname : qname.slice(colon + 1);
}

/** The namespace an element's own declarations give its prefix (or the inherited default). */
function namespaceOf(qname: string, element: WireElement, inherited: string | undefined): string | undefined {
  const colon = qname.indexOf(':');
  const key = colon === -1 ? 'xmlns' : `xmlns:${qname.slice(0, colon)}`;
  const own = element[key];
  return typeof own === 'string' ? own : inherited;
}

function asElement(value: unknown): WireElement | undefined {
  if (Array.isArray(value)) return asElement(value[0]);
  if (value === '') return {};
  return value !== null && typeof value === 'object' ? (value as WireElement) : undefined;
}

/** The one child whose local name is `name`, with its qualified name. */
function child(element: WireElement, name: string): [string, unknown] | undefined {
  for (const [key, value] of Object.entries(element)) {
    if (localName(key) === name && !key.startsWith('xmlns')) return [key, value];
  }
  return undefined;
}

/**
 * Parses an answer's XML text. SOAP forbids a DOCTYPE (SOAP 1.2 part 1 §5): a page that starts with
 * one is not SOAP at all (undefined: an HTML error page); an envelope that carries one is refused.
 */
export function decodeXml(text: string): SoapMessage | undefined {
  const start = text.trimStart();
  if (!start.startsWith('<')) return undefined;
  if (/<!DOCTYPE/i.test(text)) {
    if (/^(<\?xml[^>]*>\s*)?<!DOCTYPE\s+html/i.test(start) || /<html[\s>]/i.test(text)) return undefined;
    throw new ResponseValidationError('XML', 'a DOCTYPE is not allowed in SOAP');
  }
  // fast-xml-parser reads cut-off and mismatched documents without complaint; a cut-off token must not log in.
  if (!isWellFormed(text)) return undefined;
  let doc: WireElement;
  try {
    doc = parser.parse(text) as WireElement;
  } catch {
    return undefined;
  }
  const root = Object.entries(doc).find(([key]) => localName(key) === 'Envelope');
  if (root === undefined) return undefined;
  const envelope = asElement(root[1]);
  const soapNs = envelope === undefined ? undefined : namespaceOf(root[0], envelope, undefined);
  if (envelope === undefined || soapNs === undefined || !SOAP_NAMESPACES.has(soapNs)) return undefined;
  const bodyEntry = child(envelope, 'Body');
  if (bodyEntry === undefined) return undefined;
  const body = asElement(bodyEntry[1]);
  if (body === undefined || namespaceOf(bodyEntry[0], body, soapNs) !== soapNs) return undefined;
  const fault = child(body, 'Fault');
  if (fault !== undefined) return { kind: 'fault', fault: asElement(fault[1]) ?? {} };
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('xmlns') || key === '_content') continue;
    const element = asElement(value) ?? {};
    return { kind: 'body', name: localName(key), namespace: namespaceOf(key, element, undefined), element };
  }
  return undefined;
}

function writeAttrs(body: XmlBody): string {
  let out = '';
  for (const key in body) {
    const value = body[key];
    if (value === undefined || !key.startsWith('@_')) continue;
    out += ` ${key.slice(2)}="${escapeAttr(String(value))}"`;
  }
  return out;
}

function writeChildren(body: XmlBody): string {
  let out = '';
  for (const key in body) {
    const value = body[key];
    if (value === undefined || key.startsWith('@_')) continue;
    if (key === '#text') out += escapeText(String(value));
    else if (Array.isArray(value)) for (const item of value) out += writeElement(key, item);
    else out += writeElement(key, value as XmlBody | string | number | boolean);
  }
  return out;
}

function writeElement(name: string, value: XmlBody | string | number | boolean, extra = ''): string {
  if (typeof value !== 'object') {
    const text = escapeText(String(value));
    return text === '' ? `<${name}${extra}/>` : `<${name}${extra}>${text}</${name}>`;
  }
  const inner = writeChildren(value);
  const attrs = extra + writeAttrs(value);
  return inner === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${inner}</${name}>`;
}

function header(context: SoapContext): string {
  const token =
    context.authToken === undefined ? '' : `<authToken>${escapeText(context.authToken)}</authToken>`;
  const session = context.nosession === false ? '' : '<nosession/>';
  const ua = `<userAgent name="${escapeAttr(context.userAgent.name)}" version="${escapeAttr(context.userAgent.version)}"/>`;
  return `<soap:Header><context xmlns="${NS.zimbra}">${token}${session}${ua}</context></soap:Header>`;
}

function envelope(context: SoapContext, body: string): string {
  return `<soap:Envelope xmlns:soap="${SOAP12_NS}">${header(context)}<soap:Body>${body}</soap:Body></soap:Envelope>`;
}

/** SOAP 1.2 over XML, written by hand (every value escaped, names checked by the caller) and read by fast-xml-parser. */
export const xmlCodec: WireCodec = {
  format: 'xml',
  contentType: 'application/soap+xml; charset=utf-8',
  accept: 'application/soap+xml, text/xml',
  encode(doc: SoapDocument, context: SoapContext): string {
    return envelope(context, writeElement(doc.name, doc.body, ` xmlns="${doc.namespace}"`));
  },
  encodeBatch(docs, onError, context): string {
    let inner = '';
    for (const [i, doc] of docs.entries()) {
      inner += writeElement(doc.name, doc.body, ` xmlns="${doc.namespace}" requestId="${i}"`);
    }
    return envelope(
      context,
      `<BatchRequest xmlns="${NS.zimbra}" onerror="${onError}">${inner}</BatchRequest>`,
    );
  },
  decode: decodeXml,
};
