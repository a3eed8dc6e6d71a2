import type { JournalEntry } from '../journal/journal-entry.ts';
import type {
  BulkAction,
  BulkActionRefusal,
  BulkActionResult,
  MarkedSelection,
} from '../services/bulk-action-types.ts';
import type {
  AddressMatches,
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
} from '../services/types.ts';
import type {
  ImportJob,
  ImportPreview,
  ImportProgress,
  ImportResult,
  ImportSetup,
} from './screens/import-model.ts';

/** Every backend operation a screen can ask for; the request runner maps each to a service call. */
export type Request =
  | { readonly op: 'domains' }
  | { readonly op: 'dashboard'; readonly domain: string }
  /** One page of a domain's mailboxes matching `filter` (address or name), with usage. */
  | ({ readonly op: 'mailboxPage' } & MailboxPageQuery)
  | { readonly op: 'newMailboxSetup'; readonly domain: string }
  | {
      readonly op: 'createMailbox';
      readonly address: string;
      readonly password: string;
      readonly type: string;
      readonly givenName: string;
      readonly sn: string;
    }
  /** Early check of New mailbox: is the address taken (one GetAccount)? */
  | { readonly op: 'addressCheck'; readonly address: string }
  /** Early check of PEC create: is the name taken, and is the domain full? */
  | { readonly op: 'pecNameCheck'; readonly localPart: string }
  | { readonly op: 'holder'; readonly address: string }
  | { readonly op: 'rename'; readonly address: string; readonly givenName: string; readonly sn: string }
  | { readonly op: 'rulesFor'; readonly address: string }
  /** `mustChange` also sets Zimbra's zimbraPasswordMustChange: the owner picks a new one at next login. */
  | {
      readonly op: 'setPassword';
      readonly address: string;
      readonly password: string;
      readonly mustChange: boolean;
    }
  | { readonly op: 'quota'; readonly address: string }
  | { readonly op: 'deleteMailbox'; readonly address: string }
  | { readonly op: 'buySetup'; readonly domain: string }
  | { readonly op: 'setTypeLimit'; readonly domain: string; readonly type: string; readonly max: number }
  | {
      readonly op: 'changeMyPassword';
      readonly address: string;
      readonly oldPassword: string;
      readonly newPassword: string;
    }
  | { readonly op: 'mailboxDetail'; readonly address: string }
  | { readonly op: 'setStatus'; readonly address: string; readonly status: 'active' | 'locked' | 'closed' }
  | { readonly op: 'changeType'; readonly address: string; readonly type: string }
  | { readonly op: 'renameAddress'; readonly address: string; readonly newAddress: string }
  | {
      readonly op: 'setForwarding';
      readonly address: string;
      readonly to: readonly string[];
      readonly allowed: boolean;
    }
  | { readonly op: 'setQuota'; readonly address: string; readonly bytes: number }
  | { readonly op: 'addAlias'; readonly address: string; readonly alias: string }
  | { readonly op: 'removeAlias'; readonly address: string; readonly alias: string }
  | { readonly op: 'pecLogin'; readonly username: string; readonly password: string }
  | { readonly op: 'pecDomain' }
  | { readonly op: 'pecRules' }
  | {
      readonly op: 'pecCreate';
      readonly localPart: string;
      readonly password: string;
      readonly passwordConfirm: string;
    }
  | { readonly op: 'pecSearch'; readonly q: string }
  | { readonly op: 'pecGet'; readonly localPart: string }
  | {
      readonly op: 'pecChangePassword';
      readonly localPart: string;
      readonly password: string;
      readonly passwordConfirm: string;
    }
  /** The postmaster's own password; `currentPassword` is proven by a fresh login before the change. */
  | {
      readonly op: 'pecOwnPassword';
      readonly address: string;
      readonly currentPassword: string;
      readonly password: string;
      readonly passwordConfirm: string;
    }
  | { readonly op: 'pecReset'; readonly localPart: string }
  | { readonly op: 'pecDeleteWarning'; readonly localPart: string }
  | { readonly op: 'pecDelete'; readonly localPart: string; readonly confirm: string }
  | { readonly op: 'pecLogout' }
  | { readonly op: 'profiles' }
  | { readonly op: 'saveProfile'; readonly profile: Profile }
  | { readonly op: 'deleteProfile'; readonly name: string }
  /** The audit journal, newest first. */
  | { readonly op: 'journal' }
  // tui-marks: a bulk action on the marked mailboxes, through the SDK's bulk engine.
  | { readonly op: 'bulkAction'; readonly selection: MarkedSelection; readonly action: BulkAction }
  /** tui-cmdline: addresses of a domain starting with `prefix`, for the command line's Tab. */
  | { readonly op: 'addresses'; readonly domain: string; readonly prefix: string; readonly limit: number }
  // Import (issue 9): the chooser's folder, the dry run, and the run itself (a job: see hooks/use-jobs.ts).
  | { readonly op: 'importSetup' }
  | { readonly op: 'importPreview'; readonly path: string }
  | { readonly op: 'importRun'; readonly job: ImportJob };

