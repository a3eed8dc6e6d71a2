// fast-xml-parser reads a cut-off or mismatched document without complaint (a token cut after
// `<authToken>0_abab` would log in). This one pass checks what the parser does not, at a fraction of
// XMLValidator's cost: one root; every start tag closed by its own end tag, in order; attributes
// quoted, without `<`; `&` only as one of XML's five entities or a character reference; nothing but
// whitespace, comments and processing instructions outside the root.

// A tag (end, start or empty-element), a comment, a CDATA section or a processing instruction.
const TOKEN =
  /<(?:(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|!--[\s\S]*?-->|!\[CDATA\[[\s\S]*?\]\]>|\?[\s\S]*?\?>)/y;
const REFERENCE = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);/y;

// Every `&` in [from, to) must start a reference. `amps` walks the document's `&`s once, forward only,
// so the whole check stays linear however rare they are.
function referencesOk(text: string, amps: { next: number }, from: number, to: number): boolean {
  if (amps.next !== -1 && amps.next < from) amps.next = text.indexOf('&', from);
  while (amps.next !== -1 && amps.next < to) {
    REFERENCE.lastIndex = amps.next;
    if (!REFERENCE.test(text)) return false;
    amps.next = text.indexOf('&', amps.next + 1);
  }
  return true;
}

function blank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0xfeff) return false;
  }
  return true;
}

/** True when the element structure of `text` is well-formed XML (see the file's header for what is checked). */
export function isWellFormed(text: string): boolean {
  const open: string[] = [];
  const amps = { next: text.indexOf('&') };
  let rootDone = false;
  let at = text.indexOf('<');
  if (at === -1 || !blank(text, 0, at)) return false;
  while (at !== -1) {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (m === null) return false;
    const end = TOKEN.lastIndex;
    const name = m[2];
    if (name !== undefined) {
      if (!referencesOk(text, amps, at, end)) return false;
      if (m[1] === '/') {
        if (m[3] !== '' || m[4] === '/' || open.pop() !== name) return false;
        if (open.length === 0) rootDone = true;
      } else {
        if (rootDone) return false;
        if (m[4] === '/') rootDone = open.length === 0 ? true : rootDone;
        else open.push(name);
      }
    } else if (open.length === 0 && m[0].startsWith('<![CDATA[')) {
      return false;
    }
    const next = text.indexOf('<', end);
    const stop = next === -1 ? text.length : next;
    if (open.length === 0 ? !blank(text, end, stop) : !referencesOk(text, amps, end, stop)) return false;
    at = next;
  }
  return rootDone && open.length === 0;
}
