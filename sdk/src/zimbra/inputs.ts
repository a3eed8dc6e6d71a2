// Input schemas: everything a caller passes is checked here before anything goes on the wire.
// A refinement names its rule with params.rule, which ValidationError reports as `rule`.
import { z } from 'zod';
import { MAX_RESPONSE_BYTES_CEILING } from '../http/read-within.ts';
import type { AttrInput } from './attrs.ts';
import { ACCOUNT_STATUSES } from './schemas.ts';
import type { ZimbraAttrsInput } from './typed-attrs.ts';
import { firstNonXmlChar } from './xml-chars.ts';

// Keys that would reach an object's prototype instead of becoming an entry.
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Refuses what would not come back as given: characters XML 1.0 cannot carry, and whitespace-only
 * text, which Zimbra drops when it parses a request (on modify that would remove the attribute).
 * `secret` leaves the offending character out of the message.
 */
function storable(secret = false) {
  return (value: string, ctx: z.RefinementCtx): void => {
    const bad = firstNonXmlChar(value);
    if (bad !== undefined) {
      const what = secret ? 'a character' : bad;
      ctx.addIssue({
        code: 'custom',
        message: `holds ${what} that XML 1.0 cannot carry (C0 controls but TAB/LF/CR, U+FFFE/U+FFFF, lone surrogates)`,
        params: { rule: 'xmlChar' },
      });
    } else if (value.length > 0 && value.trim() === '') {
      ctx.addIssue({
        code: 'custom',
        message: 'is only whitespace, which Zimbra drops on the way in',
        params: { rule: 'whitespaceOnly' },
      });
    }
  };
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DOMAIN = new RegExp(`^${LABEL}(?:\\.${LABEL})+$`);
// Zimbra lower-cases names and requires local@domain; the local part excludes what LDAP and SMTP cannot carry.
const ADDRESS = new RegExp(`^[A-Za-z0-9!#$%&'*+/=?^_\`{|}~.-]{1,64}@${LABEL}(?:\\.${LABEL})+$`);

/** True for a Zimbra id (UUID). */
export function isZimbraId(value: string): boolean {
  return UUID.test(value);
}

/** An email address, lower-cased as Zimbra stores it. */
export const Address = z
  .string()
  .trim()
  .refine((v) => ADDRESS.test(v), {
    message: 'must be an address like name@example.com',
    params: { rule: 'email' },
  })
  .transform((v) => v.toLowerCase());

/** A Zimbra id (UUID). */
export const ZimbraId = z
  .string()
  .refine((v) => UUID.test(v), { message: 'must be a Zimbra id (UUID)', params: { rule: 'uuid' } });

/** A domain name. */
export const DomainName = z
  .string()
  .trim()
  .refine((v) => DOMAIN.test(v), {
    message: 'must be a domain name like example.com',
    params: { rule: 'domain' },
  })
  .transform((v) => v.toLowerCase());

/** An account reference: its id or its address. */
export const AccountRef = z
  .string()
  .trim()
  .refine((v) => UUID.test(v) || ADDRESS.test(v), {
    message: 'must be an account id (UUID) or an address',
    params: { rule: 'accountRef' },
  });

/** A COS reference: its id or its name. */
export const CosRef = z
  .string()
  .trim()
  .min(1)
  .max(256)
  .refine((v) => !/[\u0000-\u001f]/.test(v), {
    message: 'no control characters',
    params: { rule: 'cosName' },
  });

/** A non-negative safe integer (bytes, limits). */
export const NonNegativeInt = z
  .number()
  .refine((n) => Number.isSafeInteger(n), { message: 'must be an integer', params: { rule: 'integer' } })
  .refine((n) => n >= 0, { message: 'must not be negative', params: { rule: 'nonNegative' } });

/** A password as given: the message never echoes it. */
export const Password = z
  .string({ error: 'must be a string' })
  .min(1, { error: 'must not be empty' })
  .max(1024, { error: 'is too long' })
  .superRefine(storable(true));

/** A person's name part (givenName, sn, displayName). */
const NamePart = z
  .string()
  .max(256)
  .refine((v) => !/[\u0000-\u001f]/.test(v), {
    message: 'no control characters',
    params: { rule: 'printable' },
  })
  .superRefine(storable());

const AttrName = /^[+-]?[A-Za-z][A-Za-z0-9-]*$/;
const AttrString = z.string().superRefine(storable());
const AttrValue: z.ZodType<AttrInput> = z.union([
  AttrString,
  z.number().refine(Number.isFinite),
  z.boolean(),
  z.array(AttrString),
]);

/** Extra attributes; names are LDAP attribute names (optionally `+`/`-` prefixed for Modify). */
export const ExtraAttrs = z
  .preprocess(
    (attrs, ctx) => {
      // Checked on the input: once copied into a plain object, `__proto__` would be gone unnoticed.
      if (attrs !== null && typeof attrs === 'object') {
        for (const name of Object.keys(attrs)) {
          if (PROTOTYPE_KEYS.has(name.replace(/^[+-]/, ''))) {
            ctx.addIssue({
              code: 'custom',
              message: 'is a JavaScript prototype key, not an attribute',
              path: [name],
              params: { rule: 'prototypeKey' },
              input: attrs,
            });
          }
        }
      }
      return attrs;
    },
    z.record(z.string(), AttrValue),
  )
  .superRefine((attrs, ctx) => {
    for (const name of Object.keys(attrs)) {
      if (!AttrName.test(name)) {
        ctx.addIssue({
          code: 'custom',
          message: 'not an attribute name',
          path: [name],
          params: { rule: 'attrName' },
        });
      }
      if (/^[+-]?(userPassword|zimbraId)$/i.test(name)) {
        ctx.addIssue({
          code: 'custom',
          message: 'set through its own operation',
          path: [name],
          params: { rule: 'reservedAttr' },
        });
      }
    }
  });

/** Fields of `accounts.create`. */
export const CreateAccountInput = z.strictObject({
  name: Address,
  password: Password,
  givenName: NamePart.optional(),
  sn: NamePart.optional(),
  displayName: NamePart.optional(),
  cos: CosRef.optional(),
  quotaBytes: NonNegativeInt.optional(),
  attrs: ExtraAttrs.optional(),
  /** Attributes Zimbra does not define, checked like `attrs` (names, reserved names, XML text). */
  extraAttrs: ExtraAttrs.optional(),
});
/**
 * Fields of `accounts.create`. `attrs` takes the attributes Zimbra defines, typed by name
 * ({@link ZimbraAttrsInput}); `extraAttrs` takes any other name (schema extensions), untyped.
 */
export type CreateAccountInput = Omit<z.input<typeof CreateAccountInput>, 'attrs' | 'extraAttrs'> & {
  /** Attributes Zimbra defines, each with the value type of its kind. */
  readonly attrs?: ZimbraAttrsInput | undefined;
  /** Attributes Zimbra does not define (schema extensions), untyped; a name also in `attrs` is refused. */
  readonly extraAttrs?: Readonly<Record<string, AttrInput>> | undefined;
};

/** Fields of `accounts.modify`. */
export const ModifyAccountInput = z.strictObject({
  givenName: NamePart.optional(),
  sn: NamePart.optional(),
  displayName: NamePart.optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  cos: CosRef.optional(),
  quotaBytes: NonNegativeInt.optional(),
  attrs: ExtraAttrs.optional(),
  /** Attributes Zimbra does not define, checked like `attrs` (names, reserved names, XML text). */
  extraAttrs: ExtraAttrs.optional(),
});
/**
 * Fields of `accounts.modify`: `attrs` typed by Zimbra's attribute names ({@link ZimbraAttrsInput},
 * `+name`/`-name` included), `extraAttrs` for names Zimbra does not define.
 */
export type ModifyAccountInput = Omit<z.input<typeof ModifyAccountInput>, 'attrs' | 'extraAttrs'> & {
  /** Attributes Zimbra defines, each with the value type of its kind. */
  readonly attrs?: ZimbraAttrsInput | undefined;
  /** Attributes Zimbra does not define (schema extensions), untyped; a name also in `attrs` is refused. */
  readonly extraAttrs?: Readonly<Record<string, AttrInput>> | undefined;
};

/** A new account status for `accounts.setStatus`. */
export const AccountStatusInput = z.enum(ACCOUNT_STATUSES);

/**
 * Fields of `accounts.setForwarding`. Zimbra keeps the addresses in one comma-separated attribute
 * (`zimbraPrefMailForwardingAddress`, at most 4096 characters), so each address is checked here.
 */
export const ForwardingInput = z
  .strictObject({
    /** Where mail is forwarded; an empty list removes forwarding addresses. */
    addresses: z.array(Address).max(256).readonly(),
    /** `zimbraFeatureMailForwardingEnabled`: whether the account may forward at all. */
    enabled: z.boolean(),
    /** Keep a copy in the mailbox (`zimbraPrefMailLocalDeliveryDisabled` is its negation). */
    keepCopy: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.addresses.join(',').length > 4096) {
      ctx.addIssue({
        code: 'custom',
        message: 'together exceed the 4096 characters Zimbra stores',
        path: ['addresses'],
        params: { rule: 'maxLength' },
      });
    }
    if (new Set(v.addresses).size !== v.addresses.length) {
      ctx.addIssue({
        code: 'custom',
        message: 'name the same address twice',
        path: ['addresses'],
        params: { rule: 'unique' },
      });
    }
  });
