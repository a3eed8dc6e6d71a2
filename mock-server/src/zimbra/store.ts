import { type AttrChange, applyAttrChanges } from './attr-changes.ts';
import {
  type AttrMap,
  canonicalAttr,
  checkAttrValue,
  firstValue,
  gentime,
  isImmutable,
  requireKnownAttr,
} from './attrs.ts';
import { faults } from './fault.ts';
import { IdGenerator } from './ids.ts';
import { type Account, COS_OWN_ATTRS, type Cos, type Domain } from './model.ts';

export { ZimbraFaultError } from './fault.ts';

/** Options of {@link ZimbraStore}. */
export interface StoreOptions {
  readonly idSeed: number;
  readonly mailHost: string;
  readonly now: () => number;
}

/** What a new account is made of. */
export interface NewAccount {
  readonly name: string;
  readonly passwordHash: string | null;
  /** Attribute pairs as requested (empty values are ignored on create). */
  readonly attrs: ReadonlyArray<readonly [string, string]>;
  readonly usage?: number;
  readonly id?: string;
}

const byName = (a: Account, b: Account) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function sortedIndex(list: readonly Account[], name: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.name < name) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The emulated directory: COSes, domains and accounts in Maps, with a per-domain index sorted by name kept
 * up to date on every change, and a version number that keys the search caches. Methods refuse what Zimbra
 * refuses by throwing `ZimbraFaultError` with Zimbra's code.
 */
export class ZimbraStore {
  readonly coses = new Map<string, Cos>();
  readonly domains = new Map<string, Domain>();
  readonly accounts = new Map<string, Account>();
  readonly ids: IdGenerator;
  readonly #cosByName = new Map<string, Cos>();
  readonly #domainByName = new Map<string, Domain>();
  readonly #accountByName = new Map<string, Account>();
  readonly #byDomain = new Map<string, Account[]>();
  readonly #options: StoreOptions;
  #version = 0;
  #nextMailboxId = 1;
  #allSorted: { version: number; list: Account[] } | undefined;
  readonly #cosCounts = new Map<string, { version: number; counts: ReadonlyMap<string, number> }>();

  constructor(options: StoreOptions) {
    this.#options = options;
    this.ids = new IdGenerator(options.idSeed);
  }

  /** Bumped on every change; caches compare it. */
  get version(): number {
    return this.#version;
  }

  /** Marks the directory as changed (invalidates search caches). */
  touch(): void {
    this.#version++;
  }

  now(): number {
    return this.#options.now();
  }

  // ---- COS ----

  addCos(cos: Cos): void {
    this.coses.set(cos.id, cos);
    this.#cosByName.set(cos.name.toLowerCase(), cos);
    this.touch();
  }

  cosByName(name: string): Cos | undefined {
    return this.#cosByName.get(name.toLowerCase());
  }

  /** Looks a COS up `by="id|name"`; unknown → `account.NO_SUCH_COS`. */
  findCos(by: string, key: string): Cos {
    if (by !== 'id' && by !== 'name') throw faults.invalidRequest(`unknown value for by: ${by}`);
    const cos = by === 'id' ? this.coses.get(key) : this.cosByName(key);
    if (cos === undefined) throw faults.noSuchCos(key);
    return cos;
  }

  /** The built-in `default` COS. */
  defaultCos(): Cos {
    for (const cos of this.coses.values()) if (cos.isDefault) return cos;
    const named = this.cosByName('default');
    if (named) return named;
    throw faults.failure('no default cos');
  }

  // ---- domains ----

  addDomain(domain: Domain): void {
    this.domains.set(domain.id, domain);
    this.#domainByName.set(domain.name, domain);
    this.#byDomain.set(domain.name, []);
    this.touch();
  }

  domainByName(name: string): Domain | undefined {
    return this.#domainByName.get(name.toLowerCase());
  }

  /** Looks a domain up `by="id|name"`; unknown → `account.NO_SUCH_DOMAIN`. */
  findDomain(by: string, key: string): Domain {
    if (by !== 'id' && by !== 'name') throw faults.invalidRequest(`unknown key: ${by}`);
    const domain = by === 'id' ? this.domains.get(key) : this.domainByName(key);
    if (domain === undefined) throw faults.noSuchDomain(key);
    return domain;
  }

