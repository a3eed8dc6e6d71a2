import { XMLBuilder } from 'fast-xml-parser';

/** SOAP 1.2 envelope namespace. */
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';
/** Namespaces of Zimbra's request documents. */
export const NS = {
  zimbra: 'urn:zimbra',
  admin: 'urn:zimbraAdmin',
  account: 'urn:zimbraAccount',
} as const;
export type ZimbraNamespace = (typeof NS)[keyof typeof NS];

/** A scalar an XML body may carry: written as its text. */
export type XmlScalar = string | number | boolean;
/**
 * A request body in fast-xml-parser's plain form: keys starting with `@_` are attributes, `#text` is
 * the element's text, any other key a child element (an array repeats it). Key order is document order.
 * @example
 * { '@_applyCos': '1', account: { '@_by': 'name', '#text': 'mario.rossi@example.com' } }
 */
export interface XmlBody {
  readonly [key: string]: XmlScalar | XmlBody | readonly (XmlScalar | XmlBody)[] | undefined;
}

/** One request document: its element name, namespace and body. */
export interface SoapDocument {
  readonly name: string;
  readonly namespace: ZimbraNamespace;
  readonly body: XmlBody;
}

/** The `urn:zimbra` context header. */
export interface SoapContext {
  readonly authToken?: string | undefined;
  readonly userAgent: { readonly name: string; readonly version: string };
}

// fast-xml-parser's ordered form, which keeps batch children in the order they were given.
type OrderedNode = Record<string, unknown>;

const builder = new XMLBuilder({ ignoreAttributes: false, preserveOrder: true, suppressEmptyNode: true });

function orderedElement(name: string, value: XmlScalar | XmlBody): OrderedNode {
  if (typeof value !== 'object') return { [name]: [{ '#text': String(value) }] };
  const attrs: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key.startsWith('@_') && v !== undefined) attrs[key] = String(v);
  }
  const node: OrderedNode = { [name]: orderedChildren(value) };
  if (Object.keys(attrs).length > 0) node[':@'] = attrs;
  return node;
}

function orderedChildren(body: XmlBody): OrderedNode[] {
  const nodes: OrderedNode[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined || key.startsWith('@_')) continue;
    if (key === '#text') {
      nodes.push({ '#text': String(value) });
      continue;
    }
    const list = Array.isArray(value)
      ? (value as readonly (XmlScalar | XmlBody)[])
      : [value as XmlScalar | XmlBody];
    for (const item of list) nodes.push(orderedElement(key, item));
  }
  return nodes;
}

/** A request document as the body of an envelope or a batch: its own namespace, an optional requestId. */
function documentBody(doc: SoapDocument, requestId?: string): XmlBody {
  return {
    '@_xmlns': doc.namespace,
    ...(requestId === undefined ? {} : { '@_requestId': requestId }),
    ...doc.body,
  };
}

function contextHeader(context: SoapContext): XmlBody {
  return {
    '@_xmlns': NS.zimbra,
    ...(context.authToken === undefined ? {} : { authToken: context.authToken }),
    nosession: '',
    userAgent: { '@_name': context.userAgent.name, '@_version': context.userAgent.version },
  };
}

/**
 * Builds a SOAP 1.2 envelope with the `urn:zimbra` context header around one request document.
 * Every value goes through XMLBuilder, which escapes it; nothing is concatenated.
 */
export function buildEnvelope(doc: SoapDocument, context: SoapContext): string {
  const envelope: XmlBody = {
    '@_xmlns:soap': SOAP12_NS,
    'soap:Header': { context: contextHeader(context) },
    'soap:Body': { [doc.name]: documentBody(doc) },
  };
  return builder.build(orderedChildren({ 'soap:Envelope': envelope })) as string;
}

/**
 * Builds a `BatchRequest` (namespace `urn:zimbra`) carrying the documents in order, each with
 * `requestId` = its index, so answers can be matched back whatever order they come in.
 */
export function buildBatchEnvelope(
  docs: readonly SoapDocument[],
  onError: 'continue' | 'stop',
  context: SoapContext,
): string {
  const children: OrderedNode[] = docs.map((doc, i) =>
    orderedElement(doc.name, documentBody(doc, String(i))),
  );
  const batch: OrderedNode = { BatchRequest: children, ':@': { '@_xmlns': NS.zimbra, '@_onerror': onError } };
  const header = orderedElement('soap:Header', { context: contextHeader(context) });
  const envelope: OrderedNode = {
    'soap:Envelope': [header, { 'soap:Body': [batch] }],
    ':@': { '@_xmlns:soap': SOAP12_NS },
  };
  return builder.build([envelope]) as string;
}
