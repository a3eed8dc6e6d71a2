import { type AttrChange, applyAttrChanges, attrsForCreate } from './attr-changes.ts';
import { type AttrMap, canonicalAttr, firstValue, gentime } from './attrs.ts';
import { globalConfigDefaults } from './catalogue.ts';
import { CosCounts } from './cos-counts.ts';
import { directoryFaults } from './directory-faults.ts';
import { faults } from './fault.ts';
import { IdGenerator } from './ids.ts';
import { accountDefaults, domainDefaults, serverDefaults } from './inheritance.ts';
import type { Account, Cos, Domain, Server } from './model.ts';
import { SortedAccounts } from './sorted-accounts.ts';
import { type VersionProfile, versionProfile, type ZimbraVersion } from './version.ts';

export { ZimbraFaultError } from './fault.ts';

/** Options of {@link ZimbraStore}. */
export interface StoreOptions {
  readonly idSeed: number;
  readonly mailHost: string;
  readonly now: () => number;
  /** The Zimbra release whose behaviour is emulated. @default '10.0' */
  readonly zimbraVersion?: ZimbraVersion;
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

/**
 * The emulated directory: COSes, domains and accounts in Maps, with a per-domain index sorted by name kept
 * up to date on every change, and a version number that keys the search caches. Methods refuse what Zimbra
 * refuses by throwing `ZimbraFaultError` with Zimbra's code.
 */
export class ZimbraStore {
  readonly coses = new Map<string, Cos>();
  readonly domains = new Map<string, Domain>();
  readonly accounts = new Map<string, Account>();
  readonly servers = new Map<string, Server>();
  /** The global configuration (GetConfig), starting from Zimbra's `globalConfigValue`s. */
  readonly config: AttrMap = globalConfigDefaults();
  readonly ids: IdGenerator;
  /** What changes with the emulated Zimbra release. */
  readonly profile: VersionProfile;
  readonly #cosByName = new Map<string, Cos>();
  readonly #domainByName = new Map<string, Domain>();
  readonly #serverByName = new Map<string, Server>();
  readonly #accountByName = new Map<string, Account>();
  /** Alias address → the account it names (zimbraMailAlias). */
  readonly #aliases = new Map<string, Account>();
  readonly #byDomain = new Map<string, SortedAccounts>();
  /** Every account sorted by name, kept sorted on insert and delete. */
  readonly #all = new SortedAccounts();
  readonly #counts = new CosCounts();
  readonly #options: StoreOptions;
  #version = 0;
  /** Bumped when a COS, a domain or the config changes: keys the inherited-defaults cache. */
  #defaultsVersion = 0;
  readonly #inherited = new Map<string, { version: number; attrs: AttrMap }>();
  #nextMailboxId = 1;

  constructor(options: StoreOptions) {
    this.#options = options;
    this.ids = new IdGenerator(options.idSeed);
    this.profile = versionProfile(options.zimbraVersion ?? '10.0');
  }

  /** The mailbox server new accounts land on. */
  get mailHost(): string {
    return this.#options.mailHost;
  }

  /** Bumped on every change; caches compare it. */
  get version(): number {
    return this.#version;
  }

  /** Marks the directory as changed (invalidates search caches). */
  touch(): void {
    this.#version++;
  }

  /** Marks a COS, domain or config change: inherited values are recomputed. */
  touchDefaults(): void {
    this.#defaultsVersion++;
    this.touch();
  }

  now(): number {
    return this.#options.now();
  }

  // ---- COS ----

  /** Adds a COS with exactly the attributes it holds (callers decide whether it starts from the defaults). */
  addCos(cos: Cos): void {
    this.coses.set(cos.id, cos);
    this.#cosByName.set(cos.name.toLowerCase(), cos);
    this.touchDefaults();
  }

  /** Renames a COS (CN and name index). */
  renameCos(cos: Cos, newName: string): void {
    this.#cosByName.delete(cos.name.toLowerCase());
    cos.name = newName;
    cos.attrs.cn = [newName];
    this.#cosByName.set(newName.toLowerCase(), cos);
    this.touchDefaults();
  }

  /** Applies checked changes to a COS. */
  modifyCos(cos: Cos, changes: readonly AttrChange[]): void {
    applyAttrChanges(cos.attrs, changes);
    this.touchDefaults();
  }

  deleteCos(cos: Cos): void {
    this.coses.delete(cos.id);
    this.#cosByName.delete(cos.name.toLowerCase());
    this.touchDefaults();
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
    this.#byDomain.set(domain.name, new SortedAccounts());
    this.touchDefaults();
  }

