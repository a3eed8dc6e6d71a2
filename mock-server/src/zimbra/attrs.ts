import { faults } from './fault.ts';

/** LDAP-style attributes of an entry: canonical attribute name → values (multi-valued when several). */
export type AttrMap = Record<string, string[]>;

/** An attribute's value as written in a seed: one value or several. */
export type SeedAttrs = Readonly<Record<string, string | readonly string[]>>;

type AttrType = 'string' | 'boolean' | 'long' | 'integer' | 'id' | 'gentime' | 'duration' | `enum:${string}`;

interface AttrInfo {
  readonly name: string;
  readonly type: AttrType;
  /** Set by the server only; ModifyAccount refuses it with "is immutable". */
  readonly immutable?: boolean;
  readonly multi?: boolean;
}

const ACCOUNT_STATUS = 'enum:active,maintenance,locked,closed,lockout,pending';
const DOMAIN_STATUS = 'enum:active,maintenance,locked,closed,suspended,shutdown';

// The attributes the emulator knows, with the types Zimbra's attribute manager checks (zimbra-attrs.xml).
const KNOWN: readonly AttrInfo[] = [
  { name: 'objectClass', type: 'string', multi: true, immutable: true },
  { name: 'zimbraId', type: 'id', immutable: true },
  { name: 'zimbraCreateTimestamp', type: 'gentime', immutable: true },
  { name: 'uid', type: 'string', immutable: true },
  { name: 'mail', type: 'string', immutable: true, multi: true },
  { name: 'zimbraMailDeliveryAddress', type: 'string', immutable: true, multi: true },
  { name: 'zimbraMailAlias', type: 'string', immutable: true, multi: true },
  { name: 'userPassword', type: 'string' },
  { name: 'cn', type: 'string' },
  { name: 'sn', type: 'string' },
  { name: 'givenName', type: 'string' },
  { name: 'displayName', type: 'string' },
  { name: 'initials', type: 'string' },
  { name: 'title', type: 'string' },
  { name: 'company', type: 'string' },
  { name: 'o', type: 'string' },
  { name: 'ou', type: 'string' },
  { name: 'street', type: 'string' },
  { name: 'l', type: 'string' },
  { name: 'postalCode', type: 'string' },
  { name: 'co', type: 'string' },
  { name: 'telephoneNumber', type: 'string' },
  { name: 'mobile', type: 'string' },
  { name: 'description', type: 'string', multi: true },
  { name: 'zimbraNotes', type: 'string' },
  { name: 'zimbraAccountStatus', type: ACCOUNT_STATUS },
  { name: 'zimbraAccountSuspensionReason', type: 'string' },
  { name: 'zimbraMailStatus', type: 'enum:enabled,disabled' },
  { name: 'zimbraMailHost', type: 'string' },
  { name: 'zimbraMailTransport', type: 'string' },
  { name: 'zimbraCOSId', type: 'id' },
  { name: 'zimbraMailQuota', type: 'long' },
  { name: 'zimbraIsAdminAccount', type: 'boolean' },
  { name: 'zimbraIsDelegatedAdminAccount', type: 'boolean' },
  { name: 'zimbraIsDomainAdminAccount', type: 'boolean' },
  { name: 'zimbraIsSystemResource', type: 'boolean' },
  { name: 'zimbraIsExternalVirtualAccount', type: 'boolean' },
  { name: 'zimbraDomainAdminMaxMailQuota', type: 'long' },
  { name: 'zimbraPasswordMustChange', type: 'boolean' },
  { name: 'zimbraPasswordLocked', type: 'boolean' },
  { name: 'zimbraPasswordModifiedTime', type: 'gentime' },
  { name: 'zimbraPasswordMinLength', type: 'integer' },
  { name: 'zimbraPasswordMaxLength', type: 'integer' },
  { name: 'zimbraPasswordMinUpperCaseChars', type: 'integer' },
  { name: 'zimbraPasswordMinLowerCaseChars', type: 'integer' },
  { name: 'zimbraPasswordMinNumericChars', type: 'integer' },
  { name: 'zimbraPasswordMinPunctuationChars', type: 'integer' },
  { name: 'zimbraPasswordMinAlphaChars', type: 'integer' },
  { name: 'zimbraPasswordMinDigitsOrPuncs', type: 'integer' },
  { name: 'zimbraPasswordAllowedChars', type: 'string' },
  { name: 'zimbraPasswordAllowedPunctuationChars', type: 'string' },
  { name: 'zimbraPasswordBlockCommonEnabled', type: 'boolean' },
  { name: 'zimbraFeatureAllowUsernameInPassword', type: 'boolean' },
  { name: 'zimbraPasswordEnforceHistory', type: 'integer' },
  { name: 'zimbraPasswordMinAge', type: 'integer' },
  { name: 'zimbraPasswordMaxAge', type: 'integer' },
  { name: 'zimbraPasswordLockoutEnabled', type: 'boolean' },
  { name: 'zimbraAuthTokenValidityValue', type: 'integer' },
  { name: 'zimbraAdminAuthTokenLifetime', type: 'duration' },
  { name: 'zimbraAuthTokenLifetime', type: 'duration' },
  { name: 'zimbraLastLogonTimestamp', type: 'gentime' },
  { name: 'zimbraPrefLocale', type: 'string' },
  { name: 'zimbraPrefTimeZoneId', type: 'string', multi: true },
  { name: 'zimbraPrefMailForwardingAddress', type: 'string' },
  { name: 'zimbraFeatureMailEnabled', type: 'boolean' },
  { name: 'zimbraFeatureCalendarEnabled', type: 'boolean' },
  { name: 'zimbraFeatureContactsEnabled', type: 'boolean' },
  { name: 'zimbraFeatureMobileSyncEnabled', type: 'boolean' },
  { name: 'zimbraMailDomainQuota', type: 'long' },
  { name: 'zimbraDomainAggregateQuota', type: 'long' },
  { name: 'zimbraDomainName', type: 'string', immutable: true },
  { name: 'zimbraDomainStatus', type: DOMAIN_STATUS },
  { name: 'zimbraDomainType', type: 'enum:local,alias' },
  { name: 'zimbraDomainMaxAccounts', type: 'integer' },
  { name: 'zimbraDomainCOSMaxAccounts', type: 'string', multi: true },
  { name: 'zimbraDomainFeatureMaxAccounts', type: 'string', multi: true },
  { name: 'zimbraDomainDefaultCOSId', type: 'id' },
  { name: 'zimbraPublicServiceHostname', type: 'string' },
  { name: 'zimbraVirtualHostname', type: 'string', multi: true },
  { name: 'zimbraGalMode', type: 'enum:zimbra,ldap,both' },
  { name: 'zimbraAuthMech', type: 'string' },
];

