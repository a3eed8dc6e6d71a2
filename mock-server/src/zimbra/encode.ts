import { type AttrMap, BLOCKED_VALUE, canonicalAttr } from './attrs.ts';
import { faults } from './fault.ts';
import { type Account, COS_OWN_ATTRS, type Cos, type Domain } from './model.ts';
import type { ZimbraStore } from './store.ts';
import { el, type OutElement } from './xml.ts';

/** The `attrs="a,b"` filter of a request as lower-case names; undefined = every attribute. */
export function attrsFilter(value: string | undefined, validate = false): Set<string> | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const names = value
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (validate) {
    for (const n of names) {
      if (canonicalAttr(n) === undefined)
        throw faults.invalidRequest(`requested attribute ${n} is not on account`);
    }
  }
  return new Set(names.map((n) => n.toLowerCase()));
}

/** `<a n="…">v</a>` elements, one per value, passwords masked; `own` marks COS-only attributes with c="1". */
function encodeAttrs(
  attrs: AttrMap,
  filter: Set<string> | undefined,
  own?: ReadonlySet<string>,
): OutElement[] {
  const out: OutElement[] = [];
  const names = Object.keys(attrs).sort();
  for (const name of names) {
    if (filter && !filter.has(name.toLowerCase())) continue;
    const c = own?.has(name) ? '1' : undefined;
    for (const value of attrs[name]!) out.push(el('a', { n: name, c }, value));
  }
  return out;
}

/** Options of {@link encodeAccount}. */
export interface EncodeAccountOptions {
  readonly applyCos?: boolean;
  readonly attrs?: Set<string> | undefined;
  /** SearchDirectory writes `isExternal`. */
  readonly withIsExternal?: boolean;
}

/** `<account name id><a n>…</account>` as ToXML.encodeAccount writes it; the password is `VALUE-BLOCKED`. */
export function encodeAccount(
  store: ZimbraStore,
  account: Account,
  options: EncodeAccountOptions = {},
): OutElement {
  const attrs = options.applyCos === false ? { ...account.attrs } : store.effectiveAttrs(account);
  if (account.passwordHash !== null) attrs.userPassword = [BLOCKED_VALUE];
  return el(
    'account',
    { name: account.name, id: account.id, isExternal: options.withIsExternal ? '0' : undefined },
    ...encodeAttrs(attrs, options.attrs),
  );
}

/** `<domain name id><a n>…</domain>`. */
export function encodeDomain(domain: Domain, filter?: Set<string>): OutElement {
  return el('domain', { name: domain.name, id: domain.id }, ...encodeAttrs(domain.attrs, filter));
}

/** `<cos name id [isDefaultCos="1"]><a n [c="1"]>…</cos>`. */
export function encodeCos(cos: Cos, filter?: Set<string>): OutElement {
  return el(
    'cos',
    { name: cos.name, id: cos.id, isDefaultCos: cos.isDefault ? '1' : undefined },
    ...encodeAttrs(cos.attrs, filter, COS_OWN_ATTRS),
  );
}