  domainStatus(domain: Domain): string {
    return firstValue(domain.attrs, 'zimbraDomainStatus') ?? 'active';
  }

  /** Applies ModifyDomain changes after checking `zimbraDomainCOSMaxAccounts` as Zimbra's callback does. */
  modifyDomain(domain: Domain, changes: readonly AttrChange[]): void {
    const next: AttrMap = structuredClone(domain.attrs);
    applyAttrChanges(next, changes);
    const seen = new Map<string, string>();
    for (const value of next.zimbraDomainCOSMaxAccounts ?? []) {
      const parts = value.split(':');
      if (parts.length !== 2) throw faults.invalidRequest('invalid format');
      const [cosId, max] = parts as [string, string];
      if (!/^\d+$/.test(max)) throw faults.invalidRequest('invalid format');
      const earlier = seen.get(cosId);
      if (earlier !== undefined) {
        throw faults.invalidRequest(
          `cannot contain multiple values for the same cos ${cosId}: ${earlier}, ${max}`,
        );
      }
      seen.set(cosId, max);
    }
    domain.attrs = next;
    this.touch();
  }

  // ---- accounts: lookups ----

  accountByName(name: string): Account | undefined {
    return this.#accountByName.get(name.toLowerCase());
  }

  /** Looks an account up `by="name|id"`; unknown → `account.NO_SUCH_ACCOUNT`. */
  findAccount(by: string, key: string): Account {
    if (by !== 'id' && by !== 'name') throw faults.invalidRequest(`unknown value for by: ${by}`);
    const account = by === 'id' ? this.accounts.get(key) : this.accountByName(key);
    if (account === undefined) throw faults.noSuchAccount(key);
    return account;
  }

  /** The accounts of one domain, sorted by name (a live, read-only view). */
  accountsIn(domainName: string): readonly Account[] {
    return this.#byDomain.get(domainName.toLowerCase()) ?? [];
  }

  /** Every account, sorted by name (cached until the next change). */
  allAccounts(): readonly Account[] {
    if (this.#allSorted?.version !== this.#version) {
      this.#allSorted = { version: this.#version, list: [...this.accounts.values()].sort(byName) };
    }
    return this.#allSorted.list;
  }

  /** The COS that applies: explicit `zimbraCOSId`, else the domain's default COS, else `default`. */
  effectiveCos(account: Account): Cos {
    const explicit = account.attrs.zimbraCOSId?.[0];
    if (explicit !== undefined) {
      const cos = this.coses.get(explicit);
      if (cos) return cos;
    }
    return this.domainDefaultCos(account.domain);
  }

  domainDefaultCos(domainName: string): Cos {
    const domain = this.domainByName(domainName);
    const id = domain ? firstValue(domain.attrs, 'zimbraDomainDefaultCOSId') : undefined;
    return (id !== undefined ? this.coses.get(id) : undefined) ?? this.defaultCos();
  }

  /** An attribute as it applies: the account's own value, else its COS's. */
  value(account: Account, attr: string): string | undefined {
    const key = canonicalAttr(attr) ?? attr;
    const own = account.attrs[key]?.[0];
    if (own !== undefined) return own;
    return COS_OWN_ATTRS.has(key) ? undefined : this.effectiveCos(account).attrs[key]?.[0];
  }

  /** The account's attributes with the COS's inherited ones filled in (applyCos). */
  effectiveAttrs(account: Account): AttrMap {
    const out: AttrMap = {};
    for (const [name, values] of Object.entries(this.effectiveCos(account).attrs)) {
      if (!COS_OWN_ATTRS.has(name)) out[name] = values;
    }
    return Object.assign(out, account.attrs);
  }

