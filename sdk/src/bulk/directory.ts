import { isZimbraFault } from '../errors/index.ts';
import type { Account, Cos, Domain, DomainCapacity, ZimbraAdmin } from '../zimbra/index.ts';
import { readWithRetries } from './retry.ts';

/** Attributes a pre-flight search asks for: what rows are compared with, and the password rules. */
const READ_ATTRS = [
  'givenName',
  'sn',
  'displayName',
  'zimbraAccountStatus',
  'zimbraCOSId',
  'zimbraMailQuota',
  'zimbraPasswordModifiedTime',
  'zimbraPasswordMustChange',
  'zimbraPasswordMinLength',
  'zimbraPasswordMaxLength',
  'zimbraPasswordMinUpperCaseChars',
  'zimbraPasswordMinLowerCaseChars',
  'zimbraPasswordMinNumericChars',
  'zimbraPasswordMinPunctuationChars',
  'zimbraPasswordMinAlphaChars',
  'zimbraPasswordMinDigitsOrPuncs',
  'zimbraPasswordAllowedChars',
  'zimbraPasswordAllowedPunctuationChars',
  'zimbraFeatureAllowUsernameInPassword',
];

// Up to this many rows of a domain are read one GetAccount each; more, and one paged search of the
// domain costs fewer requests.
const SEARCH_THRESHOLD = 200;

/** Counters of the reads a run sends. */
export interface ReadStats {
  readBacks: number;
}

/**
 * The directory reads a bulk run needs, each retried while its answer is unclear. Every read carries the
 * run's signal, so an abort stops the read in flight at once.
 */
export class Directory {
  readonly #admin: ZimbraAdmin;
  readonly #attempts: number;
  readonly #delayMs: number;
  readonly #signal: AbortSignal | undefined;
  readonly #cos = new Map<string, Promise<Cos | undefined>>();

  constructor(admin: ZimbraAdmin, attempts: number, delayMs: number, signal: AbortSignal | undefined) {
    this.#admin = admin;
    this.#attempts = attempts;
    this.#delayMs = delayMs;
    this.#signal = signal;
  }

  #read<T>(read: () => Promise<T>): Promise<T> {
    return readWithRetries(read, this.#attempts, this.#delayMs, this.#signal);
  }

  /** One account by address, or undefined when there is none. */
  async account(address: string): Promise<Account | undefined> {
    try {
      return await this.#read(() => this.#admin.accounts.get(address, { signal: this.#signal }));
    } catch (error) {
      if (isZimbraFault(error, 'account.NO_SUCH_ACCOUNT')) return undefined;
      throw error;
    }
  }

  /** The accounts that exist among `addresses` of one domain, by lower-cased address. */
  async accounts(domain: string, addresses: readonly string[]): Promise<Map<string, Account>> {
    const found = new Map<string, Account>();
    if (addresses.length > SEARCH_THRESHOLD) {
      const wanted = new Set(addresses);
      await this.#read(async () => {
        found.clear();
        const search = this.#admin.accounts.search({
          domain,
          pageSize: 1000,
          attrs: READ_ATTRS,
          signal: this.#signal,
        });
        for await (const account of search) {
          const name = account.name.toLowerCase();
          if (wanted.has(name)) found.set(name, account);
        }
      });
      return found;
    }
    let next = 0;
    const worker = async () => {
      while (next < addresses.length) {
        const address = addresses[next++] as string;
        const account = await this.account(address);
        if (account !== undefined) found.set(address, account);
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, addresses.length) }, worker));
    return found;
  }

  /** A domain by name, or undefined when there is none. */
  async domain(name: string): Promise<Domain | undefined> {
    try {
      return await this.#read(() => this.#admin.domains.get(name, { signal: this.#signal }));
    } catch (error) {
      if (isZimbraFault(error, 'account.NO_SUCH_DOMAIN')) return undefined;
      throw error;
    }
  }

  /** A COS by name or id (read once per run), or undefined when there is none. */
  cos(ref: string): Promise<Cos | undefined> {
    const key = ref.toLowerCase();
    let hit = this.#cos.get(key);
    if (hit === undefined) {
      hit = this.#read(() => this.#admin.cos.get(ref, { signal: this.#signal })).catch((error: unknown) => {
        if (isZimbraFault(error, 'account.NO_SUCH_COS')) return undefined;
        throw error;
      });
      this.#cos.set(key, hit);
    }
    return hit;
  }

  /** A domain's mailbox slots per type and overall. */
  capacity(domain: string): Promise<DomainCapacity> {
    return this.#read(() => this.#admin.domains.capacity(domain, { signal: this.#signal }));
  }
}
