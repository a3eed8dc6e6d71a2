// View models the screens show: the services layer maps SDK results onto these.

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
  readonly quota: { readonly usedBytes: number; readonly limitBytes: number; readonly unlimited: number };
}

/** One mailbox row of the Mailboxes table. */
export interface MailboxRow {
  readonly address: string;
  readonly name: string;
  readonly type: string;
  readonly status: string;
  readonly usedBytes: number;
  /** 0 means unlimited. */
  readonly limitBytes: number;
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
  readonly details: readonly string[];
  readonly confirmWith: string;
}

/** A saved connection profile: never a password or token. */
export interface Profile {
  readonly name: string;
  readonly url: string;
  readonly user: string;
  readonly ca?: string;
  readonly pecUrl?: string;
  readonly lang?: 'it' | 'en';
}
