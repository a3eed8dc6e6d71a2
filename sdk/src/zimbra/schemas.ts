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
  /** `zimbraMailAlias`: the other addresses that deliver to this mailbox (empty when none). */
  readonly aliases: readonly string[];
  /** Mail forwarding as the account has it set. */
  readonly forwarding: Forwarding;
  readonly attrs: Attrs;
}

/** An account's mail forwarding, read from its attributes. */
export interface Forwarding {
  /** `zimbraPrefMailForwardingAddress`, split at its commas (empty when none). */
  readonly addresses: readonly string[];
  /** `zimbraFeatureMailForwardingEnabled`; undefined only when a search asked for other attributes. */
  readonly enabled: boolean | undefined;
  /** False when `zimbraPrefMailLocalDeliveryDisabled` is TRUE: forwarded mail is not kept. */
  readonly keepCopy: boolean;
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

// Scalars arrive as strings in XML and as JSON strings, numbers or booleans in JSON; an element's
// text as a plain string (XML), `{ _content }` or a one-item list of it (JSON).
const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const content = z.object({ _content: scalar.optional() }).transform((o) => o._content ?? '');

/** Text of an attribute or a one-text element in either wire's form. */
export const text = z
  .union([scalar, content, z.tuple([z.union([scalar, content])])])
  .transform((v) => (Array.isArray(v) ? v[0] : v));

const bool = text.transform((v, ctx) => {
  const b = toBoolean(v);
  if (b === undefined) ctx.addIssue({ code: 'custom', message: `not a boolean: ${v}` });
  return b ?? false;
});

/** A non-negative decimal integer (bytes, counts, totals). */
const count = text.transform((v, ctx) => {
  const n = toInteger(v);
  if (n === undefined || n < 0) ctx.addIssue({ code: 'custom', message: `not a count: ${v}` });
  return n ?? 0;
});

/** One child element: an object in XML, a one-item list in JSON. */
function one<T>(schema: z.ZodType<T>) {
  return z.union([schema, z.tuple([schema])]).transform((v) => (Array.isArray(v) ? (v[0] as T) : (v as T)));
}

/** A directory entry (`<account|domain|cos name id>` with its `<a n>` list), read by hand: per entry it is
 * the hot path of a 10,000-account search, where a zod object per attribute costs more than the parse. */
interface Entry {
  readonly name: string;
  readonly id: string;
  readonly attrs: Attrs;
  readonly element: Readonly<Record<string, unknown>>;
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

type Ctx = z.RefinementCtx;
type Path = readonly (string | number)[];

function entryOf(value: unknown, ctx: Ctx, at: Path): Entry | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'not an element', path: [...at] });
    return undefined;
  }
  const e = value as Record<string, unknown>;
  if (typeof e.name !== 'string' || typeof e.id !== 'string') {
    ctx.addIssue({
      code: 'custom',
      message: 'name and id must be text',
      path: [...at, typeof e.name === 'string' ? 'id' : 'name'],
    });
    return z.NEVER;
  }
  const attrs: Record<string, string | string[]> = Object.create(null);
  const list = e.a;
  if (list !== undefined && !Array.isArray(list)) {
    ctx.addIssue({ code: 'custom', message: 'not a list', path: [...at, 'a'] });
    return undefined;
  }
  for (const [i, item] of (list ?? []).entries()) {
    const a = item as Record<string, unknown> | null;
    const content = a?._content;
    if (
      a === null ||
      typeof a !== 'object' ||
      typeof a.n !== 'string' ||
      !(content === undefined || isScalar(content))
    ) {
      ctx.addIssue({ code: 'custom', message: 'not an <a n> attribute', path: [...at, 'a', i] });
      return undefined;
    }
    // pd="1": a delegated admin may not read this attribute; the value is withheld.
    if (a.pd !== undefined && isScalar(a.pd) && toBoolean(String(a.pd))) continue;
    const v = content === undefined ? '' : String(content);
    const prev = attrs[a.n];
    if (prev === undefined) attrs[a.n] = v;
    else if (Array.isArray(prev)) prev.push(v);
    else attrs[a.n] = [prev, v];
  }
  return { name: e.name, id: e.id, attrs, element: e };
}

