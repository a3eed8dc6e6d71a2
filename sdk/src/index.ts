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

// Zimbra: admin SOAP client, account (end-user) client, batch builders, password policy.
export type {
  Account,
  AccountStatus,
  AttrInput,
  Attrs,
  BatchItem,
  BatchOptions,
  BatchResult,
  BatchValue,
  ChangePasswordOptions,
  ConnectionOptions,
  Cos,
  CosLimit,
  CreateAccountInput,
  Domain,
  DomainCapacity,
  DomainStatus,
  MailboxQuota,
  ModifyAccountInput,
  PasswordRules,
  PolicyCountRule,
  PolicyOptions,
  PolicyRule,
  PolicyViolation,
  QuotaUsage,
  QuotaUsageInput,
  RawRequestOptions,
  SearchInput,
  SetPasswordResult,
  TypeCapacity,
  XmlBody,
  XmlScalar,
  ZimbraAdminOptions,
  ZimbraNamespace,
} from './zimbra/index.ts';
export {
  ACCOUNT_STATUSES,
  DOMAIN_STATUSES,
  PasswordPolicy,
  ZimbraAccount,
  ZimbraAdmin,
  zimbraBatch,
} from './zimbra/index.ts';
