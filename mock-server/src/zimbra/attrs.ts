import { checkValue } from './attr-values.ts';
import { allowedOn, attrInfo, type EntryClass } from './catalogue.ts';
import { faults } from './fault.ts';

/** LDAP-style attributes of an entry: canonical attribute name → values (multi-valued when several). */
export type AttrMap = Record<string, string[]>;

/** An attribute's value as written in a seed: one value or several. */
export type SeedAttrs = Readonly<Record<string, string | readonly string[]>>;

/** Canonical spelling of a known attribute name (case-insensitive), or undefined for an unknown one. */
export function canonicalAttr(name: string): string | undefined {
  return attrInfo(name)?.name;
}

/** True for attributes only the server sets (ModifyAccount: "invalid request: <attr> is immutable"). */
export function isImmutable(name: string): boolean {
  return attrInfo(name)?.immutable === true;
}

/** True for attributes that may hold several values. */
export function isMultiValued(name: string): boolean {
  return attrInfo(name)?.multi === true;
}

/**
 * Resolves a request's attribute name or refuses it as Zimbra's LDAP layer does: a name Zimbra does not
 * define, or one that does not belong on that kind of entry, is `account.INVALID_ATTR_NAME`.
 */
export function requireKnownAttr(name: string, klass: EntryClass = 'account'): string {
  const info = attrInfo(name);
  if (info === undefined || !allowedOn(info, klass))
    throw faults.invalidAttrName(`invalid attr name: ${name}`);
  return info.name;
}

/** Checks one value against the attribute's declared type and limits (`account.INVALID_ATTR_VALUE`). */
export function checkAttrValue(name: string, value: string): void {
  const info = attrInfo(name);
  if (info !== undefined) checkValue(info, value);
}

/** Turns seed attributes into an {@link AttrMap}, canonicalising known names. */
export function attrsFromSeed(seed: SeedAttrs | undefined): AttrMap {
  const out: AttrMap = {};
  for (const [name, value] of Object.entries(seed ?? {})) {
    out[canonicalAttr(name) ?? name] = typeof value === 'string' ? [value] : [...value];
  }
  return out;
}

/** First value of an attribute, looked up case-insensitively. */
export function firstValue(attrs: AttrMap, name: string): string | undefined {
  return attrs[canonicalAttr(name) ?? name]?.[0];
}

/** Attributes Zimbra never shows in clear (Provisioning.sanitizedAttrValue). */
export const BLOCKED_VALUE = 'VALUE-BLOCKED';

/** Formats a date as LDAP generalized time with milliseconds (`20240101120000.123Z`). */
export function gentime(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}.${String(date.getUTCMilliseconds()).padStart(3, '0')}Z`;
}

/** Parses LDAP generalized time with or without milliseconds; NaN when unreadable. */
export function parseGentime(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,3}))?[zZ]$/.exec(value);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s, ms] = m;
  return Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, ms ? +ms.padEnd(3, '0') : 0);
}
