/** Which side a SOAP fault blames: the caller (`Sender`) or the server (`Receiver`). */
export type FaultSide = 'Sender' | 'Receiver';

/** One `<a n t>` argument in a fault's `Error` detail. */
export interface FaultArgument {
  readonly name: string;
  readonly type: 'IID' | 'ACCTID' | 'STR' | 'NUM';
  readonly value: string;
}

/**
 * A refusal of the emulated Zimbra, carrying Zimbra's own code (`account.NO_SUCH_ACCOUNT`), the reason
 * text Zimbra writes, the fault side and the detail arguments. The SOAP layer turns it into a `soap:Fault`.
 */
export class ZimbraFaultError extends Error {
  override readonly name = 'ZimbraFaultError';
  constructor(
    readonly code: string,
    readonly reason: string,
    readonly side: FaultSide = 'Sender',
    readonly args: readonly FaultArgument[] = [],
  ) {
    super(`${code}: ${reason}`);
  }
}

const f = (code: string, reason: string, side: FaultSide = 'Sender', args: FaultArgument[] = []) =>
  new ZimbraFaultError(code, reason, side, args);

/** Zimbra's fault codes with the reason texts its server writes (ServiceException, AccountServiceException). */
export const faults = {
  failure: (msg: string) => f('service.FAILURE', `system failure: ${msg}`, 'Receiver'),
  invalidRequest: (msg: string) => f('service.INVALID_REQUEST', `invalid request: ${msg}`),
  unknownDocument: (qname: string) => f('service.UNKNOWN_DOCUMENT', `unknown document: ${qname}`),
  parseError: (msg: string) => f('service.PARSE_ERROR', `parse error: ${msg}`),
  permDenied: (msg: string) => f('service.PERM_DENIED', `permission denied: ${msg}`),
  authRequired: () => f('service.AUTH_REQUIRED', 'no valid authtoken present'),
  authExpired: () => f('service.AUTH_EXPIRED', 'auth credentials have expired'),
  authFailed: (namePassedIn: string) =>
    f('account.AUTH_FAILED', `authentication failed for [${namePassedIn}]`),
  changePassword: () => f('account.CHANGE_PASSWORD', 'must change password'),
  passwordLocked: () => f('account.PASSWORD_LOCKED', "password is locked and can't be changed"),
  passwordChangeTooSoon: () => f('account.PASSWORD_CHANGE_TOO_SOON', "password can't be changed yet"),
  passwordRecentlyUsed: () => f('account.PASSWORD_RECENTLY_USED', 'password was recently used'),
  invalidPassword: (desc: string, arg?: FaultArgument) =>
    f('account.INVALID_PASSWORD', `invalid password: ${desc}`, 'Sender', arg ? [arg] : []),
  invalidAttrName: (msg: string) => f('account.INVALID_ATTR_NAME', msg),
  invalidAttrValue: (msg: string) => f('account.INVALID_ATTR_VALUE', msg),
  noSuchAccount: (key: string) => f('account.NO_SUCH_ACCOUNT', `no such account: ${key}`),
  noSuchDomain: (key: string) => f('account.NO_SUCH_DOMAIN', `no such domain: ${key}`),
  noSuchCos: (key: string) => f('account.NO_SUCH_COS', `no such cos: ${key}`),
  accountExists: (name: string, dn?: string) =>
    f('account.ACCOUNT_EXISTS', `email address already exists: ${name}${dn ? `, at DN: ${dn}` : ''}`),
  maintenanceMode: () => f('account.MAINTENANCE_MODE', 'account is in maintenance mode', 'Receiver'),
  tooManyAccounts: (detail: string) =>
    f('account.TOO_MANY_ACCOUNTS', `number of accounts reached the limit: ${detail}`, 'Receiver'),
  tooManySearchResults: (detail: string) =>
    f('account.TOO_MANY_SEARCH_RESULTS', `number of results exceeded the limit: ${detail}`, 'Receiver'),
} as const;
