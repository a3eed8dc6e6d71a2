import { z } from 'zod';
import { ValidationError } from '../errors/validation-error.ts';
import { parseInput } from '../validate.ts';
import { type AttrInput, attrsToXml } from './attrs.ts';
import {
  AccountRef,
  AccountStatusInput,
  Address,
  CreateAccountInput,
  ForwardingInput,
  ModifyAccountInput,
  PageInput,
  Password,
  SearchInput,
  ZimbraId,
} from './inputs.ts';
import type { Lookups } from './lookups.ts';
import { OPERATIONS } from './operations.ts';
import type { PasswordPolicy } from './policy.ts';
import { type Prepared, send } from './prepared.ts';
import type { Account, AccountStatus } from './schemas.ts';
import type { AdminSession, CallOptions } from './session.ts';

/** How a password is checked before the wire (and the call's signal). */
export interface PolicyOptions extends CallOptions {
  /**
   * The policy to check against; `false` skips the client-side check (the server still decides).
   * By default the policy of the target COS (or account) is read and cached.
   */
  readonly policy?: PasswordPolicy | false | undefined;
}

/** One window of a directory search: `accounts.page`. */
export interface AccountPage {
  readonly accounts: readonly Account[];
  /** Entries the whole search matches (`searchTotal`). */
  readonly total: number;
  /** True when entries follow this page. */
  readonly more: boolean;
}

/** Options of `setPassword`: the policy check, the call's signal, and Zimbra's must-change flag. */
export interface SetPasswordOptions extends PolicyOptions {
  /**
   * Sets `zimbraPasswordMustChange` TRUE once the password is set (a ModifyAccountRequest after the
   * SetPasswordRequest), so the owner's next AuthRequest answers `account.CHANGE_PASSWORD` until they
   * pick their own with ChangePasswordRequest. Sent after SetPassword because setting a password clears
   * the flag. When the flag's ModifyAccount fails, the password is already set and that fault is thrown.
   * @default false
   */
  readonly mustChange?: boolean | undefined;
}

/** Result of `setPassword`. */
export interface SetPasswordResult {
  /** Zimbra's `<message>` when the password broke the policy and was set anyway (global admins). */
  readonly warning?: string;
}

/** `mustChange` is a real boolean: `"false"` from a form or a flag is refused rather than read as true. */
const MustChange = z.boolean().optional();

function localPart(address: string): string {
  return address.split('@')[0] ?? address;
}

/**
 * Puts first-class fields into the attribute map without ever dropping an `attrs` entry: a field
 * and an attribute naming the same thing (`givenName` and `attrs.givenName`, `cos` and
 * `attrs.zimbraCOSId`) is a ValidationError, not a silent pick.
 */