  /** The domain whose `zimbraVirtualHostname` is this host (GetDomain by=virtualHostname). */
  domainByVirtualHost(host: string): Domain | undefined {
    const wanted = host.toLowerCase();
    for (const domain of this.domains.values()) {
      if (domain.attrs.zimbraVirtualHostname?.some((h) => h.toLowerCase() === wanted)) return domain;
    }
    return undefined;
  }

  domainByName(name: string): Domain | undefined {
    return this.#domainByName.get(name.toLowerCase());
  }

  /** Looks a domain up `by="id|name"`; unknown → `account.NO_SUCH_DOMAIN`. */
  findDomain(by: string, key: string): Domain {
    if (by !== 'id' && by !== 'name' && by !== 'virtualHostname')
      throw faults.invalidRequest(`unknown key: ${by}`);
    const domain =
      by === 'id'
        ? this.domains.get(key)
        : by === 'name'
          ? this.domainByName(key)
          : this.domainByVirtualHost(key);
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
    this.touchDefaults();
  }

  /** A domain's attributes with the config's domainInherited values filled in (applyConfig). */
  effectiveDomainAttrs(domain: Domain): AttrMap {
    return Object.assign(
      this.#cached('domain', () => domainDefaults(this.config)),
      domain.attrs,
    );
  }

  // ---- servers ----

  addServer(server: Server): void {
    this.servers.set(server.id, server);
    this.#serverByName.set(server.name.toLowerCase(), server);
    this.touch();
  }

  serverByName(name: string): Server | undefined {
    return this.#serverByName.get(name.toLowerCase());
  }

  /** Looks a server up `by="id|name|serviceHostname"`; unknown → `account.NO_SUCH_SERVER`. */
  findServer(by: string, key: string): Server {
    if (by !== 'id' && by !== 'name' && by !== 'serviceHostname')
      throw faults.invalidRequest(`unknown value for by: ${by}`);
    const server =
      by === 'id'
        ? this.servers.get(key)
        : by === 'name'
          ? this.serverByName(key)
          : [...this.servers.values()].find((s) => s.attrs.zimbraServiceHostname?.[0] === key.toLowerCase());
    if (server === undefined) throw directoryFaults.noSuchServer(key);
    return server;
  }

  /** A server's attributes with the config's serverInherited values filled in (applyConfig). */
  effectiveServerAttrs(server: Server): AttrMap {
    return Object.assign(
      this.#cached('server', () => serverDefaults(this.config)),
      server.attrs,
    );
  }

  #cached(key: string, build: () => AttrMap): AttrMap {
    const hit = this.#inherited.get(key);
    if (hit?.version === this.#defaultsVersion) return { ...hit.attrs };
    const attrs = build();
    this.#inherited.set(key, { version: this.#defaultsVersion, attrs });
    return { ...attrs };
  }

  // ---- accounts: lookups ----

  /** An account by its address or one of its aliases, as Zimbra's `AccountBy.name` finds it. */
  accountByName(name: string): Account | undefined {
    const key = name.toLowerCase();
    return this.#accountByName.get(key) ?? this.#aliases.get(key);
  }

  /** The account an alias address points to (undefined when the address is not an alias). */
  aliasTarget(address: string): Account | undefined {
    return this.#aliases.get(address.toLowerCase());
  }

