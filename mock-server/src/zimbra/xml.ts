import { type RawElement, readXml, XmlParseError } from './xml-read.ts';

export { XmlParseError };

/** One parsed XML element with its namespace resolved, its attributes by local name, and its text. */
export interface XmlElement {
  /** Local name, without prefix (`CreateAccountRequest`). */
  readonly name: string;
  /** The tag as written (`zadmin:CreateAccountRequest`): Zimbra's UNKNOWN_DOCUMENT names it this way. */
  readonly qname: string;
  /** Namespace URI, resolved from the `xmlns` declarations in scope ('' when none). */
  readonly ns: string;
  /** Attributes by local name; `xmlns` declarations are left out. */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /**
   * Concatenated text of the element, untrimmed; '' for containers and for whitespace-only text, which
   * Zimbra's parser drops (W3cDomUtil.toHierarchy sets text only when it is not blank).
   */
  readonly text: string;
}

/** Parses one XML document into an {@link XmlElement} tree; refuses DTDs (SOAP forbids them). */
export function parseXml(text: string): XmlElement {
  return toElement(readXml(text), XML_SCOPE);
}

const XML_SCOPE: ReadonlyMap<string, string> = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);

function toElement(node: RawElement, inherited: ReadonlyMap<string, string>): XmlElement {
  let scope = inherited;
  const attrs: Record<string, string> = Object.create(null);
  for (const [key, value] of node.attrs) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (scope === inherited) scope = new Map(inherited);
      (scope as Map<string, string>).set(key === 'xmlns' ? '' : key.slice(6), value);
    } else attrs[localName(key)] = value;
  }
  const qname = node.tag;
  const colon = qname.indexOf(':');
  const prefix = colon === -1 ? '' : qname.slice(0, colon);
  // A namespace-aware parser (Zimbra's) refuses a prefix nothing declares.
  if (prefix !== '' && !scope.has(prefix))
    throw new XmlParseError(`prefix ${prefix} of <${qname}> is not bound`);
  const ns = scope.get(prefix) ?? '';
  const children = node.children.map((c) => toElement(c, scope));
  const text = children.length > 0 ? '' : dropBlank(node.text);
  return { name: localName(qname), qname, ns, attrs, children, text };
}

// Java's String.trim() (what Zimbra tests) strips every char up to U+0020, not Unicode whitespace.
const BLANK = /^[\x00-\x20]*$/;

/** Whitespace-only text is no text at all, as Zimbra reads XML. */
export function dropBlank(text: string): string {
  return BLANK.test(text) ? '' : text;
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon === -1 ? qname : qname.slice(colon + 1);
}

/** First child element with this local name. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/**
 * A scalar request field given either as an attribute or as a child element: Zimbra accepts both
 * (`<X name="a"/>` and `<X><name>a</name></X>`).
 */
export function scalar(el: XmlElement, name: string): string | undefined {
  const attr = el.attrs[name];
  if (attr !== undefined) return attr;
  const c = child(el, name);
  return c === undefined ? undefined : c.text;
}

// ---- output ----

/** An element to write; children are elements or text. */
export interface OutElement {
  readonly name: string;
  readonly attrs?: Readonly<Record<string, string | number | undefined>>;
  readonly children?: readonly (OutElement | string)[];
}

/** Shorthand to build an {@link OutElement}. */
export function el(
  name: string,
  attrs?: Record<string, string | number | undefined>,
  ...children: (OutElement | string)[]
): OutElement {
  return { name, ...(attrs ? { attrs } : {}), children };
}

// XML 1.0 forbids most control characters even when escaped.
const INVALID_XML_CHARS = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Escapes element text for XML (`&`, `<`, `>`), dropping characters XML cannot carry. A stored CR is
 * written as `&#13;`: raw, every XML reader would turn it into LF (end-of-line normalization).
 */
function escapeText(value: string): string {
  return value
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Escapes an attribute value for a double-quoted XML attribute (TAB and LF too: readers normalize them to spaces). */
function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** Writes an {@link OutElement} as XML text. */
export function serialize(node: OutElement | string): string {
  if (typeof node === 'string') return escapeText(node);
  let out = `<${node.name}`;
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    if (value !== undefined) out += ` ${key}="${escapeAttr(String(value))}"`;
  }
  const children = node.children ?? [];
  if (children.length === 0) return `${out}/>`;
  out += '>';
  for (const c of children) out += serialize(c);
  return `${out}</${node.name}>`;
}
