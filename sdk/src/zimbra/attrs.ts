// Zimbra attribute values are strings on the wire. Every conversion to boolean, number or Date
// happens here, once, so the rest of the SDK never guesses at a format.

/**
 * An entry's attributes: one string per name, or an array when the name repeats (multi-valued).
 * Read from the server, it is a prototype-free object: `attrs.constructor` is an attribute or undefined.
 */
export type Attrs = Readonly<Record<string, string | readonly string[]>>;

/** One parsed `<a n="…">value</a>` element in the wire-neutral form (XML and JSON alike). */
export interface RawAttr {
  readonly n: string;
  readonly _content?: string | undefined;
  /** `pd="1"`: a delegated admin may not read this attribute; the value is withheld. */
  readonly pd?: string | undefined;
}

/**
 * Folds repeated `<a n>` elements into {@link Attrs}; withheld (`pd="1"`) attributes are left out.
 * The map has no prototype, so attributes named `__proto__`, `constructor` or `toString` are
 * ordinary entries.
 */
export function collectAttrs(list: readonly RawAttr[] | undefined): Attrs {
  const out: Record<string, string | string[]> = Object.create(null);
  if (list === undefined) return out;
  for (const a of list) {
    if (a.pd !== undefined && toBoolean(a.pd)) continue;
    const name = a.n;
    const value = a._content ?? '';
    const prev = out[name];
    if (prev === undefined) out[name] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[name] = [prev as string, value];
  }
  return out;
}

/** The first value of an attribute, or undefined. */
export function attrString(attrs: Attrs, name: string): string | undefined {
  const v = attrs[name];
  return typeof v === 'string' ? v : v?.[0];
}

/** Every value of an attribute (an empty list when absent). */
export function attrValues(attrs: Attrs, name: string): readonly string[] {
  const v = attrs[name];
  if (v === undefined) return [];
  return typeof v === 'string' ? [v] : v;
}

/**
 * Zimbra booleans: LDAP attributes use `TRUE`/`FALSE`, protocol attributes `1`/`0` (and JAXB also
 * accepts `true`/`false`). Anything else is not a boolean.
 */
export function toBoolean(value: string): boolean | undefined {
  switch (value.toLowerCase()) {
    case 'true':
    case '1':
      return true;
    case 'false':
    case '0':
      return false;
    default:
      return undefined;
  }
}

/** A decimal integer string (quotas, counts, limits) as a safe integer, or undefined. */
export function toInteger(value: string): number | undefined {
  if (!/^-?\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

const GENTIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,3}))?[zZ]$/;

/** LDAP generalized time, `yyyyMMddHHmmssZ` or `yyyyMMddHHmmss.SSSZ` (both occur), as a Date. */
export function toDate(value: string): Date | undefined {
  const m = GENTIME.exec(value);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = frac === undefined ? 0 : Number(frac.padEnd(3, '0'));
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A boolean attribute (`TRUE`/`FALSE`), or undefined when absent or malformed. */
export function attrBoolean(attrs: Attrs, name: string): boolean | undefined {
  const v = attrString(attrs, name);
  return v === undefined ? undefined : toBoolean(v);
}

/** An integer attribute, or undefined when absent or malformed. */
export function attrInteger(attrs: Attrs, name: string): number | undefined {
  const v = attrString(attrs, name);
  return v === undefined ? undefined : toInteger(v);
}

/** A generalized-time attribute as a Date, or undefined when absent or malformed. */
export function attrDate(attrs: Attrs, name: string): Date | undefined {
  const v = attrString(attrs, name);
  return v === undefined ? undefined : toDate(v);
}

/** Values the SDK accepts for an attribute on the way out. */
export type AttrInput = string | number | boolean | readonly string[];

/** One `<a n>` element ready for the XML builder. */
export type XmlAttr = {
  readonly '@_n': string;
  readonly '#text': string;
};

/**
 * Turns attributes into `<a n>` elements: arrays repeat the name, booleans become `TRUE`/`FALSE`
 * (the LDAP form), numbers their decimal text, and `''` (an empty element) removes an attribute.
 */
export function attrsToXml(attrs: Readonly<Record<string, AttrInput | undefined>>): XmlAttr[] {
  const out: XmlAttr[] = [];
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const v of value as readonly string[]) out.push({ '@_n': name, '#text': v });
    } else if (typeof value === 'boolean') {
      out.push({ '@_n': name, '#text': value ? 'TRUE' : 'FALSE' });
    } else {
      out.push({ '@_n': name, '#text': String(value) });
    }
  }
  return out;
}
