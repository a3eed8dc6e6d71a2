import { NS_ZIMBRA } from '../context.ts';
import { faults, ZimbraFaultError } from '../fault.ts';
import { el } from '../xml.ts';
import { faultTrace, type WireCodec, WireParseError, type WireRequest } from './codec.ts';
import { NS_SOAP_JS, parseJsonEnvelope } from './json-read.ts';
import { elementToJson } from './json-write.ts';
import { SOAP12 } from './soap-xml.ts';

/**
 * Zimbra's JSON SOAP (soap.txt "Request and Response Formats", SoapJSProtocol): no Envelope object, `Header`
 * and `Body` at the top with `"_jsns": "urn:zimbraSoap"`, answers as `text/javascript; charset=utf-8`, and
 * faults as `Body.Fault` with `Code.Value`, `Reason.Text` and `Detail.Error` (`Code`, `Trace`, `a`).
 */
export const JSON_SOAP: WireCodec = {
  format: 'json',
  contentType: 'text/javascript; charset=utf-8',
  fault(error, requestId) {
    return el(
      'Fault',
      { xmlns: NS_SOAP_JS, requestId },
      el('Code', { Value: `soap:${error.side}` }),
      el('Reason', { Text: error.reason }),
      el(
        'Detail',
        {},
        el(
          'Error',
          { xmlns: NS_ZIMBRA, Code: error.code, Trace: faultTrace() },
          ...error.args.map((a) => el('a', { n: a.name, t: a.type }, a.value)),
        ),
      ),
    );
  },
  write(body, context) {
    const envelope: Record<string, unknown> = {};
    if (context !== undefined) envelope.Header = { context: elementToJson(context, NS_SOAP_JS) };
    const name = body.name.includes(':') ? body.name.slice(body.name.indexOf(':') + 1) : body.name;
    envelope.Body = { [name]: elementToJson(body, NS_SOAP_JS) };
    envelope._jsns = NS_SOAP_JS;
    return JSON.stringify(envelope);
  },
};

/**
 * Reads a JSON SOAP request as SoapEngine does with Element.parseJSON: unreadable JSON →
 * `service.PARSE_ERROR` (answered in JSON), a top-level `_jsns` other than urn:zimbraSoap → "unable to
 * determine SOAP version" (in SOAP 1.2 XML), no element in Body → "No SOAP body".
 */
export function readJsonRequest(text: string): WireRequest {
  let root: ReturnType<typeof parseJsonEnvelope>;
  try {
    root = parseJsonEnvelope(text);
  } catch (error) {
    if (error instanceof ZimbraFaultError) throw new WireParseError(JSON_SOAP, error);
    throw error;
  }
  // SoapEngine can then only guess a protocol, and picks SOAP 1.2.
  if (root.ns !== NS_SOAP_JS)
    throw new WireParseError(SOAP12, faults.invalidRequest('unable to determine SOAP version'));
  const body = root.children.find((c) => c.name === 'Body')?.children[0];
  if (body === undefined) throw new WireParseError(JSON_SOAP, faults.invalidRequest('No SOAP body'));
  const header = root.children.find((c) => c.name === 'Header');
  const context = header?.children.find((c) => c.name === 'context' && c.ns === NS_ZIMBRA);
  return { codec: JSON_SOAP, context, body };
}