export type ForwardingInput = z.input<typeof ForwardingInput>;

/** Options of `accounts.search`. */
export const SearchInput = z.strictObject({
  domain: DomainName.optional(),
  /** An LDAP filter, e.g. `(displayName=*rossi*)`. */
  query: z.string().max(4096).optional(),
  pageSize: z.number().int().min(1).max(5000).optional(),
  /** Only these attributes (fewer bytes on big domains). */
  attrs: z.array(z.string().regex(AttrName)).optional(),
  /** Zimbra's cap on matched entries; 0 = no cap (the SDK's default, so paging a big domain works). */
  maxResults: NonNegativeInt.optional(),
});
export type SearchInput = z.input<typeof SearchInput>;

/** Options of `accounts.page`: one window of a directory search. */
export const PageInput = z.strictObject({
  domain: DomainName.optional(),
  /** An LDAP filter, e.g. `(displayName=*rossi*)`. */
  query: z.string().max(4096).optional(),
  /** Entries to skip. */
  offset: NonNegativeInt,
  /** Entries in the page. */
  limit: z.number().int().min(1).max(5000),
  /** Only these attributes (fewer bytes on big domains). */
  attrs: z.array(z.string().regex(AttrName)).optional(),
  /** An attribute to sort by; `name` (the address) by default. */
  sortBy: z
    .string()
    .refine((v) => /^[A-Za-z][A-Za-z0-9-]*$/.test(v), {
      message: 'must be an attribute name',
      params: { rule: 'attrName' },
    })
    .optional(),
  sortAscending: z.boolean().optional(),
  /** Zimbra's cap on matched entries; 0 = no cap (the default). */
  maxResults: NonNegativeInt.optional(),
});
export type PageInput = z.input<typeof PageInput>;