  /** Account status as Zimbra computes it under a non-active domain (pure global admins are exempt). */
  effectiveStatus(account: Account): string {
    const own = firstValue(account.attrs, 'zimbraAccountStatus') ?? 'active';
    const domain = this.domainByName(account.domain);
    const domainStatus = domain ? this.domainStatus(domain) : 'active';
    if (domainStatus === 'active') return own;
    const pureGlobalAdmin =
      account.attrs.zimbraIsAdminAccount?.[0] === 'TRUE' &&
      account.attrs.zimbraIsDomainAdminAccount?.[0] !== 'TRUE';
    if (pureGlobalAdmin) return own;
    if (domainStatus === 'closed') return 'closed';
    if (domainStatus === 'locked') return ['maintenance', 'pending', 'closed'].includes(own) ? own : 'locked';
    return ['pending', 'closed'].includes(own) ? own : 'maintenance';
  }

  /**
   * Accounts per effective COS id in a domain, any status (CountAccount and the slot limits); cached until
   * the next change, since every create and every capacity read asks for it.
   */
  countByCos(domainName: string): ReadonlyMap<string, number> {
    const key = domainName.toLowerCase();
    const hit = this.#cosCounts.get(key);
    if (hit?.version === this.#version) return hit.counts;
    const counts = new Map<string, number>();
    const fallback = this.domainDefaultCos(domainName).id;
    for (const account of this.accountsIn(domainName)) {
      if (account.attrs.zimbraIsSystemResource?.[0] === 'TRUE') continue;
      const explicit = account.attrs.zimbraCOSId?.[0];
      const id = explicit !== undefined && this.coses.has(explicit) ? explicit : fallback;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    this.#cosCounts.set(key, { version: this.#version, counts });
    return counts;
  }

  /**
   * Refuses one more account of `cosId` in the domain with Zimbra's `account.TOO_MANY_ACCOUNTS` messages:
   * the domain total first (unless `cosOnly`), then the COS's `zimbraDomainCOSMaxAccounts` slot.
   */
  checkAccountLimits(domain: Domain, cosId: string, cosOnly = false): void {
    const counts = this.countByCos(domain.name);
    if (!cosOnly) {
      const max = firstValue(domain.attrs, 'zimbraDomainMaxAccounts');
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      if (max !== undefined && Number(max) <= total)
        throw faults.tooManyAccounts(`domain=${domain.name} (${max})`);
    }
    for (const value of domain.attrs.zimbraDomainCOSMaxAccounts ?? []) {
      const [id, max] = value.split(':');
      if (id !== cosId || max === undefined) continue;
      const count = counts.get(cosId) ?? 0;
      if (count >= Number(max)) {
        throw faults.tooManyAccounts(`domain=${domain.name}[cos=${cosId},count=${count},limit=${max}]`);
      }
    }
  }

  // ---- accounts: changes ----

  /** Puts a fully built account in the maps and its domain's sorted index. */
  insertAccount(account: Account): void {
    this.accounts.set(account.id, account);
    this.#accountByName.set(account.name, account);
    let list = this.#byDomain.get(account.domain);
    if (list === undefined) {
      list = [];
      this.#byDomain.set(account.domain, list);
    }
    list.splice(sortedIndex(list, account.name), 0, account);
    this.touch();
  }

  /** Appends accounts already sorted by name (bulk seeding, no per-insert cost). */
  appendSortedAccounts(domainName: string, accounts: readonly Account[]): void {
    const list = this.#byDomain.get(domainName) ?? [];
    for (const account of accounts) {
      this.accounts.set(account.id, account);
      this.#accountByName.set(account.name, account);
      list.push(account);
    }
    list.sort(byName);
    this.#byDomain.set(domainName, list);
    this.touch();
  }

  nextMailboxId(): number {
    return this.#nextMailboxId++;
  }

  /**
   * Creates an account in Zimbra's order after the caller's checks: limits, attribute names and values,
   * then existence (ACCOUNT_EXISTS comes at insert, after the password policy the handler ran).
   */
  buildAccount(input: NewAccount, domain: Domain): Account {
    const [localPart] = input.name.split('@') as [string];
    const attrs: AttrMap = {};
    for (const [rawName, value] of input.attrs) {
      if (value === '') continue;
      if (isImmutable(rawName)) throw faults.invalidRequest(`${canonicalAttr(rawName)} is immutable`);
      const name = requireKnownAttr(rawName);
      checkAttrValue(name, value);
      const values = attrs[name] ?? [];
      values.push(value);
      attrs[name] = values;
    }
    const now = new Date(this.now());
    const id = input.id ?? this.ids.uuid();
    attrs.objectClass = ['inetOrgPerson', 'zimbraAccount', 'amavisAccount'];
    attrs.zimbraId = [id];
    attrs.zimbraCreateTimestamp = [gentime(now)];
    attrs.zimbraAccountStatus ??= ['active'];
    attrs.zimbraMailStatus ??= ['enabled'];
    attrs.zimbraMailDeliveryAddress = [input.name];
    attrs.mail = [input.name];
    attrs.uid = [localPart];
    attrs.cn ??= [attrs.displayName?.[0] ?? localPart];
    attrs.sn ??= [localPart];
    attrs.zimbraMailHost ??= [this.#options.mailHost];
    if (input.passwordHash !== null) attrs.zimbraPasswordModifiedTime = [gentime(now)];
    return {
      id,
      name: input.name,
      domain: domain.name,
      attrs,
      passwordHash: input.passwordHash,
      history: [],
      usage: input.usage ?? 0,
      mailboxId: this.nextMailboxId(),
    };
  }

  /** Inserts a built account; an address already taken → `account.ACCOUNT_EXISTS`. */
  addAccount(account: Account): void {
    if (this.accountByName(account.name)) throw faults.accountExists(account.name, this.dn(account.name));
    this.insertAccount(account);
  }

  /** The LDAP DN Zimbra would give an address (only used in messages). */
  dn(address: string): string {
    const [local, domain = ''] = address.split('@');
    return `uid=${local},ou=people,${domain
      .split('.')
      .map((part) => `dc=${part}`)
      .join(',')}`;
  }

  /** Applies already validated changes to an account. */
  modifyAccount(account: Account, changes: readonly AttrChange[]): void {
    applyAttrChanges(account.attrs, changes);
    if (
      changes.some((c) => c.name === 'zimbraAccountStatus') &&
      account.attrs.zimbraAccountStatus?.[0] === 'active'
    ) {
      delete account.attrs.zimbraAccountSuspensionReason;
    }
    this.touch();
  }

  /** Gives a new, not yet inserted account its first password. */
  initPassword(account: Account, hash: string): void {
    account.passwordHash = hash;
    account.attrs.zimbraPasswordModifiedTime = [gentime(new Date(this.now()))];
  }

  /** Sets a new password hash: history, modified time, must-change cleared, old tokens invalidated. */
  setPasswordHash(account: Account, hash: string): void {
    if (account.passwordHash !== null)
      account.history = [account.passwordHash, ...account.history].slice(0, 20);
    account.passwordHash = hash;
    account.attrs.zimbraPasswordModifiedTime = [gentime(new Date(this.now()))];
    delete account.attrs.zimbraPasswordMustChange;
    const validity = Number(account.attrs.zimbraAuthTokenValidityValue?.[0] ?? '0');
    account.attrs.zimbraAuthTokenValidityValue = [String(validity + 1)];
    this.touch();
  }

  /** Renames an account (same id), moving it between domain indexes. */
  renameAccount(account: Account, newName: string, newDomain: Domain): void {
    if (newName !== account.name && this.accountByName(newName)) throw faults.accountExists(newName);
    this.#unindex(account);
    const [localPart] = newName.split('@') as [string];
    account.name = newName;
    account.domain = newDomain.name;
    account.attrs.mail = [newName];
    account.attrs.zimbraMailDeliveryAddress = [newName];
    account.attrs.uid = [localPart];
    this.insertAccount(account);
  }

  deleteAccount(account: Account): void {
    this.#unindex(account);
    this.touch();
  }

  /** Changes a mailbox's size (test helper and seeds). */
  setUsage(account: Account, bytes: number): void {
    account.usage = bytes;
    this.touch();
  }

  #unindex(account: Account): void {
    this.accounts.delete(account.id);
    this.#accountByName.delete(account.name);
    const list = this.#byDomain.get(account.domain);
    if (list) {
      const at = sortedIndex(list, account.name);
      if (list[at] === account) list.splice(at, 1);
    }
  }
}
