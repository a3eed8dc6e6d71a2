import { ZIMBRA_ATTRS, type ZimbraAttrFact } from './generated/zimbra-attrs.ts';

/** The entry kinds the emulator stores, as AttributeManager's classes see them. */
export type EntryClass = 'account' | 'cos' | 'domain' | 'server' | 'globalConfig';

/** One attribute's facts, indexed for the checks the emulator makes on every write. */
export interface AttrInfo {
  readonly name: string;
  readonly type: string;
  readonly multi: boolean;
  readonly immutable: boolean;
  readonly fact: ZimbraAttrFact;
  readonly classes: ReadonlySet<string>;
  readonly flags: ReadonlySet<string>;
  readonly enumValues: ReadonlySet<string> | undefined;
}

// LDAP's own multi-valued attributes that zimbra-attrs.xml declares without a cardinality.
const LDAP_MULTI = new Set(['objectClass', 'mail']);

// Which declared classes make an attribute valid on an entry (AttributeManager.computeClassToAllAttrsMap).
const CLASS_MEMBERS: Readonly<Record<EntryClass, readonly string[]>> = {
  account: ['account', 'mailRecipient'],
  domain: ['domain', 'mailRecipient'],
  cos: ['cos'],
  server: ['server'],
  globalConfig: ['globalConfig'],
};

const BY_LOWER = new Map<string, AttrInfo>();
for (const fact of ZIMBRA_ATTRS) {
  const classes = new Set([...(fact.optionalIn ?? []), ...(fact.requiredIn ?? [])]);
  BY_LOWER.set(fact.name.toLowerCase(), {
    name: fact.name,
    type: fact.type,
    multi: fact.cardinality === 'multi' || LDAP_MULTI.has(fact.name),
    immutable: fact.immutable === true,
    fact,
    classes,
    flags: new Set(fact.flags ?? []),
    enumValues: fact.type === 'enum' ? new Set((fact.value ?? '').split(',')) : undefined,
  });
}

/** The facts of an attribute, looked up case-insensitively; undefined when Zimbra defines no such name. */
export function attrInfo(name: string): AttrInfo | undefined {
  return BY_LOWER.get(name.toLowerCase());
}

/**
 * True when the attribute may be stored on that kind of entry. Attributes declared in no class at all
 * (`objectClass`) belong to every entry.
 */
export function allowedOn(info: AttrInfo, klass: EntryClass): boolean {
  if (info.classes.size === 0) return true;
  return CLASS_MEMBERS[klass].some((c) => info.classes.has(c));
}

/** Every attribute declared with a flag (accountInherited, domainInherited, serverInherited…). */
export function attrsWithFlag(flag: string): readonly AttrInfo[] {
  return [...BY_LOWER.values()].filter((info) => info.flags.has(flag));
}

function defaults(pick: (fact: ZimbraAttrFact) => readonly string[] | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const info of BY_LOWER.values()) {
    const values = pick(info.fact);
    if (values !== undefined && values.length > 0) out[info.name] = [...values];
  }
  return out;
}

/** A fresh copy of the values a new COS starts with (`defaultCOSValue`, as the installer's default COS). */
export function cosDefaults(): Record<string, string[]> {
  return defaults((f) => f.defaultCOSValue);
}

/** A fresh copy of the global configuration's initial values (`globalConfigValue`). */
export function globalConfigDefaults(): Record<string, string[]> {
  return defaults((f) => f.globalConfigValue);
}

/** Attributes a COS marks `c="1"` in GetCos: those accounts do not inherit (not accountInherited). */
export const COS_ONLY_ATTRS: ReadonlySet<string> = new Set(
  [...BY_LOWER.values()].filter((i) => !i.flags.has('accountInherited')).map((i) => i.name),
);