/** What came back; a screen handles the kinds it asked for. */
export type Loaded =
  | { readonly kind: 'domains'; readonly rows: readonly DomainRow[] }
  | { readonly kind: 'dashboard'; readonly dashboard: DomainDashboard }
  | { readonly kind: 'mailboxPage'; readonly page: MailboxPage }
  | { readonly kind: 'newMailboxSetup'; readonly setup: NewMailboxSetup }
  /** `taken` is null when the server would not tell (no right to read the address). */
  | { readonly kind: 'addressCheck'; readonly address: string; readonly taken: boolean | null }
  | {
      readonly kind: 'pecNameCheck';
      readonly localPart: string;
      readonly taken: boolean;
      readonly domain: PecDomainInfo;
    }
  | { readonly kind: 'holder'; readonly holder: Holder }
  | { readonly kind: 'mailboxDetail'; readonly detail: MailboxDetail }
  | { readonly kind: 'rules'; readonly rules: PasswordRules }
  | { readonly kind: 'quota'; readonly quota: QuotaInfo }
  | { readonly kind: 'buySetup'; readonly setup: BuySetup }
  | { readonly kind: 'pecDomain'; readonly info: PecDomainInfo }
  | { readonly kind: 'pecResults'; readonly rows: readonly PecMailboxRow[] }
  | { readonly kind: 'pecMailbox'; readonly mailbox: PecMailboxRow }
  | { readonly kind: 'temporaryPassword'; readonly password: string }
  | { readonly kind: 'pecDeleteWarning'; readonly warning: PecDeleteWarning }
  | { readonly kind: 'profiles'; readonly rows: readonly Profile[] }
  | { readonly kind: 'journal'; readonly rows: readonly JournalEntry[]; readonly path: string | null }
  | { readonly kind: 'done' }
  // tui-marks: a bulk action's summary, or pre-flight's refusal (nothing written).
  | { readonly kind: 'bulkDone'; readonly result: BulkActionResult }
  | { readonly kind: 'bulkRefused'; readonly refusal: BulkActionRefusal }
  /** How far a bulk action has got: sent as a background answer (`progressKey`) while it runs. */
  | {
      readonly kind: 'bulkProgress';
      readonly done: number;
      readonly total: number;
      /** Rows per second since the writes started (0 before the first batch settles). */
      readonly rate: number;
      /** Estimated time left; null before the first batch settles. */
      readonly etaMs: number | null;
    }
  | { readonly kind: 'addresses'; readonly matches: AddressMatches }
  // Import (issue 9).
  | { readonly kind: 'importSetup'; readonly setup: ImportSetup }
  | { readonly kind: 'importPreview'; readonly preview: ImportPreview }
  | { readonly kind: 'importUnreadable'; readonly path: string; readonly reason: string }
  | { readonly kind: 'importDone'; readonly result: ImportResult };

/** A request in flight, numbered so a late answer to an older one is dropped. */
export interface Pending {
  readonly seq: number;
  readonly req: Request;
  /** A job (a long request with progress) the user asked to stop: its runner aborts it. */
  readonly abort?: boolean;
}

/** Live figures of a job in flight, by the kind of job. */
export type Progress = { readonly kind: 'import'; readonly progress: ImportProgress };

/** Requests that run as jobs (progress, abort) in hooks/use-jobs.ts, not as one-answer requests. */
export function isJob(req: Request): boolean {
  return req.op === 'importRun';
}

const READS: ReadonlySet<Request['op']> = new Set([
  'domains',
  'dashboard',
  'mailboxPage',
  'newMailboxSetup',
  'holder',
  'addressCheck',
  'pecNameCheck',
  'mailboxDetail',
  'rulesFor',
  'quota',
  'buySetup',
  'pecDomain',
  'pecRules',
  'pecSearch',
  'pecGet',
  'pecDeleteWarning',
  'profiles',
  'journal',
  'addresses',
  'importSetup',
  'importPreview',
]);

/** True for requests that change something: a form waits for them before taking more keys. */
export function isWrite(req: Request): boolean {
  return !READS.has(req.op);
}

/** tui-marks: the key a request's progress reports arrive under (as `fetched` answers of its screen). */
export function progressKey(seq: number): string {
  return `progress:${seq}`;
}
