import { faults } from '../fault.ts';
import type { XmlElement } from '../xml.ts';

/** The namespace of Zimbra's JSON envelope (SoapJSProtocol). */
export const NS_SOAP_JS = 'urn:zimbraSoap';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// Long.toString / Double.toString as JSONElement stores parsed numbers: integers plainly, others as JS writes them.
function scalarText(value: boolean | number | string): string {
  return typeof value === 'string' ? value : String(value);
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One JSON object as an element, by Element.JSONElement's reading: `_jsns` is the namespace (inherited
 * otherwise), `_content` the text, `_attrs` key/value pairs (each becomes `<a n="key">value</a>`, a list of
 * values one `<a>` each), an object value a child element, an array of objects repeated children, and a
 * string, number or boolean an attribute (`true` reads as "true", 5 as "5"); `null` is left out.
 */
export function jsonToElement(name: string, value: Json, inheritedNs: string): XmlElement {
  if (!isObject(value)) throw faults.parseError(`expected character: { for element ${name}`);
  const ns = typeof value._jsns === 'string' ? value._jsns : inheritedNs;
  const attrs: Record<string, string> = Object.create(null);
  const children: XmlElement[] = [];
  let text = '';
  for (const [key, v] of Object.entries(value)) {
    if (key === '_jsns' || v === null) continue;
    if (key === '_content') text = isObject(v) || Array.isArray(v) ? '' : scalarText(v);
    else if (key === '_attrs') children.push(...keyValuePairs(v, ns));
    else if (Array.isArray(v)) for (const item of v) children.push(jsonToElement(key, item, ns));
    else if (isObject(v)) children.push(jsonToElement(key, v, ns));
    else attrs[key] = scalarText(v);
  }
  return { name, qname: name, ns, attrs, children, text };
}

function pair(key: string, value: Json, ns: string): XmlElement {
  const attrs: Record<string, string> = Object.create(null);
  attrs.n = key;
  let text = '';
  if (isObject(value)) {
    // `{"name": {"_content": "v", "pd": true}}`: a pair with attributes of its own (ToXML's permission-denied).
    for (const [k, v] of Object.entries(value)) {
      if (v === null || isObject(v) || Array.isArray(v)) continue;
      if (k === '_content') text = scalarText(v);
      else attrs[k] = scalarText(v);
    }
  } else if (value !== null && !Array.isArray(value)) text = scalarText(value);
  return { name: 'a', qname: 'a', ns, attrs, children: [], text };
}

function keyValuePairs(value: Json, ns: string): XmlElement[] {
  if (!isObject(value)) throw faults.parseError('expected character: { for _attrs');
  const out: XmlElement[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v === null) continue;
    if (Array.isArray(v)) for (const item of v) out.push(pair(key, item, ns));
    else out.push(pair(key, v, ns));
  }
  return out;
}

/** Parses a JSON request into its Envelope element; anything JSON.parse refuses is `service.PARSE_ERROR`. */
export function parseJsonEnvelope(text: string): XmlElement {
  let parsed: Json;
  try {
    parsed = JSON.parse(text) as Json;
  } catch (error) {
    throw faults.parseError((error as Error).message);
  }
  return jsonToElement('Envelope', parsed, NS_SOAP_JS);
}
