// View models the screens show: the services layer maps SDK results onto these.

/** A page of addresses completing a prefix (the command line's Tab), and how many match in all. */
export interface AddressMatches {
  readonly addresses: readonly string[];
  readonly total: number;
}

/** A Zimbra domain in the domain picker. */
export interface DomainRow {
  readonly name: string;
  readonly status: string;
}

/** Created, maximum and free mailboxes of one type; `max`/`free` are null when unlimited. */
export interface TypeSlots {
  readonly cosId: string;
  readonly cosName: string;
  readonly used: number;
  readonly max: number | null;
  readonly free: number | null;
}

/** What the domain dashboard shows. */
export interface DomainDashboard {
  readonly domain: string;
  readonly status: string;
  readonly types: readonly TypeSlots[];
  readonly total: { readonly used: number; readonly max: number | null; readonly free: number | null };
  readonly quota: QuotaSummary;
}

/**
 * Summed usage of a domain's mailboxes. On big domains only the `counted` largest are summed (one
 * bounded read), so `counted < mailboxes` means the figures are partial.
 */
export interface QuotaSummary {
  readonly usedBytes: number;
  readonly limitBytes: number;
  readonly unlimited: number;
  readonly counted: number;
  readonly mailboxes: number;
}

/** One mailbox row of the Mailboxes table. */
export interface MailboxRow {
  readonly address: string;
  readonly name: string;
  readonly type: string;
  readonly status: string;
  /** Null when the server would not tell (e.g. no right to read mailbox sizes). */
  readonly usedBytes: number | null;
  /** 0 means unlimited. */
  readonly limitBytes: number;
}

/**
 * The Mailboxes columns the server can sort by: SearchDirectory `sortBy` for the first four, GetQuotaUsage
 * `sortBy="percentUsed"` for `quota` (usage is not in LDAP).
 */
export type MailboxSortColumn = 'address' | 'name' | 'type' | 'status' | 'quota';

/** Which page of a domain's mailboxes to read; `filter` is the user's text, matched on address and name. */
export interface MailboxPageQuery {
  readonly domain: string;
  readonly filter: string;
  readonly offset: number;
  readonly limit: number;
  /** Sorted on the server by this column; by address when not given. */
  readonly sort?: MailboxSortColumn;
  /** @default true */
  readonly ascending?: boolean;
  /** Only mailboxes of this `zimbraAccountStatus`. */
  readonly status?: string;
  /** Only mailboxes of this type (the COS name as the table shows it). */
  readonly type?: string;
  /** Only mailboxes using at least this share of their quota, in percent (unlimited ones never match). */
  readonly quotaMin?: number;
}

/** A page of mailbox rows, how many match the filter, and (when known) how many the domain has. */
export interface MailboxPage {
  readonly offset: number;
  readonly rows: readonly MailboxRow[];
  readonly total: number;
  /** Mailboxes in the whole domain; null when this page did not ask (not the first page of a filter). */
  readonly domainTotal: number | null;
  /** The domain's type names, for the type filter to cycle through (sent with a first page). */
  readonly types?: readonly string[];
  /**
   * Set when a quota order or quota filter met a text/status/type filter matching more mailboxes than
   * can be ordered here (usage is not in LDAP): how many matched and the most that can be. No rows then.
   */
  readonly tooMany?: { readonly matches: number; readonly cap: number };
}

/** The password rules a form checks live; every field is optional because policies differ. */
export interface PasswordRules {
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minUpper?: number;
  readonly minLower?: number;
  readonly minDigits?: number;
  readonly minSpecial?: number;
  /** When set, only letters, digits and these characters are accepted. */
  readonly allowedSpecials?: string;
}

/** Everything the New mailbox form needs. */
export interface NewMailboxSetup {
  readonly slots: readonly TypeSlots[];
  readonly rules: Readonly<Record<string, PasswordRules>>;
  readonly defaultType: string;
  readonly globalAdmin: boolean;
}

/** Everything the Mailbox screen shows about one Zimbra mailbox. */
export interface MailboxDetail {
  readonly address: string;
  readonly name: string;
  /** The type's name (the COS), or its id when the server would not name it. */
  readonly type: string;
  readonly status: string;
  /** Null when the server would not tell. */
  readonly usedBytes: number | null;
  /** 0 means unlimited. */
  readonly limitBytes: number;
  readonly aliases: readonly string[];
  /** `zimbraPrefMailForwardingAddress`, split at commas. */
  readonly forwardTo: readonly string[];
  /** `zimbraFeatureMailForwardingEnabled`: may the owner forward at all. */
  readonly forwardingAllowed: boolean;
  /** ISO 8601, or null when unknown. */
  readonly createdAt: string | null;
  /** ISO 8601 of `zimbraLastLogonTimestamp`, or null when the mailbox was never used. */
  readonly lastLogin: string | null;
}

/** A mailbox holder's names. */
export interface Holder {
  readonly givenName: string;
  readonly sn: string;
  readonly type: string;
}

/** Used and allowed bytes of one mailbox; `limitBytes` 0 = unlimited. */
export interface QuotaInfo {
  readonly usedBytes: number;
  readonly limitBytes: number;
}

/** What the Buy / raise slots screen needs. */
export interface BuySetup {
  readonly slots: readonly TypeSlots[];
  readonly globalAdmin: boolean;
}

/** The PEC domain of the logged-in postmaster. */
export interface PecDomainInfo {
  readonly name: string;
  readonly status: string;
  readonly mailboxCount: number;
  readonly mailboxLimit: number | null;
}

/** What the server allows on a PEC mailbox. */
export interface PecCapabilities {
  readonly changePassword: boolean;
  readonly resetPassword: boolean;
  readonly delete: boolean;
}

/** A PEC mailbox as the postmaster sees it. */
export interface PecMailboxRow {
  readonly address: string;
  readonly localPart: string;
  readonly role: string;
  readonly status: string;
  readonly usedBytes: number;
  readonly limitBytes: number;
  readonly capabilities: PecCapabilities;
}

/** The server's warning before a PEC deletion, and the exact text to confirm with. */
export interface PecDeleteWarning {
  /** The server's warnings: a rule id (translated when the catalogue knows it) and its own text. */
  readonly details: readonly { readonly rule: string; readonly message: string }[];
  readonly confirmWith: string;
}

/** A saved connection profile: never a password or token. */
export interface Profile {
  readonly name: string;
  readonly url: string;
  readonly user: string;
  readonly ca?: string;
  readonly pecUrl?: string;
  /** End-user SOAP URL for Change my password (`/service/soap`); unset, the admin URL's `/service/admin/soap` serves it. */
  readonly accountUrl?: string;
  readonly lang?: 'it' | 'en';
}