  /** Every alias with its target, sorted by alias address. */
  allAliases(): Array<readonly [string, Account]> {
    return [...this.#aliases].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The account with this `zimbraForeignPrincipal` (a scan: the lookup is rare and unindexed in Zimbra's LDAP too). */
  accountByForeignPrincipal(principal: string): Account | undefined {
    for (const account of this.accounts.values()) {
      if (account.attrs.zimbraForeignPrincipal?.includes(principal)) return account;
    }
    return undefined;
  }

  /** Looks an account up `by="name|id|foreignPrincipal"`; unknown → `account.NO_SUCH_ACCOUNT`. */
  findAccount(by: string, key: string): Account {
    const account = this.lookupAccount(by, key);
    if (account === undefined) throw faults.noSuchAccount(key);
    return account;
  }

  /** Looks an account up without refusing an unknown one (`by` is still checked). */
  lookupAccount(by: string, key: string): Account | undefined {
    if (by === 'id') return this.accounts.get(key);
    if (by === 'name') return this.accountByName(key);
    if (by === 'foreignPrincipal') return this.accountByForeignPrincipal(key);
    throw faults.invalidRequest(`unknown value for by: ${by}`);
  }

  /** The accounts of one domain, sorted by name (a live, read-only view). */
  accountsIn(domainName: string): readonly Account[] {
    return this.#byDomain.get(domainName.toLowerCase())?.toArray() ?? [];
  }

  /** Every account, sorted by name (a live, read-only view). */
  allAccounts(): readonly Account[] {
    return this.#all.toArray();
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

  /** An attribute as it applies: the account's own value, else what it inherits (COS, then domain). */
  value(account: Account, attr: string): string | undefined {
    const key = canonicalAttr(attr) ?? attr;
    const own = account.attrs[key]?.[0];
    if (own !== undefined) return own;
    return this.#accountDefaults(account)[key]?.[0];
  }

  /** The account's attributes with the inherited ones filled in (applyCos). */
  effectiveAttrs(account: Account): AttrMap {
    return Object.assign({ ...this.#accountDefaults(account) }, account.attrs);
  }

  /** What an account inherits, cached per (COS, domain) until a COS, domain or the config changes. */
  #accountDefaults(account: Account): AttrMap {
    const cos = this.effectiveCos(account);
    const key = `${cos.id}|${account.domain}`;
    const hit = this.#inherited.get(key);
    if (hit?.version === this.#defaultsVersion) return hit.attrs;
    const domain = this.domainByName(account.domain);
    const attrs = accountDefaults(cos.attrs, domain?.attrs);
    this.#inherited.set(key, { version: this.#defaultsVersion, attrs });
    return attrs;
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

  /** Accounts per effective COS id in a domain, any status, system resources left out (CountAccount, slots). */
  countByCos(domainName: string): ReadonlyMap<string, number> {
    const fallback = this.domainDefaultCos(domainName).id;
    const counts = new Map<string, number>();
    for (const [key, n] of this.#counts.of(domainName.toLowerCase())) {
      const id = key !== '' && this.coses.has(key) ? key : fallback;
      counts.set(id, (counts.get(id) ?? 0) + n);
    }
    return counts;
  }

  /** The counting key of an account: explicit COS id, '' for the domain default, undefined when not counted. */
  #countKey(account: Account): string | undefined {
    if (account.attrs.zimbraIsSystemResource?.[0] === 'TRUE') return undefined;
    return account.attrs.zimbraCOSId?.[0] ?? '';
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
    for (const alias of account.attrs.zimbraMailAlias ?? []) this.#aliases.set(alias, account);
    let list = this.#byDomain.get(account.domain);
    if (list === undefined) {
      list = new SortedAccounts();
      this.#byDomain.set(account.domain, list);
    }
    list.insert(account);
    this.#all.insert(account);
    this.#counts.add(account.domain, this.#countKey(account), 1);
    this.touch();
  }

  /** Appends accounts already sorted by name (bulk seeding, no per-insert cost). */
  appendSortedAccounts(domainName: string, accounts: readonly Account[]): void {
    for (const account of accounts) {
      this.accounts.set(account.id, account);
      this.#accountByName.set(account.name, account);
      this.#counts.add(account.domain, this.#countKey(account), 1);
    }
    const list = this.#byDomain.get(domainName) ?? new SortedAccounts();
    list.reset([...list.toArray(), ...accounts]);
    this.#all.reset([...this.#all.toArray(), ...accounts]);
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
    const attrs: AttrMap = attrsForCreate(input.attrs, 'account');
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

  /** Adds an alias address to an account (mail and zimbraMailAlias); a taken address → ACCOUNT_EXISTS. */
  addAlias(account: Account, alias: string): void {
    if (this.accountByName(alias)) throw faults.accountExists(alias, this.dn(alias));
    account.attrs.zimbraMailAlias = [...(account.attrs.zimbraMailAlias ?? []), alias];
    account.attrs.mail = [...(account.attrs.mail ?? []), alias];
    this.#aliases.set(alias, account);
    this.touch();
  }

  /** Removes an alias of an account; an address that is not its alias → `account.NO_SUCH_ALIAS`. */
  removeAlias(account: Account, alias: string): void {
    if (this.#aliases.get(alias) !== account) throw directoryFaults.noSuchAlias(alias);
    const drop = (values: string[] | undefined) => (values ?? []).filter((v) => v !== alias);
    account.attrs.zimbraMailAlias = drop(account.attrs.zimbraMailAlias);
    if (account.attrs.zimbraMailAlias.length === 0) delete account.attrs.zimbraMailAlias;
    account.attrs.mail = drop(account.attrs.mail);
    this.#aliases.delete(alias);
    this.touch();
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
    this.#counts.add(account.domain, this.#countKey(account), -1);
    applyAttrChanges(account.attrs, changes);
    this.#counts.add(account.domain, this.#countKey(account), 1);
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
    for (const alias of account.attrs.zimbraMailAlias ?? []) {
      if (this.#aliases.get(alias) === account) this.#aliases.delete(alias);
    }
    this.#counts.add(account.domain, this.#countKey(account), -1);
    this.#byDomain.get(account.domain)?.remove(account);
    this.#all.remove(account);
  }
}
