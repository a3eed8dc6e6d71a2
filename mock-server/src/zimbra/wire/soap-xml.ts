import { NS_ZIMBRA } from '../context.ts';
import type { ZimbraFaultError } from '../fault.ts';
import { faults } from '../fault.ts';
import { el, type OutElement, parseXml, serialize, type XmlElement, XmlParseError } from '../xml.ts';
import { faultTrace, type WireCodec, WireParseError, type WireRequest } from './codec.ts';

/** The SOAP 1.2 and SOAP 1.1 envelope namespaces. */
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';
export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

/** SOAP version of an XML request; the answer uses the same one. */
export type SoapVersion = '1.1' | '1.2';

/** A `soap:Fault` in the request's SOAP version, with Zimbra's `Error` detail. */
function xmlFault(version: SoapVersion, error: ZimbraFaultError, requestId?: string): OutElement {
  const detail = el(
    'Error',
    { xmlns: NS_ZIMBRA },
    el('Code', {}, error.code),
    el('Trace', {}, faultTrace()),
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

function codec(version: SoapVersion): WireCodec {
  const ns = version === '1.2' ? SOAP12_NS : SOAP11_NS;
  return {
    format: 'xml',
    // Zimbra answers text/xml for both SOAP versions (Soap12Protocol.getContentType).
    contentType: 'text/xml; charset=utf-8',
    fault: (error, requestId) => xmlFault(version, error, requestId),
    write(body, context) {
      const parts: OutElement[] = [];
      if (context !== undefined) parts.push(el('soap:Header', {}, context));
      parts.push(el('soap:Body', {}, body));
      return serialize(el('soap:Envelope', { 'xmlns:soap': ns }, ...parts));
    },
  };
}

/** SOAP 1.2, Zimbra's default, and SOAP 1.1. */
export const SOAP12: WireCodec = codec('1.2');
export const SOAP11: WireCodec = codec('1.1');

/**
 * Reads an XML SOAP request as SoapEngine does: unreadable XML → `service.PARSE_ERROR`, an envelope of
 * neither SOAP version → "unable to determine SOAP version", no Body → "No SOAP body".
 */
export function readXmlRequest(text: string): WireRequest {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    // The codec is settled by the caller from what can be seen of the text (chooseFaultProtocolFromBadXml).
    if (error instanceof XmlParseError) throw new WireParseError(SOAP12, faults.parseError(error.message));
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
  if (version === undefined)
    throw new WireParseError(SOAP12, faults.invalidRequest('unable to determine SOAP version'));
  const wire = version === '1.2' ? SOAP12 : SOAP11;
  const soapBody = root.children.find((c) => c.name === 'Body' && c.ns === root.ns);
  const body = soapBody?.children[0];
  if (body === undefined) throw new WireParseError(wire, faults.invalidRequest('No SOAP body'));
  const header = root.children.find((c) => c.name === 'Header' && c.ns === root.ns);
  const context = header?.children.find((c) => c.name === 'context' && c.ns === NS_ZIMBRA);
  return { codec: wire, context, body };
}
