import { z } from 'zod';

/** `active`, `suspended` or `expired`: the status of a PEC domain or mailbox. */
export const PecStatusSchema = z.enum(['active', 'suspended', 'expired']);
export type PecStatus = z.infer<typeof PecStatusSchema>;

/** `201` of `POST /v1/sessions`. */
export const PecSessionSchema = z.object({
  token: z.string().min(1),
  tokenType: z.literal('Bearer'),
  expiresIn: z.int().positive(),
  domain: z.string().min(1),
  principal: z.object({ address: z.string().includes('@'), role: z.literal('postmaster') }),
});
export type PecSession = z.infer<typeof PecSessionSchema>;

/** `GET /v1/domain`: the PEC domain of the session. */
export const PecDomainSchema = z.object({
  name: z.string().min(1),
  status: PecStatusSchema,
  mailboxCount: z.int().nonnegative(),
  /** Most mailboxes the domain may hold (postmaster included); null for no limit. */
  mailboxLimit: z.int().nonnegative().nullable(),
  mailboxQuotaBytes: z.int().positive(),
});
export type PecDomain = z.infer<typeof PecDomainSchema>;

/** A PEC mailbox. `capabilities` say what the server will allow on it right now. */
export const PecMailboxSchema = z.object({
  address: z.string().includes('@'),
  localPart: z.string().min(1),
  role: z.enum(['postmaster', 'user']),
  status: PecStatusSchema,
  quota: z.object({ limitBytes: z.int().nonnegative(), usedBytes: z.int().nonnegative() }),
  createdAt: z.iso.datetime({ offset: true }),
  capabilities: z.object({ changePassword: z.boolean(), resetPassword: z.boolean(), delete: z.boolean() }),
});
export type PecMailbox = z.infer<typeof PecMailboxSchema>;

/** One page of `GET /v1/mailboxes`. */
export const PecMailboxPageSchema = z.object({
  items: z.array(PecMailboxSchema),
  page: z.int().positive(),
  pageSize: z.int().positive(),
  total: z.int().nonnegative(),
});
export type PecMailboxPage = z.infer<typeof PecMailboxPageSchema>;

/** `200` of `POST /v1/mailboxes/{mailbox}/password-reset`: shown once, never stored by the server. */
export const PecPasswordResetSchema = z.object({
  temporaryPassword: z.string().min(1),
  mustChangeAtNextLogin: z.boolean(),
});
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