/** A schema for one entry element, mapped by `map`. */
function element<T>(map: (e: Entry, ctx: Ctx, at: Path) => T) {
  return z.unknown().transform((value, ctx): T => {
    const e = entryOf(value, ctx, []);
    return e === undefined ? z.NEVER : map(e, ctx, []);
  });
}

/** A schema for a list of entry elements, mapped by `map` in one loop (no schema object per entry). */
function entries<T>(map: (e: Entry, ctx: Ctx, at: Path) => T) {
  return z.unknown().transform((value, ctx): T[] => {
    if (!Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: 'not a list' });
      return z.NEVER;
    }
    const out: T[] = [];
    for (let i = 0; i < value.length; i++) {
      const e = entryOf(value[i], ctx, [i]);
      if (e !== undefined) out.push(map(e, ctx, [i]));
    }
    return out;
  });
}

function oneOf<T extends string>(values: readonly T[], v: string | undefined): v is T | undefined {
  return v === undefined || (values as readonly string[]).includes(v);
}

/** Maps an `<account name id>` element with its attributes. */
function toAccount(e: Entry, ctx: Ctx, at: Path): Account {
  const attrs = e.attrs;
  const status = attrString(attrs, 'zimbraAccountStatus');
  if (!oneOf(ACCOUNT_STATUSES, status)) {
    ctx.addIssue({ code: 'custom', message: `unknown zimbraAccountStatus ${status}`, path: [...at, 'a'] });
  }
  return {
    id: e.id,
    name: e.name,
    givenName: attrString(attrs, 'givenName'),
    sn: attrString(attrs, 'sn'),
    displayName: attrString(attrs, 'displayName'),
    status: status as AccountStatus | undefined,
    cosId: attrString(attrs, 'zimbraCOSId'),
    quotaBytes: attrInteger(attrs, 'zimbraMailQuota'),
    isAdmin: attrBoolean(attrs, 'zimbraIsAdminAccount') ?? false,
    isDelegatedAdmin: attrBoolean(attrs, 'zimbraIsDelegatedAdminAccount') ?? false,
    createdAt: attrDate(attrs, 'zimbraCreateTimestamp'),
    aliases: attrValues(attrs, 'zimbraMailAlias'),
    forwarding: {
      addresses: attrValues(attrs, 'zimbraPrefMailForwardingAddress')
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter((v) => v !== ''),
      enabled: attrBoolean(attrs, 'zimbraFeatureMailForwardingEnabled'),
      keepCopy: attrBoolean(attrs, 'zimbraPrefMailLocalDeliveryDisabled') !== true,
    },
    attrs,
  };
}

/** Parses `cosId:max` values; a malformed one is reported (Zimbra itself refuses them on write). */
function cosLimits(values: readonly string[], ctx: Ctx, at: Path): CosLimit[] {
  return values.flatMap((v) => {
    const [cosId, max, extra] = v.split(':');
    const n = max === undefined ? undefined : toInteger(max);
    if (!cosId || n === undefined || n < 0 || extra !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `bad zimbraDomainCOSMaxAccounts value ${v}`,
        path: [...at, 'a'],
      });
      return [];
    }
    return [{ cosId, max: n }];
  });
}

/** A `<domain name id>` element. */
function toDomain(e: Entry, ctx: Ctx, at: Path): Domain {
  const attrs = e.attrs;
  const status = attrString(attrs, 'zimbraDomainStatus');
  if (!oneOf(DOMAIN_STATUSES, status)) {
    ctx.addIssue({ code: 'custom', message: `unknown zimbraDomainStatus ${status}`, path: [...at, 'a'] });
  }
  return {
    id: e.id,
    name: e.name,
    status: status as DomainStatus | undefined,
    maxAccounts: attrInteger(attrs, 'zimbraDomainMaxAccounts'),
    cosLimits: cosLimits(attrValues(attrs, 'zimbraDomainCOSMaxAccounts'), ctx, at),
    defaultCosId: attrString(attrs, 'zimbraDomainDefaultCOSId'),
    attrs,
  };
}

