import { isZimbraFault } from '../errors/guards.ts';
import { isZimbraId } from './inputs.ts';
import { OPERATIONS } from './operations.ts';
import { PasswordPolicy } from './policy.ts';
import type { Account, Cos } from './schemas.ts';
import type { AdminSession, CallOptions } from './session.ts';

interface Cached<T> {
  readonly value: T;
  readonly at: number;
}

/**
 * Reads that other operations need (a COS by name, a domain's default COS, an account's id) with a
 * short cache, so a batch of 500 creates asks for the Standard COS once.
 */
export class Lookups {
  readonly #session: AdminSession;
  readonly #ttlMs: number;
  readonly #cos = new Map<string, Cached<Cos>>();
  readonly #defaultCos = new Map<string, Cached<string | undefined>>();

  constructor(session: AdminSession, ttlMs: number) {
    this.#session = session;
    this.#ttlMs = ttlMs;
  }

  #fresh<T>(entry: Cached<T> | undefined): entry is Cached<T> {
    return entry !== undefined && Date.now() - entry.at < this.#ttlMs;
  }

  /** Forgets every cached COS and domain default. */
  clear(): void {
    this.#cos.clear();
    this.#defaultCos.clear();
  }

  /** A COS by id or name (GetCos; `account.NO_SUCH_COS` when unknown). */
  async cos(ref: string, options: CallOptions = {}): Promise<Cos> {
    const key = ref.toLowerCase();
    const hit = this.#cos.get(key);
    if (this.#fresh(hit)) return hit.value;
    const by = isZimbraId(ref) ? 'id' : 'name';
    const cos = await this.#session.call(
      OPERATIONS.getCos,
      { cos: { '@_by': by, '#text': ref } },
      [],
      options,
    );
    const entry = { value: cos, at: Date.now() };
    this.#cos.set(cos.id.toLowerCase(), entry);
    this.#cos.set(cos.name.toLowerCase(), entry);
    return cos;
  }

  /** The id of a COS given by id or name. An id is used as is; the server checks it. */
  async cosId(ref: string, options: CallOptions = {}): Promise<string> {
    return isZimbraId(ref) ? ref : (await this.cos(ref, options)).id;
  }

  /** The COS a new account of `domain` gets when none is named (`zimbraDomainDefaultCOSId`, else `default`). */
  async defaultCosId(domain: string, options: CallOptions = {}): Promise<string | undefined> {
    const hit = this.#defaultCos.get(domain);
    if (this.#fresh(hit)) return hit.value;
    const d = await this.#session.call(
      OPERATIONS.getDomain,
      { domain: { '@_by': 'name', '#text': domain } },
      [],
      options,
    );
    const id = d.defaultCosId ?? (await this.cos('default', options).catch(() => undefined))?.id;
    this.#defaultCos.set(domain, { value: id, at: Date.now() });
    return id;
  }

  /** An account by id or address (GetAccount). */
  account(ref: string, options: CallOptions = {}): Promise<Account> {
    const by = isZimbraId(ref) ? 'id' : 'name';
    return this.#session.call(OPERATIONS.getAccount, { account: { '@_by': by, '#text': ref } }, [], options);
  }

  /** The id of an account given by id or address; an id is used as is and the server checks it. */
  async accountId(ref: string, options: CallOptions = {}): Promise<string> {
    return isZimbraId(ref) ? ref : (await this.account(ref, options)).id;
  }

  /** The policy of a COS. */
  async cosPolicy(ref: string, options: CallOptions = {}): Promise<PasswordPolicy> {
    return PasswordPolicy.fromAttrs((await this.cos(ref, options)).attrs);
  }

  /**
   * The policy a new account will get, or undefined when this admin may not read it (a domain
   * admin usually lacks `getCos`): the server still enforces it on create.
   */
  async policyForNew(
    domain: string,
    cosRef: string | undefined,
    options: CallOptions = {},
  ): Promise<PasswordPolicy | undefined> {
    return allowedOrUndefined(async () => {
      const cos = cosRef ?? (await this.defaultCosId(domain, options));
      return cos === undefined ? undefined : this.cosPolicy(cos, options);
    });
  }

  /** The policy that applies to an existing account: its COS's rules with the account's own on top. */
  async policyForAccount(account: Account, options: CallOptions = {}): Promise<PasswordPolicy> {
    const own = PasswordPolicy.fromAttrs(account.attrs);
    const domain = account.name.split('@')[1] ?? '';
    const cos = await allowedOrUndefined(async () => {
      const id = account.cosId ?? (await this.defaultCosId(domain, options));
      return id === undefined ? undefined : this.cosPolicy(id, options);
    });
    return cos === undefined ? own : cos.overriddenBy(own);
  }
}

async function allowedOrUndefined<T>(read: () => Promise<T | undefined>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (isZimbraFault(error, 'service.PERM_DENIED')) return undefined;
    throw error;
  }
}
