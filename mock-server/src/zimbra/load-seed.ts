import { createHash } from 'node:crypto';
import { type AttrMap, attrsFromSeed, gentime } from './attrs.ts';
import { cosDefaults } from './catalogue.ts';
import type { Account, Cos } from './model.ts';
import { seedPasswordHash } from './passwords.ts';
import type { Grants } from './rights.ts';
import type { GeneratedAccountsSeed, ZimbraSeed } from './seed-types.ts';
import type { ZimbraStore } from './store.ts';

function resolveCos(store: ZimbraStore, nameOrId: string): Cos {
  const cos = store.coses.get(nameOrId) ?? store.cosByName(nameOrId);
  if (cos === undefined) throw new Error(`zimbra seed: unknown COS "${nameOrId}"`);
  return cos;
}

/** A stable id derived from a server name, so adding servers never shifts the ids of other entries. */
function nameId(name: string): string {
  const h = createHash('sha1').update(`server:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// The services of a single-server install (zmprov gs <host> zimbraServiceEnabled).
const DEFAULT_SERVICES = [
  'amavis',
  'antispam',
  'antivirus',
  'ldap',
  'mailbox',
  'mta',
  'proxy',
  'service',
  'zimbra',
  'zimbraAdmin',
  'zimlet',
];

/**
 * Loads a seed into an empty store: COSes (exactly as given; the built-in default COS a seed lacks starts from
 * Zimbra's defaultCOSValues), servers, domains (COS names resolved to ids), accounts, grants. */
export function loadSeed(store: ZimbraStore, grants: Grants, seed: ZimbraSeed): void {
  const created = gentime(new Date(store.now()));
  for (const c of seed.coses ?? []) {
    const attrs = attrsFromSeed(c.attrs);
    attrs.cn = [c.name];
    attrs.zimbraId = [c.id];
    store.addCos({ id: c.id, name: c.name, isDefault: c.isDefault === true, attrs });
  }
  if (![...store.coses.values()].some((c) => c.isDefault || c.name === 'default')) {
    // Zimbra always has a default COS; a seed without one gets Zimbra's well-known one.
    const id = 'e00428a1-0c00-11d9-836a-000d93afea2a';
    const attrs = { ...cosDefaults(), description: ['The default COS'], cn: ['default'], zimbraId: [id] };
    store.addCos({ id, name: 'default', isDefault: true, attrs });
  }
  const servers = seed.servers ?? [{ name: store.mailHost }];
  for (const sv of servers) {
    const name = sv.name.toLowerCase();
    const id = sv.id ?? nameId(name);
    const services = [...(sv.services ?? DEFAULT_SERVICES)];
    const attrs: AttrMap = {
      objectClass: ['zimbraServer'],
      cn: [name],
      zimbraId: [id],
      zimbraServiceHostname: [name],
      zimbraServiceInstalled: services,
      zimbraServiceEnabled: services,
      zimbraCreateTimestamp: [created],
      ...attrsFromSeed(sv.attrs),
    };
    store.addServer({ id, name, attrs });
  }
  for (const d of seed.domains ?? []) {
    const id = d.id ?? store.ids.uuid();
    const attrs: AttrMap = attrsFromSeed(d.attrs);
    const defaultCos = attrs.zimbraDomainDefaultCOSId?.[0];
    if (defaultCos !== undefined) attrs.zimbraDomainDefaultCOSId = [resolveCos(store, defaultCos).id];
    if (attrs.zimbraDomainCOSMaxAccounts) {
      attrs.zimbraDomainCOSMaxAccounts = attrs.zimbraDomainCOSMaxAccounts.map((value) => {
        const [cos, max] = value.split(':');
        return `${resolveCos(store, cos ?? '').id}:${max}`;
      });
    }
    attrs.zimbraDomainName = [d.name.toLowerCase()];
    attrs.zimbraId = [id];
    attrs.zimbraDomainStatus ??= ['active'];
    attrs.zimbraDomainType ??= ['local'];
    attrs.zimbraCreateTimestamp = [created];
    store.addDomain({ id, name: d.name.toLowerCase(), attrs });
  }
  for (const a of seed.accounts ?? []) {
    const name = a.name.toLowerCase();
    const domain = store.domainByName(name.split('@')[1] ?? '');
    if (domain === undefined) throw new Error(`zimbra seed: no domain for account "${a.name}"`);
    const pairs: Array<[string, string]> = [];
    for (const [n, v] of Object.entries(a.attrs ?? {})) {
      for (const value of typeof v === 'string' ? [v] : v) pairs.push([n, value]);
    }
    if (a.cos !== undefined) pairs.push(['zimbraCOSId', resolveCos(store, a.cos).id]);
    const account = store.buildAccount(
      { name, passwordHash: null, attrs: pairs, usage: a.usageBytes ?? 0, ...(a.id ? { id: a.id } : {}) },
      domain,
    );
    const hash = a.passwordHash ?? (a.password !== undefined ? seedPasswordHash(a.password) : undefined);
    if (hash !== undefined) store.initPassword(account, hash);
    store.addAccount(account);
  }
  for (const g of seed.generated ?? []) generate(store, g, created);
  const withGrants = new Set<string>();
  for (const g of seed.grants ?? []) {
    const grantee = store.accountByName(g.grantee);
    if (grantee === undefined) throw new Error(`zimbra seed: unknown grantee "${g.grantee}"`);
    const target = g.targetType === 'cos' ? resolveCos(store, g.target) : store.domainByName(g.target);
    if (target === undefined) throw new Error(`zimbra seed: unknown grant target "${g.target}"`);
    grants.add(grantee.id, g.targetType, target.id, g.right);
    withGrants.add(grantee.id);
  }
  // A delegated admin the seed grants nothing administers its own domain with the stock combo.
  for (const account of store.accounts.values()) {
    const delegated =
      account.attrs.zimbraIsDelegatedAdminAccount?.[0] === 'TRUE' ||
      account.attrs.zimbraIsDomainAdminAccount?.[0] === 'TRUE';
    const domain = store.domainByName(account.domain);
    if (delegated && !withGrants.has(account.id) && domain) {
      grants.add(account.id, 'domain', domain.id, 'domainAdminRights');
    }
  }
}

/** Builds many accounts directly (no per-account validation or hashing) so 100,000 load in well under a second. */
function generate(store: ZimbraStore, g: GeneratedAccountsSeed, created: string): void {
  const domain = store.domainByName(g.domain);
  if (domain === undefined) throw new Error(`zimbra seed: no domain "${g.domain}" for generated accounts`);
  const cosId = g.cos !== undefined ? resolveCos(store, g.cos).id : undefined;
  const hash = g.password !== undefined ? seedPasswordHash(g.password) : null;
  const prefix = g.prefix ?? 'user';
  const digits = g.digits ?? 6;
  const host = store.accountsIn(domain.name)[0]?.attrs.zimbraMailHost?.[0] ?? 'mail.casella.test';
  // Values every generated account shares: one array each (attribute changes always write new arrays).
  const objectClass = ['inetOrgPerson', 'zimbraAccount', 'amavisAccount'];
  const createdAt = [created];
  const active = ['active'];
  const enabled = ['enabled'];
  const user = ['User'];
  const mailHost = [host];
  const cos = cosId !== undefined ? [cosId] : undefined;
  const accounts: Account[] = new Array(g.count);
  for (let i = 0; i < g.count; i++) {
    const n = String(i + 1).padStart(digits, '0');
    const local = `${prefix}${n}`;
    const name = `${local}@${domain.name}`;
    const id = store.ids.uuid();
    const address = [name];
    const fullName = [`User ${n}`];
    const attrs: AttrMap = {
      objectClass,
      zimbraId: [id],
      zimbraCreateTimestamp: createdAt,
      zimbraAccountStatus: active,
      zimbraMailStatus: enabled,
      zimbraMailDeliveryAddress: address,
      mail: address,
      uid: [local],
      cn: fullName,
      givenName: user,
      sn: [n],
      displayName: fullName,
      zimbraMailHost: mailHost,
    };
    if (cos !== undefined) attrs.zimbraCOSId = cos;
    if (hash !== null) attrs.zimbraPasswordModifiedTime = createdAt;
    // Varied but deterministic usage: up to ~4.6 GiB.
    const usage = ((i * 2654435761) % 4999) * 1_000_000;
    accounts[i] = {
      id,
      name,
      domain: domain.name,
      attrs,
      passwordHash: hash,
      history: [],
      usage,
      mailboxId: store.nextMailboxId(),
    };
  }
  store.appendSortedAccounts(domain.name, accounts);
}