const BY_LOWER = new Map(KNOWN.map((info) => [info.name.toLowerCase(), info]));

/** Canonical spelling of a known attribute name (case-insensitive), or undefined for an unknown one. */
export function canonicalAttr(name: string): string | undefined {
  return BY_LOWER.get(name.toLowerCase())?.name;
}

/** True for attributes only the server sets (ModifyAccount: "invalid request: <attr> is immutable"). */
export function isImmutable(name: string): boolean {
  return BY_LOWER.get(name.toLowerCase())?.immutable === true;
}

/** True for attributes that may hold several values. */
export function isMultiValued(name: string): boolean {
  return BY_LOWER.get(name.toLowerCase())?.multi === true;
}

/** Resolves a request's attribute name or refuses it as Zimbra's LDAP layer does. */
export function requireKnownAttr(name: string): string {
  const canonical = canonicalAttr(name);
  if (canonical === undefined) throw faults.invalidAttrName(`invalid attr name: ${name}`);
  return canonical;
}

const ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const GENTIME = /^\d{14}(\.\d{1,3})?[zZ]$/;
const DURATION = /^\d+([hmsd]|ms)?$/;

/** Checks one value against the attribute's type, with the attribute manager's messages. */
export function checkAttrValue(name: string, value: string): void {
  const info = BY_LOWER.get(name.toLowerCase());
  if (info === undefined || value === '') return;
  const type = info.type;
  if (type === 'boolean' && value !== 'TRUE' && value !== 'FALSE') {
    throw faults.invalidAttrValue(`${info.name} must be TRUE or FALSE`);
  }
  if (type === 'long' && !/^-?\d{1,19}$/.test(value)) {
    throw faults.invalidAttrValue(`${info.name} must be a valid long: ${value}`);
  }
  if (type === 'integer' && !(/^-?\d{1,10}$/.test(value) && Math.abs(Number(value)) <= 2147483647)) {
    throw faults.invalidAttrValue(`${info.name} must be a valid integer: ${value}`);
  }
  if (type === 'id' && !ID.test(value)) throw faults.invalidAttrValue(`${info.name} must be a valid id`);
  if (type === 'gentime' && !GENTIME.test(value)) {
    throw faults.invalidAttrValue(`${info.name} must be a valid generalized time: ${value}`);
  }
  if (type === 'duration' && !DURATION.test(value)) {
    throw faults.invalidAttrValue(`${info.name} must be a valid duration: ${value}`);
  }
  if (type.startsWith('enum:')) {
    const allowed = type.slice(5).split(',');
    if (!allowed.includes(value))
      throw faults.invalidAttrValue(`${info.name} must be one of: ${type.slice(5)}`);
  }
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
