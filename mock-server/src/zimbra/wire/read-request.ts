import { faults } from '../fault.ts';
import { type WireCodec, WireParseError, type WireRequest } from './codec.ts';
import { JSON_SOAP, readJsonRequest } from './json-codec.ts';
import { readXmlRequest, SOAP11, SOAP12 } from './soap-xml.ts';

// SoapEngine.chooseFaultProtocolFromBadXml: unreadable XML still picks its fault's format from what can be
// seen of it, a SOAP 1.1 envelope or `<format type="js"/>`.
function codecForBadXml(text: string): WireCodec {
  if (/<(?:[\w.-]+:)?format\b[^>]*\btype\s*=\s*["']js["']/.test(text)) return JSON_SOAP;
  return /<(?:[\w.-]+:)?Envelope\b[^>]*["']http:\/\/schemas\.xmlsoap\.org\/soap\/envelope\/["']/.test(text)
    ? SOAP11
    : SOAP12;
}

/**
 * Reads a request in whichever format it is in, as SoapEngine.dispatch decides: XML when the first character
 * is `<`, JSON otherwise; an empty payload is a `service.PARSE_ERROR` in SOAP 1.2.
 * @throws {WireParseError} with the fault and the format to answer it in.
 */
export function readRequest(text: string): WireRequest {
  if (text.length === 0) throw new WireParseError(SOAP12, faults.parseError('empty request payload'));
  if (text[0] !== '<') return readJsonRequest(text);
  try {
    return readXmlRequest(text);
  } catch (error) {
    if (error instanceof WireParseError && error.fault.code === 'service.PARSE_ERROR')
      throw new WireParseError(codecForBadXml(text), error.fault);
    throw error;
  }
}

/** The answer's format: the request's, unless `<format type="js"/>` or (to a JSON request) `type="xml"`. */
export function responseCodec(request: WireCodec, format: string | undefined): WireCodec {
  if (format === 'js') return JSON_SOAP;
  if (format === 'xml' && request.format === 'json') return SOAP12;
  return request;
}