/** Options of `quota.usage`. */
export const QuotaUsageInput = z.strictObject({
  domain: DomainName.optional(),
  sortBy: z.enum(['percentUsed', 'totalUsed', 'quotaLimit']).optional(),
  sortAscending: z.boolean().optional(),
  pageSize: z.number().int().min(1).max(5000).optional(),
});
export type QuotaUsageInput = z.input<typeof QuotaUsageInput>;

/** Options of `quota.page`: one GetQuotaUsage page at any offset. */
export const QuotaPageInput = z.strictObject({
  /** Only this domain's mailboxes (without it: every mailbox, global admins only). */
  domain: DomainName.optional(),
  /** The server's order; Zimbra's default is `totalUsed`. */
  sortBy: z.enum(['percentUsed', 'totalUsed', 'quotaLimit']).optional(),
  /** Least first; Zimbra's default is largest first. */
  sortAscending: z.boolean().optional(),
  /** Rows to skip. */
  offset: NonNegativeInt,
  /** Rows in the page. */
  limit: z.number().int().min(1).max(5000),
});
export type QuotaPageInput = z.input<typeof QuotaPageInput>;

/** A raw request name such as `GetVersionInfoRequest`. */
export const RequestName = z.string().refine((v) => /^[A-Z][A-Za-z0-9]*Request$/.test(v), {
  message: 'must be a request element name like GetVersionInfoRequest',
  params: { rule: 'requestName' },
});

/** Where and as whom to connect; other connection options pass through untouched. */
export const ConnectionInput = z.object({
  url: z
    .string()
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
      message: 'must be an http(s) URL like https://mail.example.com:7071',
      params: { rule: 'url' },
    })
    .refine((v) => !URL.canParse(v) || (new URL(v).username === '' && new URL(v).password === ''), {
      message: 'must not carry credentials',
      params: { rule: 'noCredentials' },
    })
    .transform((v) => v.replace(/\/+$/, '')),
  username: z
    .string()
    .trim()
    .min(1)
    .max(256)
    .refine((v) => !/[\s\u0000-\u001f]/.test(v), { message: 'no spaces', params: { rule: 'username' } }),
  password: Password,
  timeoutMs: z.number().int().min(1).max(2_147_483_647).optional(),
  retries: z.number().int().min(0).max(10).optional(),
  retryDelayMs: z.number().int().min(0).max(60_000).optional(),
  maxResponseBytes: z.number().int().min(1024).max(MAX_RESPONSE_BYTES_CEILING).optional(),
  cacheTtlMs: z.number().int().min(0).optional(),
  wire: z.enum(['xml', 'json']).optional(),
  insecureSkipTlsVerify: z.boolean().optional(),
  ca: z.union([z.string(), z.instanceof(Buffer)]).optional(),
  hooks: z
    .strictObject({
      beforeRequest: z.function().optional(),
      afterResponse: z.function().optional(),
    })
    .optional(),
  fetch: z.function().optional(),
  signal: z.instanceof(AbortSignal).optional(),
});
