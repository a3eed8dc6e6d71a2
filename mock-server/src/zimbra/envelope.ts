import { randomBytes } from 'node:crypto';
import { NS_ZIMBRA } from './context.ts';
import { faults, type ZimbraFaultError } from './fault.ts';
import { child, el, type OutElement, parseXml, serialize, type XmlElement, XmlParseError } from './xml.ts';

/** The SOAP 1.2 and SOAP 1.1 envelope namespaces. */
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';
export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

/** SOAP version of a request; the answer uses the same one. */
export type SoapVersion = '1.1' | '1.2';

/** A request envelope, read. */
export interface RequestEnvelope {
  readonly version: SoapVersion;
  /** `<context xmlns="urn:zimbra"><authToken>` from the header. */
  readonly authToken: string | undefined;
  /** The request element: the first element inside Body. */
  readonly body: XmlElement;
}

/**
 * Reads a SOAP request as Zimbra's SoapEngine does: empty payload or unreadable XML → `service.PARSE_ERROR`,
 * an envelope of neither SOAP version → "unable to determine SOAP version", no Body → "No SOAP body".
 */
export function parseEnvelope(text: string): RequestEnvelope {
  if (text.length === 0) throw faults.parseError('empty request payload');
  // Zimbra picks XML only when the very first byte is '<'; anything else is read as JSON, which we do not emulate.
  if (text[0] !== '<') throw faults.parseError('the request is not XML (JSON requests are not emulated)');
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (error instanceof XmlParseError) throw faults.parseError(error.message);
    throw error;
  }
  const version: SoapVersion | undefined =
    root.name !== 'Envelope'
      ? undefined
      : root.ns === SOAP12_NS
        ? '1.2'
        : root.ns === SOAP11_NS
          ? '1.1'
          : undefined;
  if (version === undefined) throw faults.invalidRequest('unable to determine SOAP version');
  const soapBody = root.children.find((c) => c.name === 'Body' && c.ns === root.ns);
  const request = soapBody?.children[0];
  if (request === undefined) throw faults.invalidRequest('No SOAP body');
  const header = root.children.find((c) => c.name === 'Header' && c.ns === root.ns);
  const context = header?.children.find((c) => c.name === 'context' && c.ns === NS_ZIMBRA);
  const token = context ? child(context, 'authToken')?.text.trim() : undefined;
  return { version, authToken: token, body: request };
}

function trace(): string {
  return `qtp-casella-mock:${Date.now()}:${randomBytes(8).toString('hex')}`;
}

/** A `soap:Fault` element for a Zimbra fault, in the request's SOAP version. */
export function faultElement(error: ZimbraFaultError, version: SoapVersion, requestId?: string): OutElement {
  const detail = el(
    'Error',
    { xmlns: NS_ZIMBRA },
    el('Code', {}, error.code),
    el('Trace', {}, trace()),
    ...error.args.map((a) => el('a', { n: a.name, t: a.type }, a.value)),
  );
  if (version === '1.1') {
    return el(
      'soap:Fault',
      { requestId },
      el('faultcode', {}, error.side === 'Sender' ? 'soap:Client' : 'soap:Server'),
      el('faultstring', {}, error.reason),
      el('detail', {}, detail),
    );
  }
  return el(
    'soap:Fault',
    { requestId },
    el('soap:Code', {}, el('soap:Value', {}, `soap:${error.side}`)),
    el('soap:Reason', {}, el('soap:Text', {}, error.reason)),
    el('soap:Detail', {}, detail),
  );
}

/**
 * A whole response envelope. Handler answers and handler faults carry `<soap:Header><context xmlns="urn:zimbra"/>`;
 * faults raised before dispatch (parse errors, expired token) come bare, as Zimbra sends them.
 */
export function envelopeXml(version: SoapVersion, body: OutElement, withHeader: boolean): string {
  const ns = version === '1.2' ? SOAP12_NS : SOAP11_NS;
  const parts: OutElement[] = [];
  if (withHeader) parts.push(el('soap:Header', {}, el('context', { xmlns: NS_ZIMBRA })));
  parts.push(el('soap:Body', {}, body));
  return serialize(el('soap:Envelope', { 'xmlns:soap': ns }, ...parts));
}

/** The HTTP response: 500 when the Body holds a fault, 200 otherwise (SoapServlet.sendResponse). */
export function soapHttpResponse(xml: string, isFault: boolean): Response {
  return new Response(xml, {
    status: isFault ? 500 : 200,
    headers: {
      // Zimbra answers text/xml for both SOAP versions (Soap12Protocol.getContentType).
      'content-type': 'text/xml; charset=utf-8',
      'cache-control': 'no-store, no-cache',
    },
  });
}
