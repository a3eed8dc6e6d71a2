// The PEC postmaster client (pec-admin v1) and its offline validators.

export { DEFAULT_MAX_RESPONSE_BYTES } from '../http/read-within.ts';
export type { PecCallOptions } from './call-options.ts';
export type { PecLoginOptions } from './client.ts';
export { PecPostmaster } from './client.ts';
export type { PecErrorCode } from './codes.ts';
export { PEC_ERROR_CODES, PEC_ERROR_STATUS } from './codes.ts';
export type { PecHooks, PecRequestEvent, PecResponseEvent } from './hooks.ts';
export type { PecRetryOptions } from './http.ts';
export {
  LOCAL_PART_LENGTH,
  normalizeLocalPart,
  RESERVED_LOCAL_PARTS,
  validateLocalPart,
} from './local-part.ts';
export type {
  CreatePecMailboxInput,
  CreatePecMailboxOptions,
  PecDeleteOptions,
  PecDeleteWarning,
  PecMailboxes,
  PecPasswordInput,
  PecSearchInput,
} from './mailboxes.ts';
export type { PecPasswordPolicy, PecPasswordRules } from './policy.ts';
export { checkPecPassword, DEFAULT_PEC_PASSWORD_POLICY, passwordRules } from './policy.ts';
export type {
  PecDomain,
  PecMailbox,
  PecMailboxPage,
  PecPasswordReset,
  PecSession,
  PecStatus,
} from './schemas.ts';
export {
  PecDomainSchema,
  PecMailboxPageSchema,
  PecMailboxSchema,
  PecPasswordResetSchema,
  PecSessionSchema,
} from './schemas.ts';
