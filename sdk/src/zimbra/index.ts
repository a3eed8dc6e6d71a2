// The Zimbra side of the SDK: admin client, account (end-user) client, batch builders, policy, types.

export type { AccountEndpoint, ChangePasswordOptions } from './account-client.ts';
export { ZimbraAccount } from './account-client.ts';
export type { AccountPage, PolicyOptions, SetPasswordOptions, SetPasswordResult } from './accounts.ts';
export { Accounts } from './accounts.ts';
export type { AttrInput, Attrs } from './attrs.ts';
export type { BatchItem, BatchOptions, BatchResult, BatchValue } from './batch.ts';
export { zimbraBatch } from './batch.ts';
export type { RawRequestOptions, ZimbraAdminOptions } from './client.ts';
export { ZimbraAdmin } from './client.ts';
export { ClassesOfService } from './cos.ts';
export type { DomainCapacity, TypeCapacity } from './domains.ts';
export { Domains } from './domains.ts';
export type { XmlBody, XmlScalar, ZimbraNamespace } from './envelope.ts';
export type { ZimbraHooks, ZimbraRequestEvent, ZimbraResponseEvent } from './hooks.ts';
export type {
  CreateAccountInput,
  ForwardingInput,
  ModifyAccountInput,
  PageInput,
  QuotaUsageInput,
  SearchInput,
} from './inputs.ts';
export type { PasswordRules, PolicyCountRule, PolicyRule, PolicyViolation } from './policy.ts';
export { PasswordPolicy } from './policy.ts';
export type { MailboxQuota } from './quota.ts';
export { Quota } from './quota.ts';
export type {
  Account,
  AccountStatus,
  Cos,
  CosLimit,
  Domain,
  DomainStatus,
  Forwarding,
  QuotaUsage,
} from './schemas.ts';
export { ACCOUNT_STATUSES, DOMAIN_STATUSES } from './schemas.ts';
export type { CallOptions, LogoutResult } from './session.ts';
export type { ConnectionOptions } from './transport.ts';
export type { ZimbraAttrsInput, ZimbraAttrValue } from './typed-attrs.ts';
export type { WireElement, WireFormat } from './wire/codec.ts';