function mergeAttrs(
  attrs: Readonly<Record<string, AttrInput>> | undefined,
  fields: readonly (readonly [field: string, attr: string, value: AttrInput | undefined])[],
): Record<string, AttrInput> {
  const out: Record<string, AttrInput> = Object.create(null);
  Object.assign(out, attrs);
  const given = Object.keys(out);
  const issues = [];
  for (const [field, attr, value] of fields) {
    if (value === undefined) continue;
    const clash = given.find((name) => name.replace(/^[+-]/, '').toLowerCase() === attr.toLowerCase());
    if (clash !== undefined) {
      issues.push({
        field: `attrs.${clash}`,
        rule: 'conflict',
        message: `names the same attribute as ${field}; give only one`,
      });
      continue;
    }
    out[attr] = value;
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return out;
}

/**
 * One attribute map from the typed `attrs` and the untyped `extraAttrs`; a name in both (ignoring
 * case and a `+`/`-` prefix) is a ValidationError rather than a silent pick.
 */
function joinAttrs(
  attrs: Readonly<Record<string, AttrInput>> | undefined,
  extra: Readonly<Record<string, AttrInput>> | undefined,
): Record<string, AttrInput> | undefined {
  if (extra === undefined) return attrs;
  const out: Record<string, AttrInput> = Object.create(null);
  Object.assign(out, attrs);
  const key = (name: string) => name.toLowerCase();
  const given = new Set(Object.keys(out).map(key));
  const issues = Object.keys(extra)
    .filter((name) => given.has(key(name)))
    .map((name) => ({
      field: `extraAttrs.${name}`,
      rule: 'conflict',
      message: 'names the same attribute as an entry of attrs; give only one',
    }));
  if (issues.length > 0) throw new ValidationError(issues);
  Object.assign(out, extra);
  return out;
}

/** Validates and prepares a CreateAccountRequest (shared with batch). */
export async function prepareCreate(
  lookups: Lookups,
  input: CreateAccountInput,
  options: PolicyOptions = {},
): Promise<Prepared<Account>> {
  const v = parseInput(CreateAccountInput, input);
  const call = { signal: options.signal };
  const fields = (cosId: string | undefined) =>
    [
      ['givenName', 'givenName', v.givenName],
      ['sn', 'sn', v.sn],
      ['displayName', 'displayName', v.displayName],
      ['cos', 'zimbraCOSId', cosId],
      ['quotaBytes', 'zimbraMailQuota', v.quotaBytes],
    ] as const;
  const given = joinAttrs(v.attrs, v.extraAttrs);
  // Conflicts are refused before any lookup goes on the wire.
  mergeAttrs(given, fields(v.cos));
  const domain = v.name.split('@')[1] ?? '';
  const cosId = v.cos === undefined ? undefined : await lookups.cosId(v.cos, call);
  const policy = options.policy ?? (await lookups.policyForNew(domain, cosId, call));
  if (policy) policy.assert(v.password, 'password', localPart(v.name));
  const attrs = mergeAttrs(given, fields(cosId));
  return {
    op: OPERATIONS.createAccount,
    body: { name: v.name, password: v.password, a: attrsToXml(attrs) },
    secrets: [v.password],
  };
}

/** Parses modify changes and refuses an empty set: a request that changes nothing is a caller's mistake. */
function parseChanges(changes: ModifyAccountInput) {
  const v = parseInput(ModifyAccountInput, changes);
  const some = Object.values(v).some(
    (x) => x !== undefined && !(typeof x === 'object' && Object.keys(x).length === 0),
  );
  if (!some)
    throw new ValidationError([{ field: 'changes', rule: 'nothingToChange', message: 'names no change' }]);
  return v;
}

/** Validates and prepares a ModifyAccountRequest for an account id (shared with batch). */
export async function prepareModify(
  lookups: Lookups,
  id: string,
  changes: ModifyAccountInput,
  options: CallOptions = {},
): Promise<Prepared<Account>> {
  const v = parseChanges(changes);
  const fields = (cosId: string | undefined) =>
    [
      ['givenName', 'givenName', v.givenName],
      ['sn', 'sn', v.sn],
      ['displayName', 'displayName', v.displayName],
      ['status', 'zimbraAccountStatus', v.status],
      ['cos', 'zimbraCOSId', cosId],
      ['quotaBytes', 'zimbraMailQuota', v.quotaBytes],
    ] as const;
  const given = joinAttrs(v.attrs, v.extraAttrs);
  mergeAttrs(given, fields(v.cos));
  const cosId = v.cos === undefined ? undefined : await lookups.cosId(v.cos, options);
  const attrs = mergeAttrs(given, fields(cosId));
  return { op: OPERATIONS.modifyAccount, body: { id, a: attrsToXml(attrs) }, secrets: [] };
}

/** Prepares a SetPasswordRequest for an account id; the policy, when given, is checked first. */
export function prepareSetPassword(
  id: string,
  password: string,
  policy: PasswordPolicy | undefined,
  username?: string,
): Prepared<{ warning?: string }> {
  const pw = parseInput(Password, password, 'password');
  policy?.assert(pw, 'password', username);
  return { op: OPERATIONS.setPassword, body: { id, newPassword: pw }, secrets: [pw] };
}

/**
 * Account (mailbox) operations: `admin.accounts`.
 */
export class Accounts {
  readonly #session: AdminSession;
  readonly #lookups: Lookups;

  constructor(session: AdminSession, lookups: Lookups) {
    this.#session = session;
    this.#lookups = lookups;
  }

  /**
   * Creates an account. The password is checked against the target COS's policy first (read once
   * and cached, or `options.policy`); `cos` is a COS name or id.
   * @throws ValidationError (e.g. field `password`, rule `zimbraPasswordMinUpperCaseChars`); ZimbraFault
   *   `account.ACCOUNT_EXISTS`, `account.NO_SUCH_DOMAIN`, `account.NO_SUCH_COS`, `account.INVALID_PASSWORD`,
   *   `account.TOO_MANY_ACCOUNTS`, `service.PERM_DENIED` (no right, or domain suspended).
   * @example
   * const account = await admin.accounts.create({
   *   name: 'anna.verdi@example.com', password: 'Str0ng-Pass!', givenName: 'Anna', sn: 'Verdi', cos: 'Standard',
   * });
   */
  async create(input: CreateAccountInput, options: PolicyOptions = {}): Promise<Account> {
    return send(this.#session, await prepareCreate(this.#lookups, input, options), options);
  }

  /**
   * Reads an account by address or id, COS values applied.
   * @throws ZimbraFault `account.NO_SUCH_ACCOUNT`, `service.PERM_DENIED`.
   * @example
   * const mario = await admin.accounts.get('mario.rossi@example.com');
   */
  async get(ref: string, options: CallOptions = {}): Promise<Account> {
    return this.#lookups.account(parseInput(AccountRef, ref, 'ref'), options);
  }

  /**
   * Changes names, status, COS (name or id), quota or other attributes; an empty string removes an attribute.
   * @throws ValidationError; ZimbraFault `account.NO_SUCH_ACCOUNT`, `account.NO_SUCH_COS`,
   *   `account.TOO_MANY_ACCOUNTS` (COS full), `account.INVALID_ATTR_VALUE`, `service.PERM_DENIED`.
   * @example
   * await admin.accounts.modify('mario.rossi@example.com', { givenName: 'Mario', sn: 'Rossi', displayName: 'Mario Rossi' });
   */
  async modify(ref: string, changes: ModifyAccountInput, options: CallOptions = {}): Promise<Account> {
    const r = parseInput(AccountRef, ref, 'ref');
    parseChanges(changes);
    const id = await this.#lookups.accountId(r, options);
    return send(this.#session, await prepareModify(this.#lookups, id, changes, options), options);
  }

  /**
   * Sets (resets) a password as an admin. The account's policy is checked first unless
   * `options.policy` is `false`; then a global admin may get Zimbra's warning back instead of a refusal.
   * With `mustChange`, the owner must change it at next login (see {@link SetPasswordOptions.mustChange}).
   * @throws ValidationError (field `password`, or `mustChange` not a boolean); ZimbraFault
   *   `account.NO_SUCH_ACCOUNT`, `account.INVALID_PASSWORD`, `account.PASSWORD_RECENTLY_USED`, `service.PERM_DENIED`.
   * @example
   * const { warning } = await admin.accounts.setPassword('mario.rossi@example.com', 'N3w-Secret!');
   * // The owner must pick their own password at next login:
   * await admin.accounts.setPassword('mario.rossi@example.com', 'Temp-0rary!', { mustChange: true });
   */
  async setPassword(
    ref: string,
    newPassword: string,
    options: SetPasswordOptions = {},
  ): Promise<SetPasswordResult> {
    const r = parseInput(AccountRef, ref, 'ref');
    parseInput(Password, newPassword, 'password');
    const mustChange = parseInput(MustChange, options.mustChange, 'mustChange') === true;
    let id: string;
    let policy: PasswordPolicy | undefined;
    let username: string | undefined;
    if (options.policy !== undefined) {
      id = await this.#lookups.accountId(r, options);
      policy = options.policy || undefined;
    } else {
      const account = await this.#lookups.account(r, options);
      id = account.id;
      username = localPart(account.name);
      policy = await this.#lookups.policyForAccount(account, options);
    }
    const result = await send(this.#session, prepareSetPassword(id, newPassword, policy, username), options);
    if (mustChange) {
      const flag = { zimbraPasswordMustChange: 'TRUE' };
      await this.#session.call(OPERATIONS.modifyAccount, { id, a: attrsToXml(flag) }, [], options);
    }
    return result;
  }

  /**
   * Renames an account (changes its address).
   * @throws ValidationError; ZimbraFault `account.NO_SUCH_ACCOUNT`, `account.ACCOUNT_EXISTS`, `account.NO_SUCH_DOMAIN`,
   *   `account.TOO_MANY_ACCOUNTS`, `service.PERM_DENIED`.
   * @example
   * await admin.accounts.rename('mario.rossi@example.com', 'm.rossi@example.com');
   */
  async rename(ref: string, newName: string, options: CallOptions = {}): Promise<Account> {
    const r = parseInput(AccountRef, ref, 'ref');
    const name = parseInput(Address, newName, 'newName');
    const id = await this.#lookups.accountId(r, options);
    return this.#session.call(OPERATIONS.renameAccount, { id, newName: name }, [], options);
  }

  /**
   * Adds an alias: another address delivering to the account (AddAccountAlias). The alias's domain must exist.
   * @throws ValidationError (field `alias`); ZimbraFault `account.ACCOUNT_EXISTS` (the address is taken by an
   *   account or alias), `account.NO_SUCH_DOMAIN`, `account.NO_SUCH_ACCOUNT`, `service.PERM_DENIED`.
   * @example
   * await admin.accounts.addAlias('mario.rossi@example.com', 'm.rossi@example.com');
   */
  async addAlias(ref: string, alias: string, options: CallOptions = {}): Promise<void> {
    const r = parseInput(AccountRef, ref, 'ref');
    const a = parseInput(Address, alias, 'alias');
    const id = await this.#lookups.accountId(r, options);
    await this.#session.call(OPERATIONS.addAccountAlias, { id, alias: a }, [], options);
  }

  /**
   * Removes one of the account's aliases (RemoveAccountAlias).
   * @throws ValidationError (field `alias`); ZimbraFault `account.NO_SUCH_ALIAS` (not an alias of this
   *   account), `account.NO_SUCH_DOMAIN`, `account.NO_SUCH_ACCOUNT`, `service.PERM_DENIED`.
   * @example
   * await admin.accounts.removeAlias('mario.rossi@example.com', 'm.rossi@example.com');
   */
  async removeAlias(ref: string, alias: string, options: CallOptions = {}): Promise<void> {
    const r = parseInput(AccountRef, ref, 'ref');
    const a = parseInput(Address, alias, 'alias');
    const id = await this.#lookups.accountId(r, options);
    await this.#session.call(OPERATIONS.removeAccountAlias, { id, alias: a }, [], options);
  }

  /**
   * Sets `zimbraAccountStatus`: `active`, `locked` (no logins, mail still delivered), `maintenance`,
   * `closed` (no logins, mail bounced), `lockout` (what Zimbra sets after failed logins) or `pending`.
   * @throws ValidationError (field `status`, rule `invalid_value`); ZimbraFault `account.NO_SUCH_ACCOUNT`,
   *   `service.PERM_DENIED`.
   * @example
   * await admin.accounts.setStatus('mario.rossi@example.com', 'locked');
   */
  async setStatus(ref: string, status: AccountStatus, options: CallOptions = {}): Promise<Account> {
    const s = parseInput(AccountStatusInput, status, 'status');
    return this.modify(ref, { status: s }, options);
  }

  /**
   * Sets mail forwarding in one ModifyAccount: the addresses (`zimbraPrefMailForwardingAddress`,
   * comma-separated; an empty list removes them), whether forwarding is allowed
   * (`zimbraFeatureMailForwardingEnabled`) and, when given, whether a copy stays in the mailbox
   * (`zimbraPrefMailLocalDeliveryDisabled`, its negation).
   * @throws ValidationError (e.g. field `addresses.0`, rule `email`); ZimbraFault `account.NO_SUCH_ACCOUNT`,
   *   `account.INVALID_ATTR_VALUE`, `service.PERM_DENIED`.
   * @example
   * await admin.accounts.setForwarding('mario.rossi@example.com', {
   *   addresses: ['mario@elsewhere.example'], enabled: true, keepCopy: true,
   * });
   */
  async setForwarding(ref: string, forwarding: ForwardingInput, options: CallOptions = {}): Promise<Account> {
    const v = parseInput(ForwardingInput, forwarding);
    const attrs: Record<string, AttrInput> = {
      zimbraPrefMailForwardingAddress: v.addresses.join(','),
      zimbraFeatureMailForwardingEnabled: v.enabled,
    };
    if (v.keepCopy !== undefined) attrs.zimbraPrefMailLocalDeliveryDisabled = !v.keepCopy;
    return this.modify(ref, { attrs }, options);
  }

  /**
   * Deletes an account and its mailbox.
   * @throws ZimbraFault `account.NO_SUCH_ACCOUNT`, `service.PERM_DENIED`.
   * @example
   * await admin.accounts.delete('old.user@example.com');
   */
  async delete(ref: string, options: CallOptions = {}): Promise<void> {
    const id = await this.#lookups.accountId(parseInput(AccountRef, ref, 'ref'), options);
    await this.#session.call(OPERATIONS.deleteAccount, { id: parseInput(ZimbraId, id, 'id') }, [], options);
  }

  /**
   * Lists accounts page by page (SearchDirectory with limit/offset, sorted by name); pages are fetched lazily.
   * Sends `maxResults="0"` unless `maxResults` is given: Zimbra otherwise refuses a search matching more
   * than 5000 entries before paging starts.
   * @throws ValidationError; ZimbraFault `account.NO_SUCH_DOMAIN`, `account.TOO_MANY_SEARCH_RESULTS` (only
   *   with a `maxResults` cap), `service.PERM_DENIED`.
   * @example
   * for await (const account of admin.accounts.search({ domain: 'example.com', query: '(sn=Rossi)' })) {
   *   console.log(account.name);
   * }
   */
  async *search(options: SearchInput & CallOptions = {}): AsyncGenerator<Account, void, undefined> {
    const { signal, ...input } = options;
    const v = parseInput(SearchInput, input);
    const limit = v.pageSize ?? 100;
    for (let offset = 0; ; ) {
      const page = await this.#session.call(
        OPERATIONS.searchDirectory,
        {
          '@_domain': v.domain,
          '@_types': 'accounts',
          '@_limit': limit,
          '@_offset': offset,
          '@_maxResults': v.maxResults ?? 0,
          '@_sortBy': 'name',
          '@_sortAscending': '1',
          '@_attrs': v.attrs?.join(','),
          query: v.query,
        },
        [],
        { signal },
      );
      yield* page.accounts;
      if (!page.more || page.accounts.length === 0) return;
      offset += page.accounts.length;
    }
  }

  /**
   * One window of accounts (one SearchDirectory with limit/offset) and how many the search matches in all,
   * for screens that show row 50,000 of 100,000 without walking the first 49,999. Sorted by address unless
   * `sortBy` names another attribute; `maxResults` defaults to 0 (no cap).
   * @throws ValidationError (e.g. field `limit`); ZimbraFault `account.NO_SUCH_DOMAIN`,
   *   `account.TOO_MANY_SEARCH_RESULTS` (only with a `maxResults` cap), `ldap.INVALID_SEARCH_FILTER`,
   *   `service.PERM_DENIED`.
   * @example
   * const { accounts, total, more } = await admin.accounts.page({
   *   domain: 'example.com', offset: 100, limit: 50, attrs: ['displayName', 'zimbraAccountStatus'],
   * });
   */
  async page(options: PageInput & CallOptions): Promise<AccountPage> {
    const { signal, ...input } = options;
    const v = parseInput(PageInput, input);
    const page = await this.#session.call(
      OPERATIONS.searchDirectory,
      {
        '@_domain': v.domain,
        '@_types': 'accounts',
        '@_limit': v.limit,
        '@_offset': v.offset,
        '@_maxResults': v.maxResults ?? 0,
        '@_sortBy': v.sortBy ?? 'name',
        '@_sortAscending': v.sortAscending === false ? '0' : '1',
        '@_attrs': v.attrs?.join(','),
        query: v.query,
      },
      [],
      { signal },
    );
    return {
      accounts: page.accounts,
      total: page.total ?? v.offset + page.accounts.length,
      more: page.more,
    };
  }

  /**
   * Counts the accounts a search would return (SearchDirectory countOnly, uncapped unless `maxResults` is given).
   * @throws ZimbraFault `account.NO_SUCH_DOMAIN`, `account.TOO_MANY_SEARCH_RESULTS` (only with a cap),
   *   `service.PERM_DENIED`.
   * @example
   * const n = await admin.accounts.count({ domain: 'example.com' });
   */
  async count(options: Omit<SearchInput, 'pageSize' | 'attrs'> & CallOptions = {}): Promise<number> {
    const { signal, ...input } = options;
    const v = parseInput(SearchInput, input);
    const page = await this.#session.call(
      OPERATIONS.searchDirectory,
      {
        '@_domain': v.domain,
        '@_types': 'accounts',
        '@_countOnly': '1',
        // A count past Zimbra's default cap of 5000 would otherwise be refused instead of counted.
        '@_maxResults': v.maxResults ?? 0,
        query: v.query,
      },
      [],
      { signal },
    );
    return page.total ?? page.accounts.length;
  }
}
