import type { SeedAttrs } from './attrs.ts';

/** A class of service in a seed. `id` is fixed so COS ids stay the same across resets. */
export interface CosSeed {
  readonly id: string;
  readonly name: string;
  /** The built-in `default` COS (written as `isDefaultCos="1"`). */
  readonly isDefault?: boolean;
  readonly attrs?: SeedAttrs;
}

/** A mail domain in a seed; without `id` one is derived deterministically. */
export interface DomainSeed {
  readonly id?: string;
  readonly name: string;
  /** Domain attributes. `zimbraDomainDefaultCOSId` and `zimbraDomainCOSMaxAccounts` may name a COS by name
   * (`Standard:40`); the backend resolves names to ids. */
  readonly attrs?: SeedAttrs;
}

/** An account in a seed. Give a plain `password` (hashed when loaded) or a `passwordHash` from this mock. */
export interface AccountSeed {
  readonly id?: string;
  readonly name: string;
  readonly password?: string;
  readonly passwordHash?: string;
  /** COS name or id, stored as `zimbraCOSId`. */
  readonly cos?: string;
  readonly attrs?: SeedAttrs;
  /** Mailbox size in bytes. @default 0 */
  readonly usageBytes?: number;
}

/** Many generated accounts `<prefix><zero-padded n>@<domain>` (the bulk seed), built quickly at load. */
export interface GeneratedAccountsSeed {
  readonly domain: string;
  readonly count: number;
  /** @default 'user' */
  readonly prefix?: string;
  /** @default 6 */
  readonly digits?: number;
  readonly cos?: string;
  /** One password shared by every generated account (hashed once). */
  readonly password?: string;
}

/** A right granted to a delegated admin, as `GrantRightRequest` would (`domainAdminRights` is the stock combo). */
export interface GrantSeed {
  /** Address of the delegated admin. */
  readonly grantee: string;
  readonly targetType: 'domain' | 'cos';
  /** Domain name or COS name. */
  readonly target: string;
  readonly right: string;
}

/** A mailbox server in a seed; without any, the seed gets one server named after `mailHost`. */
export interface ServerSeed {
  readonly id?: string;
  /** Service hostname, also the server's name. */
  readonly name: string;
  /** Services enabled. @default the mailbox server's set (mailbox, mta, proxy, ldap…) */
  readonly services?: readonly string[];
  readonly attrs?: SeedAttrs;
}

/** The Zimbra part of a seed: JSON-serialisable. */
export interface ZimbraSeed {
  readonly coses?: readonly CosSeed[];
  readonly domains?: readonly DomainSeed[];
  /** Mailbox servers (GetServer, zimbraMailHost). @default one server named after `mailHost` */
  readonly servers?: readonly ServerSeed[];
  readonly accounts?: readonly AccountSeed[];
  readonly generated?: readonly GeneratedAccountsSeed[];
  readonly grants?: readonly GrantSeed[];
  /** Token lifetimes in ms. @default { admin: 12 h, user: 2 days } */
  readonly tokenLifetimes?: { readonly adminMs?: number; readonly userMs?: number };
  /** `zimbraMailHost` of new accounts. @default 'mail.casella.test' */
  readonly mailHost?: string;
  /** Seed of the deterministic id generator. @default 1 */
  readonly idSeed?: number;
}
