/** A parsed element before namespace resolution: tag as written, attributes in order, children, text. */
export interface RawElement {
  readonly tag: string;
  readonly attrs: readonly (readonly [string, string])[];
  readonly children: RawElement[];
  text: string;
}

/** The XML could not be read: becomes `service.PARSE_ERROR`. */
export class XmlParseError extends Error {
  override readonly name = 'XmlParseError';
}

const NAME = /[A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9._:\u00B7\u00C0-\uFFFF]*/y;
const SPACE = /[ \t\r\n]*/y;
const ATTR_VALUE = /"([^"<]*)"|'([^'<]*)'/y;
// XML 1.0 Char: TAB, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, and the astral planes (as surrogate pairs).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ENTITY = /&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_][-A-Za-z0-9._]*);/g;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  const bare = raw.replace(ENTITY, '');
  if (bare.includes('&')) throw new XmlParseError('malformed entity reference');
  return raw.replace(ENTITY, (_, ref: string) => {
    if (ref[0] !== '#') {
      const known = PREDEFINED[ref];
      // No DTD is allowed, so only XML's five entities exist (HTML names such as &nbsp; do not).
      if (known === undefined) throw new XmlParseError(`undeclared entity: &${ref};`);
      return known;
    }
    const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    const char = code <= 0x10ffff ? String.fromCodePoint(code) : '';
    if (char === '' || NOT_XML_CHAR.test(char))
      throw new XmlParseError(`invalid character reference: &${ref};`);
    return char;
  });
}

/**
 * Reads one XML document as a validating XML 1.0 processor without a DTD would (Zimbra's Xerces): line ends
 * normalized to LF, attribute whitespace normalized to spaces (character references survive both), only
 * XML's five named entities, characters outside XML 1.0 refused, one root, end tags matching, no DOCTYPE.
 */
export function readXml(input: string): RawElement {
  if (NOT_XML_CHAR.test(input)) throw new XmlParseError('invalid XML character');
  const text = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  let pos = 0;
  const stack: RawElement[] = [];
  let root: RawElement | undefined;

  const fail = (msg: string): never => {
    throw new XmlParseError(`${msg} at offset ${pos}`);
  };
  const skipSpace = () => {
    SPACE.lastIndex = pos;
    SPACE.exec(text);
    pos = SPACE.lastIndex;
  };
  const readName = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(text);
    if (m === null) return fail('name expected');
    pos = NAME.lastIndex;
    return m[0];
  };
  const skipUntil = (end: string, what: string) => {
    const at = text.indexOf(end, pos);
    if (at === -1) fail(`unterminated ${what}`);
    const body = text.slice(pos, at);
    pos = at + end.length;
    return body;
  };

  if (text.startsWith('\uFEFF')) pos = 1;
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    const chunk = lt === -1 ? text.slice(pos) : text.slice(pos, lt);
    if (chunk !== '') {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        if (chunk.trim() !== '') fail('text outside the root element');
      } else {
        if (chunk.includes(']]>')) fail("']]>' in text");
        top.text += decodeEntities(chunk);
      }
    }
    if (lt === -1) break;
    pos = lt;
    if (text.startsWith('<!--', pos)) {
      pos += 4;
      skipUntil('-->', 'comment');
    } else if (text.startsWith('<![CDATA[', pos)) {
      const top = stack[stack.length - 1];
      if (top === undefined) fail('CDATA outside the root element');
      pos += 9;
      top!.text += skipUntil(']]>', 'CDATA section');
    } else if (text.startsWith('<!', pos)) {
      // DOCTYPE and any other declaration: SOAP forbids DTDs (and Zimbra disallows doctype-decl).
      fail('DOCTYPE is not allowed');
    } else if (text.startsWith('<?', pos)) {
      pos += 2;
      skipUntil('?>', 'processing instruction');
    } else if (text.startsWith('</', pos)) {
      pos += 2;
      const tag = readName();
      skipSpace();
      if (text[pos] !== '>') fail('> expected');
      pos++;
      const open = stack.pop();
      if (open === undefined || open.tag !== tag) fail(`end tag </${tag}> does not match`);
      if (stack.length === 0) root = open;
    } else {
      pos++;
      if (root !== undefined) fail('a second root element');
      const tag = readName();
      const attrs: [string, string][] = [];
      for (;;) {
        const before = pos;
        skipSpace();
        if (text[pos] === '>' || text.startsWith('/>', pos)) break;
        if (pos === before) fail('space expected before an attribute');
        const name = readName();
        skipSpace();
        if (text[pos] !== '=') fail('= expected');
        pos++;
        skipSpace();
        ATTR_VALUE.lastIndex = pos;
        const m = ATTR_VALUE.exec(text);
        if (m === null) fail('quoted attribute value expected');
        pos = ATTR_VALUE.lastIndex;
        if (attrs.some(([n]) => n === name)) fail(`attribute ${name} given twice`);
        // Attribute-value normalization: literal TAB/LF become spaces, references to them stay.
        attrs.push([name, decodeEntities((m![1] ?? m![2] ?? '').replace(/[\t\n]/g, ' '))]);
      }
      const element: RawElement = { tag, attrs, children: [], text: '' };
      stack[stack.length - 1]?.children.push(element);
      if (text[pos] === '/') {
        pos += 2;
        if (stack.length === 0) root = element;
      } else {
        pos++;
        stack.push(element);
      }
    }
  }
  if (stack.length > 0) fail(`unclosed element <${stack[stack.length - 1]!.tag}>`);
  if (root === undefined) fail('no root element');
  return root!;
}
