import { ValidationError } from '../errors/validation-error.ts';
import { firstNonXmlChar, isXmlName } from './xml-chars.ts';

/** SOAP 1.2 envelope namespace. */
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';
/** Namespaces of Zimbra's request documents. */
export const NS = {
  zimbra: 'urn:zimbra',
  admin: 'urn:zimbraAdmin',
  account: 'urn:zimbraAccount',
} as const;
/** A namespace of Zimbra's request documents. */
export type ZimbraNamespace = (typeof NS)[keyof typeof NS];

/** A scalar a request body may carry: written as its text. */
export type XmlScalar = string | number | boolean;
/**
 * A request body, the same for both wires: keys starting with `@_` are attributes, `#text` is the
 * element's text, any other key a child element (an array repeats it). Key order is document order.
 * In Zimbra's JSON an attribute becomes `"name": value`, text `_content`, a child `"name": {…}`.
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
  /**
   * Sends `<nosession/>`: the SDK keeps no server session. Off only for EndSessionRequest, which
   * Zimbra ignores in a nosession context. @default true
   */
  readonly nosession?: boolean | undefined;
}

/**
 * Checks a body before either codec writes it: every name must be an XML name and every value a
 * string XML 1.0 can carry (the typed API refuses bad values earlier, naming the input field; this
 * guards the raw `request()` escape hatch). Throws a ValidationError naming the path, e.g. `body.a.2`.
 */
export function checkBody(body: XmlBody, path = 'body'): void {
  for (const key of Object.keys(body)) {
    const value = body[key];
    if (value === undefined) continue;
    const name = key.startsWith('@_') ? key.slice(2) : key;
    const at = `${path}.${name}`;
    if (key !== '#text' && !isXmlName(name)) refuse(at, 'xmlName', 'is not an XML name');
    const list = Array.isArray(value)
      ? (value as readonly (XmlScalar | XmlBody)[])
      : [value as XmlScalar | XmlBody];
    for (const [i, item] of list.entries()) {
      const where = Array.isArray(value) ? `${at}.${i}` : at;
      if (typeof item === 'object') {
        if (key.startsWith('@_') || key === '#text')
          refuse(where, 'type', 'must be a string, number or boolean');
        checkBody(item, where);
      } else if (typeof item === 'string') {
        const bad = firstNonXmlChar(item);
        if (bad !== undefined) refuse(where, 'xmlChar', `holds ${bad}, which XML 1.0 cannot carry`);
      }
    }
  }
}

function refuse(field: string, rule: string, message: string): never {
  throw new ValidationError([{ field, rule, message }]);
}
