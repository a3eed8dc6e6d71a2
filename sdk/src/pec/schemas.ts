import { z } from 'zod';

/** `active`, `suspended` or `expired`: the status of a PEC domain or mailbox. */
export const PecStatusSchema = z.enum(['active', 'suspended', 'expired']);
/** `active`, `suspended` or `expired`: the status of a PEC domain or mailbox. */
export type PecStatus = z.infer<typeof PecStatusSchema>;

/** `201` of `POST /v1/sessions`. */
export const PecSessionSchema = z.object({
  /** The bearer token; the client keeps it in a #private field. */
  token: z.string().min(1),
  /** Always `Bearer`. */
  tokenType: z.literal('Bearer'),
  /** Seconds until the token expires (the client then logs in again once). */
  expiresIn: z.int().positive(),
  /** The PEC domain the session may act on. */
  domain: z.string().min(1),
  /** Who logged in. */
  principal: z.object({
    /** The postmaster's address. */
    address: z.string().includes('@'),
    /** Always `postmaster`: only postmasters may log in to pec-admin. */
    role: z.literal('postmaster'),
  }),
});
/** A pec-admin session as `POST /v1/sessions` returns it. */
export type PecSession = z.infer<typeof PecSessionSchema>;

/** `GET /v1/domain`: the PEC domain of the session. */
export const PecDomainSchema = z.object({
  /** The domain name, e.g. `pec.example.it`. */
  name: z.string().min(1),
  /** Whether the domain's contract is active. */
  status: PecStatusSchema,
  /** Mailboxes the domain holds now, the postmaster included. */
  mailboxCount: z.int().nonnegative(),
  /** Most mailboxes the domain may hold (postmaster included); null for no limit. */
  mailboxLimit: z.int().nonnegative().nullable(),
  /** The fixed quota of each mailbox, in bytes. */
  mailboxQuotaBytes: z.int().positive(),
});
/** The PEC domain of the session: status, count, limit and per-mailbox quota. */
export type PecDomain = z.infer<typeof PecDomainSchema>;

/** A PEC mailbox. `capabilities` say what the server will allow on it right now. */
export const PecMailboxSchema = z.object({
  /** The full address, e.g. `fatture@pec.example.it`. */
  address: z.string().includes('@'),
  /** The name before `@`, lower case. */
  localPart: z.string().min(1),
  /** `postmaster` for the domain's own mailbox, `user` for the others. */
  role: z.enum(['postmaster', 'user']),
  /** Whether the mailbox can be used. */
  status: PecStatusSchema,
  /** Quota and use, in bytes. */
  quota: z.object({
    /** The quota, in bytes. */
    limitBytes: z.int().nonnegative(),
    /** Bytes in use. */
    usedBytes: z.int().nonnegative(),
  }),
  /** When the mailbox was created (ISO 8601 with offset). */
  createdAt: z.iso.datetime({ offset: true }),
  /** What the server allows on this mailbox right now. */
  capabilities: z.object({
    /** `changePassword` is allowed. */
    changePassword: z.boolean(),
    /** `resetPassword` is allowed (never for the postmaster). */
    resetPassword: z.boolean(),
    /** `delete` is allowed (never for the postmaster). */
    delete: z.boolean(),
  }),
});
/** A PEC mailbox as pec-admin v1 returns it. */
export type PecMailbox = z.infer<typeof PecMailboxSchema>;

/** One page of `GET /v1/mailboxes`. */
export const PecMailboxPageSchema = z.object({
  /** The mailboxes of this page, sorted by local part. */
  items: z.array(PecMailboxSchema),
  /** The page number, from 1. */
  page: z.int().positive(),
  /** Mailboxes per page. */
  pageSize: z.int().positive(),
  /** Mailboxes matching the search across all pages. */
  total: z.int().nonnegative(),
});
/** One page of a mailbox search, with the total count. */
export type PecMailboxPage = z.infer<typeof PecMailboxPageSchema>;

/** `200` of `POST /v1/mailboxes/{mailbox}/password-reset`: shown once, never stored by the server. */
export const PecPasswordResetSchema = z.object({
  /** The new temporary password: show it once, never store or log it. */
  temporaryPassword: z.string().min(1),
  /** Whether the owner must choose a new password at the next login. */
  mustChangeAtNextLogin: z.boolean(),
});
/** The answer of a password reset: the temporary password, shown once. */
export type PecPasswordReset = z.infer<typeof PecPasswordResetSchema>;

/** One entry of an error's `details`: a failed rule of a field, or a warning. */
export const PecErrorDetailSchema = z.object({
  field: z.string().optional(),
  rule: z.string().optional(),
  message: z.string(),
});

/** The one error envelope of every status >= 400. */
export const PecErrorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string().min(1),
    message: z.string(),
    details: z.array(PecErrorDetailSchema).default([]),
    confirmWith: z.string().optional(),
  }),
  requestId: z.string().optional(),
});
