import { parseInput } from '../validate.ts';
import { AccountRef, QuotaPageInput, QuotaUsageInput } from './inputs.ts';
import type { Lookups } from './lookups.ts';
import { OPERATIONS } from './operations.ts';
import type { QuotaUsage } from './schemas.ts';
import type { AdminSession, CallOptions } from './session.ts';

/** One mailbox's usage against its quota. */
export interface MailboxQuota {
  readonly usedBytes: number;
  /** `zimbraMailQuota` (COS value applied); 0 = unlimited. */
  readonly limitBytes: number;
}

/** One GetQuotaUsage page: its rows, how many rows the whole report has, and whether more follow. */
export interface QuotaUsagePage {
  /** The page's rows, in the server's order. */
  readonly rows: readonly QuotaUsage[];
  /** `searchTotal`; offset + rows when the server does not say. */
  readonly total: number;
  /** True when rows follow this page. */
  readonly more: boolean;
}

/** Quota operations: `admin.quota`. */
export class Quota {
  readonly #session: AdminSession;
  readonly #lookups: Lookups;

  constructor(session: AdminSession, lookups: Lookups) {
    this.#session = session;
    this.#lookups = lookups;
  }

  /**
   * Usage of every mailbox (of a domain), page by page with GetQuotaUsage limit/offset. Zimbra's default
   * order is total used, largest first.
   * @throws ValidationError; ZimbraFault `account.NO_SUCH_DOMAIN`, `service.PERM_DENIED` (needs
   *   `getDomainQuotaUsage`; without `domain` only global admins).
   * @example
   * for await (const row of admin.quota.usage({ domain: 'example.com', sortBy: 'percentUsed' })) {
   *   console.log(row.name, row.usedBytes, row.limitBytes);
   * }
   */
  async *usage(options: QuotaUsageInput & CallOptions = {}): AsyncGenerator<QuotaUsage, void, undefined> {
    const { signal, ...input } = options;
    const v = parseInput(QuotaUsageInput, input);
    const limit = v.pageSize ?? 100;
    for (let offset = 0; ; ) {
      const page = await this.#session.call(
        OPERATIONS.getQuotaUsage,
        {
          '@_domain': v.domain,
          '@_allServers': v.domain === undefined ? undefined : '1',
          '@_limit': limit,
          '@_offset': offset,
          '@_sortBy': v.sortBy,
          '@_sortAscending': v.sortAscending === undefined ? undefined : v.sortAscending ? '1' : '0',
        },
        [],
        { signal },
      );
      yield* page.rows;
      if (!page.more || page.rows.length === 0) return;
      offset += page.rows.length;
    }
  }

  /**
   * One page of the usage report at any offset, sorted on the server (a list screen reads only the rows it shows).
   * @throws ValidationError (e.g. field `limit`); ZimbraFault `account.NO_SUCH_DOMAIN`, `service.PERM_DENIED`.
   * @example
   * const { rows, total } = await admin.quota.page({
   *   domain: 'example.com', sortBy: 'percentUsed', offset: 200, limit: 100,
   * });
   */
  async page(options: QuotaPageInput & CallOptions): Promise<QuotaUsagePage> {
    const { signal, ...input } = options;
    const v = parseInput(QuotaPageInput, input);
    const page = await this.#session.call(
      OPERATIONS.getQuotaUsage,
      {
        '@_domain': v.domain,
        '@_allServers': v.domain === undefined ? undefined : '1',
        '@_limit': v.limit,
        '@_offset': v.offset,
        '@_sortBy': v.sortBy,
        '@_sortAscending': v.sortAscending === undefined ? undefined : v.sortAscending ? '1' : '0',
      },
      [],
      { signal },
    );
    return { rows: page.rows, total: page.total ?? v.offset + page.rows.length, more: page.more };
  }

  /**
   * One mailbox's usage (GetMailbox size) and quota (`zimbraMailQuota`).
   * @throws ValidationError; ZimbraFault `account.NO_SUCH_ACCOUNT`, `service.PERM_DENIED`.
   * @example
   * const { usedBytes, limitBytes } = await admin.quota.of('mario.rossi@example.com');
   */
  async of(ref: string, options: CallOptions = {}): Promise<MailboxQuota> {
    const account = await this.#lookups.account(parseInput(AccountRef, ref, 'ref'), options);
    const mailbox = await this.#session.call(
      OPERATIONS.getMailbox,
      { mbox: { '@_id': account.id } },
      [],
      options,
    );
    return { usedBytes: mailbox.sizeBytes, limitBytes: account.quotaBytes ?? 0 };
  }
}
