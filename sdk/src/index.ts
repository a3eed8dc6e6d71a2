// Hand-written entry point: explicit named exports, types in their own block.

export type { FaultArgument, FaultSide, PecErrorDetail, ValidationIssue } from './errors/index.ts';
export {
  CasellaError,
  isCasellaError,
  isPecApiError,
  isValidationError,
  isZimbraFault,
  PecApiError,
  ResponseValidationError,
  TimeoutError,
  TransportError,
  ValidationError,
  ZimbraFault,
} from './errors/index.ts';

// PEC postmaster (pec-admin v1): the client, its offline validators and its error codes.
export type {
  CreatePecMailboxInput,
  PecDeleteWarning,
  PecDomain,
  PecErrorCode,
  PecLoginOptions,
  PecMailbox,
  PecMailboxes,
  PecMailboxPage,
  PecPasswordInput,
  PecPasswordPolicy,
  PecPasswordReset,
  PecPasswordRules,
  PecRetryOptions,
  PecSearchInput,
  PecStatus,
} from './pec/index.ts';
export {
  checkPecPassword,
  DEFAULT_PEC_PASSWORD_POLICY,
  PEC_ERROR_CODES,
  PEC_ERROR_STATUS,
  PecPostmaster,
  validateLocalPart,
} from './pec/index.ts';
