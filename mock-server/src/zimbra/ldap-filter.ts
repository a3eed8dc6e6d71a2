import { canonicalAttr } from './attrs.ts';
import { ZimbraFaultError } from './fault.ts';

/** Gives the values of an attribute of the entry being tested (name already canonical). */
export type ValuesOf = (attr: string) => readonly string[];

/** A compiled RFC 2254 filter. */
export type FilterPredicate = (values: ValuesOf) => boolean;

const ALIASES: Readonly<Record<string, string>> = { gn: 'givenName', surname: 'sn', commonname: 'cn' };

/** An unreadable query: Zimbra's LDAP layer answers with a Receiver fault. */
function invalid(query: string, why: string): ZimbraFaultError {
  return new ZimbraFaultError(
    'ldap.INVALID_SEARCH_FILTER',
    `invalid search filter: ${query} (${why})`,
    'Receiver',
  );
}

/**
 * Compiles an RFC 2254 LDAP filter: `&`, `|`, `!`, `=`, `~=`, `>=`, `<=`, `*` wildcards and presence
 * (`attr=*`). Attribute names and values compare case-insensitively. A query without outer parentheses is
 * wrapped in them, as Zimbra does.
 */
export function compileFilter(query: string): FilterPredicate {
  const source = query.trim().startsWith('(') ? query.trim() : `(${query.trim()})`;
  let pos = 0;

  const parseFilter = (): FilterPredicate => {
    if (source[pos] !== '(') throw invalid(query, `expected ( at ${pos}`);
    pos++;
    let result: FilterPredicate;
    const op = source[pos];
    if (op === '&' || op === '|') {
      pos++;
      const parts: FilterPredicate[] = [];
      while (source[pos] === '(') parts.push(parseFilter());
      result = op === '&' ? (v) => parts.every((p) => p(v)) : (v) => parts.some((p) => p(v));
    } else if (op === '!') {
      pos++;
      const inner = parseFilter();
      result = (v) => !inner(v);
    } else {
      result = parseItem();
    }
    if (source[pos] !== ')') throw invalid(query, `expected ) at ${pos}`);
    pos++;
    return result;
  };

  const parseItem = (): FilterPredicate => {
    const end = source.indexOf(')', pos);
    if (end === -1) throw invalid(query, 'unbalanced parentheses');
    const item = source.slice(pos, end);
    pos = end;
    const m = /^([A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)*)(~=|>=|<=|=)(.*)$/s.exec(item);
    if (!m) throw invalid(query, `bad item ${item}`);
    const [, rawAttr, operator, rawValue] = m as unknown as [string, string, string, string];
    const attr = ALIASES[rawAttr.toLowerCase()] ?? canonicalAttr(rawAttr) ?? rawAttr;
    if (operator === '=' && rawValue === '*') return (v) => v(attr).length > 0;
    if (operator === '=' && rawValue.includes('*')) {
      const pieces = rawValue.split('*').map((p) => unescapeValue(p, query).toLowerCase());
      return (v) => v(attr).some((value) => substringMatch(value.toLowerCase(), pieces));
    }
    const wanted = unescapeValue(rawValue, query).toLowerCase();
    if (operator === '>=' || operator === '<=') {
      const sign = operator === '>=' ? 1 : -1;
      return (v) => v(attr).some((value) => sign * compare(value.toLowerCase(), wanted) >= 0);
    }
    return (v) => v(attr).some((value) => value.toLowerCase() === wanted);
  };

  const predicate = parseFilter();
  if (pos !== source.length) throw invalid(query, 'trailing characters');
  return predicate;
}

function unescapeValue(value: string, query: string): string {
  return value.replace(/\\([0-9a-fA-F]{2})|\\/g, (_match, hex: string | undefined) => {
    if (hex === undefined) throw invalid(query, 'bad escape');
    return String.fromCharCode(Number.parseInt(hex, 16));
  });
}

function compare(a: string, b: string): number {
  if (/^-?\d+$/.test(a) && /^-?\d+$/.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `pieces` is the value split on `*`: first must be a prefix, last a suffix, the rest in order between. */
function substringMatch(value: string, pieces: readonly string[]): boolean {
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  if (!value.startsWith(first)) return false;
  let at = first.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const found = value.indexOf(pieces[i]!, at);
    if (found === -1) return false;
    at = found + pieces[i]!.length;
  }
  return value.length - last.length >= at && value.endsWith(last);
}
