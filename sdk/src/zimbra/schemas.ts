// Response shapes, checked at the edge. Each schema reads fast-xml-parser's raw element and maps it
// to the SDK's type in one step, so a server surprise is a ResponseValidationError, never a stray undefined.
import { z } from 'zod';
import {
  type Attrs,
  attrBoolean,
  attrDate,
  attrInteger,
  attrString,
  attrValues,
  collectAttrs,
  toBoolean,
  toInteger,
} from './attrs.ts';

/** `zimbraAccountStatus` values. */
export const ACCOUNT_STATUSES = ['active', 'maintenance', 'locked', 'closed', 'lockout', 'pending'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** `zimbraDomainStatus` values. */
export const DOMAIN_STATUSES = [
  'active',
  'maintenance',
  'locked',
  'closed',
  'suspended',
  'shutdown',
] as const;
export type DomainStatus = (typeof DOMAIN_STATUSES)[number];

/** A Zimbra account (mailbox), with the attributes Casella uses typed and every attribute in `attrs`. */
export interface Account {
  readonly id: string;
  readonly name: string;
  readonly givenName: string | undefined;
  readonly sn: string | undefined;
  readonly displayName: string | undefined;
  /** `zimbraAccountStatus`; undefined only when a search asked for other attributes. */
  readonly status: AccountStatus | undefined;
  /** `zimbraCOSId`: the explicit class of service; undefined means the domain's default COS. */
  readonly cosId: string | undefined;
  /** `zimbraMailQuota` in bytes, 0 = unlimited. */
  readonly quotaBytes: number | undefined;
  readonly isAdmin: boolean;
  readonly isDelegatedAdmin: boolean;
  readonly createdAt: Date | undefined;
  readonly attrs: Attrs;
}

/** One `zimbraDomainCOSMaxAccounts` value: at most `max` accounts of COS `cosId` in the domain. */
export interface CosLimit {
  readonly cosId: string;
  readonly max: number;
}

/** A mail domain. */
export interface Domain {
  readonly id: string;
  readonly name: string;
  /** `zimbraDomainStatus` (the panel's "service active"). */
  readonly status: DomainStatus | undefined;
  /** `zimbraDomainMaxAccounts`; undefined = no domain-wide limit. */
  readonly maxAccounts: number | undefined;
  /** `zimbraDomainCOSMaxAccounts`, parsed. */
  readonly cosLimits: readonly CosLimit[];
  /** `zimbraDomainDefaultCOSId`. */
  readonly defaultCosId: string | undefined;
  readonly attrs: Attrs;
}

/** A class of service (the panel's mailbox type, e.g. Standard, Professional). */
export interface Cos {
  readonly id: string;
  readonly name: string;
  readonly isDefault: boolean;
  /** `zimbraMailQuota` in bytes, 0 = unlimited. */
  readonly quotaBytes: number | undefined;
  readonly attrs: Attrs;
}

/** One row of GetQuotaUsage. */
export interface QuotaUsage {
  readonly name: string;
  readonly id: string;
  readonly usedBytes: number;
  /** Effective quota in bytes; 0 = unlimited. */
  readonly limitBytes: number;
}

const text = z.union([
  z.string(),
  z.object({ '#text': z.string().optional() }).transform((o) => o['#text'] ?? ''),
]);

/** A protocol boolean attribute (`1`/`0`, `true`/`false`). */
const bool = z.string().transform((v, ctx) => {
  const b = toBoolean(v);
  if (b === undefined) ctx.addIssue({ code: 'custom', message: `not a boolean: ${v}` });
  return b ?? false;
});

/** A non-negative decimal integer (bytes, counts, totals). */
const count = z.string().transform((v, ctx) => {
  const n = toInteger(v);
  if (n === undefined || n < 0) ctx.addIssue({ code: 'custom', message: `not a count: ${v}` });
  return n ?? 0;
});

const rawAttr = z.object({
  '@_n': z.string(),
  '#text': z.string().optional(),
  '@_pd': z.string().optional(),
});

const rawEntry = z.object({ '@_name': z.string(), '@_id': z.string(), a: z.array(rawAttr).optional() });

function oneOf<T extends string>(values: readonly T[], v: string | undefined): v is T | undefined {
  return v === undefined || (values as readonly string[]).includes(v);
}

/** An `<account name id>` element with its attributes. */
export const AccountElement = rawEntry.transform((e, ctx): Account => {
  const attrs = collectAttrs(e.a);
  const status = attrString(attrs, 'zimbraAccountStatus');
  if (!oneOf(ACCOUNT_STATUSES, status)) {
    ctx.addIssue({ code: 'custom', message: `unknown zimbraAccountStatus ${status}`, path: ['a'] });
  }
  return {
    id: e['@_id'],
    name: e['@_name'],
    givenName: attrString(attrs, 'givenName'),
    sn: attrString(attrs, 'sn'),
    displayName: attrString(attrs, 'displayName'),
    status: status as AccountStatus | undefined,
    cosId: attrString(attrs, 'zimbraCOSId'),
    quotaBytes: attrInteger(attrs, 'zimbraMailQuota'),
    isAdmin: attrBoolean(attrs, 'zimbraIsAdminAccount') ?? false,
    isDelegatedAdmin: attrBoolean(attrs, 'zimbraIsDelegatedAdminAccount') ?? false,
    createdAt: attrDate(attrs, 'zimbraCreateTimestamp'),
    attrs,
  };
});

/** Parses `cosId:max` values; a malformed one is reported (Zimbra itself refuses them on write). */
function cosLimits(values: readonly string[], ctx: z.RefinementCtx): CosLimit[] {
  return values.flatMap((v) => {
    const [cosId, max, extra] = v.split(':');
    const n = max === undefined ? undefined : toInteger(max);
    if (!cosId || n === undefined || n < 0 || extra !== undefined) {
      ctx.addIssue({ code: 'custom', message: `bad zimbraDomainCOSMaxAccounts value ${v}` });
      return [];
    }
    return [{ cosId, max: n }];
  });
}

/** A `<domain name id>` element. */
export const DomainElement = rawEntry.transform((e, ctx): Domain => {
  const attrs = collectAttrs(e.a);
  const status = attrString(attrs, 'zimbraDomainStatus');
  if (!oneOf(DOMAIN_STATUSES, status)) {
    ctx.addIssue({ code: 'custom', message: `unknown zimbraDomainStatus ${status}`, path: ['a'] });
  }
  return {
    id: e['@_id'],
    name: e['@_name'],
    status: status as DomainStatus | undefined,
    maxAccounts: attrInteger(attrs, 'zimbraDomainMaxAccounts'),
    cosLimits: cosLimits(attrValues(attrs, 'zimbraDomainCOSMaxAccounts'), ctx),
    defaultCosId: attrString(attrs, 'zimbraDomainDefaultCOSId'),
    attrs,
  };
});

/** A `<cos name id [isDefaultCos]>` element. */
export const CosElement = rawEntry.extend({ '@_isDefaultCos': bool.optional() }).transform((e): Cos => {
  const attrs = collectAttrs(e.a);
  return {
    id: e['@_id'],
    name: e['@_name'],
    isDefault: e['@_isDefaultCos'] ?? false,
    quotaBytes: attrInteger(attrs, 'zimbraMailQuota'),
    attrs,
  };
});

function single<T>(schema: z.ZodType<T>, key: string) {
  return z.object({ [key]: z.array(schema).length(1) }).transform((o) => (o[key] as T[])[0] as T);
}

/** AuthResponse (admin and account namespaces): the token and its lifetime in ms. */
export const AuthResponse = z
  .object({ authToken: text, lifetime: text.pipe(count).optional() })
  .transform((o) => ({ authToken: o.authToken, lifetimeMs: o.lifetime }));

/** Create/Get/Modify/RenameAccountResponse: one account. */
export const OneAccountResponse = single(AccountElement, 'account');

/** SetPasswordResponse: an optional `<message>` when the policy was bypassed. */
export const SetPasswordResponse = z
  .object({ message: text.optional() })
  .transform((o) => (o.message ? { warning: o.message } : {}));

/** A response with nothing in it, e.g. DeleteAccountResponse. */
export const EmptyResponse = z.object({}).transform(() => undefined);

/** SearchDirectoryResponse: a page of accounts, or `num` for countOnly. */
export const SearchDirectoryResponse = z
  .object({
    '@_more': bool.optional(),
    '@_searchTotal': count.optional(),
    '@_num': count.optional(),
    account: z.array(AccountElement).optional(),
  })
  .transform((o) => ({
    accounts: o.account ?? [],
    more: o['@_more'] ?? false,
    total: o['@_searchTotal'] ?? o['@_num'],
  }));

/** GetQuotaUsageResponse: a page of usage rows. */
export const QuotaUsageResponse = z
  .object({
    '@_more': bool.optional(),
    '@_searchTotal': count.optional(),
    account: z
      .array(
        z.object({ '@_name': z.string(), '@_id': z.string(), '@_used': count, '@_limit': count }).transform(
          (a): QuotaUsage => ({
            name: a['@_name'],
            id: a['@_id'],
            usedBytes: a['@_used'],
            limitBytes: a['@_limit'],
          }),
        ),
      )
      .optional(),
  })
  .transform((o) => ({ rows: o.account ?? [], more: o['@_more'] ?? false, total: o['@_searchTotal'] }));

/** GetMailboxResponse: the mailbox size in bytes. */
export const MailboxResponse = z
  .object({ mbox: z.object({ '@_mbxid': z.string().optional(), '@_s': count }) })
  .transform((o) => ({ sizeBytes: o.mbox['@_s'] }));

/** GetDomain/ModifyDomainResponse: one domain. */
export const OneDomainResponse = single(DomainElement, 'domain');
/** GetAllDomainsResponse. */
export const DomainListResponse = z
  .object({ domain: z.array(DomainElement).optional() })
  .transform((o) => o.domain ?? []);

/** GetCosResponse: one COS. */
export const OneCosResponse = single(CosElement, 'cos');
/** GetAllCosResponse. */
export const CosListResponse = z
  .object({ cos: z.array(CosElement).optional() })
  .transform((o) => o.cos ?? []);

/** CountAccountResponse: accounts per effective COS (COSes with none are left out). */
export const CountAccountResponse = z
  .object({
    cos: z
      .array(
        z
          .object({ '@_id': z.string(), '@_name': z.string(), '#text': count })
          .transform((c) => ({ id: c['@_id'], name: c['@_name'], count: c['#text'] })),
      )
      .optional(),
  })
  .transform((o) => o.cos ?? []);

/** ChangePasswordResponse (account namespace): a fresh token, left out on a dry run. */
export const ChangePasswordResponse = z
  .object({ authToken: text.optional(), lifetime: text.pipe(count).optional() })
  .transform((o) => ({ lifetimeMs: o.lifetime }));

/** Any element, untouched: the raw escape hatch's default. */
export const AnyElement = z.record(z.string(), z.unknown());
