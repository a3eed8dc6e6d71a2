// What XML 1.0 can carry (its `Char` production) and how values are written so that a parser on the
// other side reads back exactly the string that was given.

// C0 controls other than TAB/LF/CR, U+FFFE/U+FFFF, and UTF-16 surrogates that are not part of a pair.
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first character XML 1.0 cannot carry, as `U+XXXX`, or undefined when every character is allowed. */
export function firstNonXmlChar(value: string): string | undefined {
  const m = NOT_XML_CHAR.exec(value);
  if (m === null) return undefined;
  return `U+${(m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const TEXT_SPECIAL = /[&<>\r]/;
const ATTR_SPECIAL = /[&<>"\r\n\t]/;
const TEXT_ALL = /[&<>\r]/g;
const ATTR_ALL = /[&<>"\r\n\t]/g;
const REFS: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  // A raw CR is turned into LF by every XML parser (end-of-line handling), and raw TAB/LF in an
  // attribute into spaces (attribute-value normalisation); character references survive both.
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};
const ref = (c: string): string => REFS[c] ?? c;

/** Escapes element text: `&`, `<`, `>` and CR as references. */
export function escapeText(value: string): string {
  return TEXT_SPECIAL.test(value) ? value.replace(TEXT_ALL, ref) : value;
}

/** Escapes an attribute value: also `"`, TAB and LF, which attribute normalisation would turn into spaces. */
export function escapeAttr(value: string): string {
  return ATTR_SPECIAL.test(value) ? value.replace(ATTR_ALL, ref) : value;
}

const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?$/;

/** True for a name that can be written as an element or attribute name without escaping. */
export function isXmlName(name: string): boolean {
  return XML_NAME.test(name);
}
