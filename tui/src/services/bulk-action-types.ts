import type { CapacityShortfall, OutcomeKind, RowIssue } from '@casella/sdk';
import type { MailboxPageQuery } from './types.ts';

/** What `*` marked: every mailbox the list's query matches (sort included, paging left out). */
export type MarkQuery = Omit<MailboxPageQuery, 'offset' | 'limit'>;

/**
 * The mailboxes a bulk action works on: addresses marked one by one, or every mailbox matching a query
 * minus the ones unmarked since. The second is resolved on the server, page by page, when the action runs:
 * a `*` on 100,000 mailboxes never holds them in the list's state.
 */
export type MarkedSelection =
  | { readonly kind: 'addresses'; readonly domain: string; readonly addresses: readonly string[] }
  | {
      readonly kind: 'matching';
      readonly domain: string;
      readonly query: MarkQuery;
      /** Addresses unmarked (Space) after the `*`. */
      readonly except: readonly string[];
      /** How many the user saw marked: a delete is confirmed against it. */
      readonly count: number;
    };

/** One bulk action on the marked mailboxes; every one goes through the SDK's bulk engine. */
export type BulkAction =
  | { readonly kind: 'lock' }
  | { readonly kind: 'unlock' }
  | { readonly kind: 'changeType'; readonly type: string }
  /** New passwords generated to each mailbox's policy, must-change-at-next-login set, written only to `file`. */
  | { readonly kind: 'resetPasswords'; readonly file: string }
  /** `confirmCount` is the count the user typed: the engine refuses when the marked rows differ. */
  | { readonly kind: 'delete'; readonly confirmCount: number };

/** The name of a bulk action. */
export type BulkActionKind = BulkAction['kind'];

/** A row that did not end as asked, with the backend's code. */
export interface BulkProblem {
  readonly address: string;
  readonly kind: OutcomeKind;
  readonly code?: string;
  readonly message?: string;
}

/** What a bulk action did once it ended. Never a password: the file holds them. */
export interface BulkActionResult {
  readonly action: BulkActionKind;
  /** Rows the engine was given. */
  readonly total: number;
  readonly counts: Readonly<Record<OutcomeKind, number>>;
  /** Refused, conflict and failed rows (the first ones; `problemCount` says how many in all). */
  readonly problems: readonly BulkProblem[];
  readonly problemCount: number;
  /** Where the generated passwords went (reset only), and how many it holds. */
  readonly passwordFile?: string;
  readonly passwordsWritten?: number;
}

/** Pre-flight refused the action: nothing was written; the numbers say why. */
export interface BulkActionRefusal {
  readonly action: BulkActionKind;
  readonly total: number;
  readonly capacity: readonly CapacityShortfall[];
  /** The first row issues (line, column, rule); `issueCount` says how many in all. */
  readonly issues: readonly RowIssue[];
  readonly issueCount: number;
  /** Delete only: the filter matches another number of mailboxes than the one typed to confirm. */
  readonly countChanged?: { readonly confirmed: number };
  /** Reset only: the password file could not be created (`EEXIST` when it exists: never overwritten). */
  readonly file?: { readonly path: string; readonly reason: string };
}