/** A `<cos name id [isDefaultCos]>` element. */
function toCos(e: Entry, ctx: Ctx, at: Path): Cos {
  const flag = e.element.isDefaultCos;
  const isDefault = flag === undefined ? false : isScalar(flag) ? toBoolean(String(flag)) : undefined;
  if (isDefault === undefined)
    ctx.addIssue({
      code: 'custom',
      message: `not a boolean: ${String(flag)}`,
      path: [...at, 'isDefaultCos'],
    });
  return {
    id: e.id,
    name: e.name,
    isDefault: isDefault ?? false,
    quotaBytes: attrInteger(e.attrs, 'zimbraMailQuota'),
    attrs: e.attrs,
  };
}

/** An `<account name id>` element with its attributes. */
export const AccountElement = element(toAccount);
/** A `<domain name id>` element. */
export const DomainElement = element(toDomain);
/** A `<cos name id [isDefaultCos]>` element. */
export const CosElement = element(toCos);

function single<T>(schema: z.ZodType<T>, key: string) {
  return z.object({ [key]: z.array(schema).length(1) }).transform((o) => (o[key] as T[])[0] as T);
}

/** AuthResponse (admin and account namespaces): the token and its lifetime in ms. */
export const AuthResponse = z
  .object({ authToken: text, lifetime: count.optional() })
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
    more: bool.optional(),
    searchTotal: count.optional(),
    num: count.optional(),
    account: entries(toAccount).optional(),
  })
  .transform((o) => ({
    accounts: o.account ?? [],
    more: o.more ?? false,
    total: o.searchTotal ?? o.num,
  }));

/** GetQuotaUsageResponse: a page of usage rows. */
export const QuotaUsageResponse = z
  .object({
    more: bool.optional(),
    searchTotal: count.optional(),
    account: z
      .array(
        z.object({ name: z.string(), id: z.string(), used: count, limit: count }).transform(
          (a): QuotaUsage => ({
            name: a.name,
            id: a.id,
            usedBytes: a.used,
            limitBytes: a.limit,
          }),
        ),
      )
      .optional(),
  })
  .transform((o) => ({ rows: o.account ?? [], more: o.more ?? false, total: o.searchTotal }));

/** GetMailboxResponse: the mailbox size in bytes. */
export const MailboxResponse = z
  .object({ mbox: one(z.object({ mbxid: scalar.optional(), s: count })) })
  .transform((o) => ({ sizeBytes: o.mbox.s }));

/** GetDomain/ModifyDomainResponse: one domain. */
export const OneDomainResponse = single(DomainElement, 'domain');
/** GetAllDomainsResponse. */
export const DomainListResponse = z
  .object({ domain: entries(toDomain).optional() })
  .transform((o) => o.domain ?? []);

/** GetCosResponse: one COS. */
export const OneCosResponse = single(CosElement, 'cos');
/** GetAllCosResponse. */
export const CosListResponse = z.object({ cos: entries(toCos).optional() }).transform((o) => o.cos ?? []);

/** CountAccountResponse: accounts per effective COS (COSes with none are left out). */
export const CountAccountResponse = z
  .object({
    cos: z
      .array(
        z
          .object({ id: z.string(), name: z.string(), _content: count })
          .transform((c) => ({ id: c.id, name: c.name, count: c._content })),
      )
      .optional(),
  })
  .transform((o) => o.cos ?? []);

/** ChangePasswordResponse (account namespace): a fresh token, left out on a dry run. */
export const ChangePasswordResponse = z
  .object({ authToken: text.optional(), lifetime: count.optional() })
  .transform((o) => ({ authToken: o.authToken, lifetimeMs: o.lifetime }));

/** Any element, untouched: the raw escape hatch's default. */
export const AnyElement = z.record(z.string(), z.unknown());
