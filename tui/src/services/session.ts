import type { Bulk } from '@casella/sdk';
import type { JournalStore } from '../journal/index.ts';
import type { Env } from '../state/screen-base.ts';
import type {
  BuySetup,
  DomainDashboard,
  DomainRow,
  Holder,
  MailboxDetail,
  MailboxPage,
  MailboxPageQuery,
  NewMailboxSetup,
  PasswordRules,
  PecDeleteWarning,
  PecDomainInfo,
  PecMailboxRow,
  Profile,
  QuotaInfo,
} from './types.ts';

/** What the Zimbra screens ask of the admin connection. */
export interface ZimbraService {
  domains(): Promise<DomainRow[]>;
  dashboard(domain: string): Promise<DomainDashboard>;
  /** One page of mailboxes (rows with usage) and how many match; never the whole domain. */
  mailboxPage(query: MailboxPageQuery): Promise<MailboxPage>;
  newMailboxSetup(domain: string): Promise<NewMailboxSetup>;
  createMailbox(input: {
    address: string;
    password: string;
    type: string;
    givenName: string;
    sn: string;
  }): Promise<void>;
  /** True when a mailbox or alias has the address (one GetAccount); null when the admin may not read it. */
  addressTaken(address: string): Promise<boolean | null>;
  holder(address: string): Promise<Holder>;
  rename(address: string, givenName: string, sn: string): Promise<void>;
  rulesFor(address: string): Promise<PasswordRules>;
  /** Sets a password; `mustChange` makes the owner pick a new one at next login (zimbraPasswordMustChange). */
  setPassword(address: string, password: string, mustChange: boolean): Promise<void>;
  quota(address: string): Promise<QuotaInfo>;
  deleteMailbox(address: string): Promise<void>;
  buySetup(domain: string): Promise<BuySetup>;
  setTypeLimit(domain: string, type: string, max: number): Promise<void>;
  /** Name, type, status, quota, aliases, forwarding, created, last login of one mailbox. */
  detail(address: string): Promise<MailboxDetail>;
  /** Sets `zimbraAccountStatus` (lock, unlock, close, reactivate). */
  setStatus(address: string, status: 'active' | 'locked' | 'closed'): Promise<void>;
  /** Moves the mailbox to another type (COS) by name. */
  changeType(address: string, type: string): Promise<void>;
  /** Renames the address (RenameAccount); the old one stops receiving mail. */
  renameAddress(address: string, newAddress: string): Promise<void>;
  /** Sets the forwarding addresses (none clears them) and whether forwarding is allowed. */
  setForwarding(address: string, to: readonly string[], allowed: boolean): Promise<void>;
  /** Adds an alias address (AddAccountAlias). */
  addAlias(address: string, alias: string): Promise<void>;
  /** Removes an alias address (RemoveAccountAlias). */
  removeAlias(address: string, alias: string): Promise<void>;
  /** Sets the quota in bytes (0 = unlimited). */
  setQuota(address: string, bytes: number): Promise<void>;
}

/** A mailbox owner's own operations (no admin rights). */
export interface AccountService {
  changePassword(address: string, oldPassword: string, newPassword: string): Promise<void>;
}

/** The PEC postmaster panel; `login` must come first. */
export interface PecService {
  login(username: string, password: string): Promise<void>;
  domain(): Promise<PecDomainInfo>;
  rules(): Promise<PasswordRules>;
  create(localPart: string, password: string, passwordConfirm: string): Promise<void>;
  search(q: string): Promise<PecMailboxRow[]>;
  /** Whether a mailbox has `localPart`, and the domain's counts now: the early checks of Create. */
  nameCheck(localPart: string): Promise<{ taken: boolean; domain: PecDomainInfo }>;
  get(localPart: string): Promise<PecMailboxRow>;
  changePassword(localPart: string, password: string, passwordConfirm: string): Promise<void>;
  /**
   * The logged-in postmaster's own password: `currentPassword` is proven by a fresh login first (the
   * contract's PUT asks for none), then the new one is set and remembered for the session's re-login.
   */
  changeOwnPassword(currentPassword: string, password: string, passwordConfirm: string): Promise<void>;
  resetPassword(localPart: string): Promise<string>;
  deleteWarning(localPart: string): Promise<PecDeleteWarning>;
  delete(localPart: string, confirm: string): Promise<void>;
  logout(): Promise<void>;
}

/** Saved profiles (conf); never a password. */
export interface ProfileService {
  list(): Profile[];
  save(profile: Profile): void;
  remove(name: string): void;
}

/** Everything the app needs from the outside world; tests inject one built against their own mock. */
export interface Session {
  readonly env: Env;
  readonly zimbra: ZimbraService;
  readonly account: AccountService;
  readonly pec: PecService;
  /** The SDK's bulk engine on the same admin connection: Import and bulk actions on marked mailboxes. */
  readonly bulk: Bulk;
  readonly profiles: ProfileService;
  /** The audit journal every change is appended to and the Activity screen reads; none keeps nothing. */
  readonly journal?: JournalStore;
}
