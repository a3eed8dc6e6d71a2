import type { MessageKey } from '../i18n/catalogue.ts';

/**
 * The plain sentence of each backend code people meet in this UI's screens; every other code of Zimbra
 * (`service.*`, `account.*`, `mail.*`, `ldap.*`) and of pec-admin v1 gets the sentence of its family
 * ({@link plainKeyOf}), so no code is ever shown without one.
 */
const EXACT: Readonly<Record<string, MessageKey>> = {
  // Zimbra
  'account.ACCOUNT_EXISTS': 'code.exists',
  'account.ALIAS_EXISTS': 'code.exists',
  'account.AUTH_FAILED': 'code.authFailed',
  'service.AUTH_FAILED': 'code.authFailed',
  'account.NO_SUCH_ACCOUNT': 'code.noSuchAccount',
  'account.NO_SUCH_ALIAS': 'code.noSuchAlias',
  'account.NO_SUCH_DOMAIN': 'code.noSuchDomain',
  'account.NO_SUCH_COS': 'code.noSuchType',
  'service.PERM_DENIED': 'code.permDenied',
  'account.TOO_MANY_ACCOUNTS': 'code.noSlot',
  'account.TOO_MANY_SEARCH_RESULTS': 'code.tooManyResults',
  'account.INVALID_PASSWORD': 'code.badPassword',
  'account.PASSWORD_RECENTLY_USED': 'code.recentlyUsed',
  'account.PASSWORD_CHANGE_TOO_SOON': 'code.tooSoon',
  'account.PASSWORD_LOCKED': 'code.passwordLocked',
  'account.CHANGE_PASSWORD': 'code.mustChangePassword',
  'account.MAINTENANCE_MODE': 'code.maintenance',
  'account.ACCOUNT_INACTIVE': 'code.notActive',
  'account.INVALID_ATTR_NAME': 'code.badAttr',
  'account.INVALID_ATTR_VALUE': 'code.badAttr',
  'account.DOMAIN_NOT_EMPTY': 'code.domainNotEmpty',
  'ldap.INVALID_SEARCH_FILTER': 'code.badFilter',
  'service.AUTH_EXPIRED': 'code.sessionExpired',
  'service.AUTH_REQUIRED': 'code.sessionExpired',
  'service.UNKNOWN_DOCUMENT': 'code.unsupported',
  'service.UNSUPPORTED': 'code.unsupported',
  'service.TEMPORARILY_UNAVAILABLE': 'code.unavailable',
  'service.RESOURCE_UNREACHABLE': 'code.unavailable',
  'service.FAILURE': 'code.serverFailure',
  'service.INTERNAL_ERROR': 'code.serverFailure',
  'service.INVALID_REQUEST': 'code.invalidRequest',
  'service.PARSE_ERROR': 'code.invalidRequest',
  // pec-admin v1
  VALIDATION_FAILED: 'code.invalidRequest',
  INVALID_CREDENTIALS: 'code.authFailed',
  TOKEN_EXPIRED: 'code.sessionExpired',
  TOKEN_INVALID: 'code.sessionExpired',
  NOT_POSTMASTER: 'code.notPostmaster',
  FORBIDDEN_DOMAIN: 'code.permDenied',
  MAILBOX_LIMIT_REACHED: 'code.pecFull',
  POSTMASTER_PROTECTED: 'code.postmaster',
  MAILBOX_NOT_FOUND: 'code.noSuchAccount',
  NOT_FOUND: 'code.unsupported',
  METHOD_NOT_ALLOWED: 'code.unsupported',
  PAYLOAD_TOO_LARGE: 'code.tooLarge',
  MAILBOX_EXISTS: 'code.exists',
  MAILBOX_NOT_ACTIVE: 'code.notActive',
  INVALID_LOCAL_PART: 'code.badLocalPart',
  RESERVED_LOCAL_PART: 'code.reservedLocalPart',
  PASSWORD_POLICY_VIOLATION: 'code.badPassword',
  PASSWORD_MISMATCH: 'code.passwordMismatch',
  CONFIRMATION_MISMATCH: 'code.confirmMismatch',
  IDEMPOTENCY_KEY_REUSED: 'code.retryConflict',
  ACCOUNT_LOCKED: 'code.lockedOut',
  CONFIRMATION_REQUIRED: 'code.confirmMismatch',
  RATE_LIMITED: 'code.rateLimited',
  NOT_SUPPORTED_BY_PROVIDER: 'code.notByProvider',
  PROVIDER_UNAVAILABLE: 'code.unavailable',
  // Casella's own
  TRANSPORT: 'code.transport',
  TIMEOUT: 'code.timeout',
  BAD_RESPONSE: 'code.badResponse',
  LOGGED_OUT: 'code.sessionExpired',
};

/** Families of codes by the shape of their name, for every code not in the exact table. */
const FAMILIES: readonly (readonly [RegExp, MessageKey])[] = [
  [/_EXISTS$/, 'code.exists'],
  [/(^|\.)NO_SUCH_|NOT_FOUND$/, 'code.notFound'],
  [/(^|\.)TOO_MANY_|LIMIT/, 'code.tooMany'],
  [/TWO_FACTOR|AUTH|TOKEN|CREDENTIAL/, 'code.authFailed'],
  [/PERM|FORBIDDEN|DENIED/, 'code.permDenied'],
  [/(^|\.)INVALID_|MISMATCH|PARSE/, 'code.invalidRequest'],
  [/UNAVAILABLE|UNREACHABLE|PROXY|WRONG_HOST|HOPS|INTERRUPTED|PROGRESS/, 'code.unavailable'],
  [/^(service|mail|account|ldap|smime|extension)\./, 'code.serverRefused'],
];

/** The catalogue key of the plain sentence for a backend or Casella code. */
export function plainKeyOf(code: string): MessageKey {
  return EXACT[code] ?? FAMILIES.find(([pattern]) => pattern.test(code))?.[1] ?? 'code.serverRefused';
}
