import { ZimbraFaultError } from './fault.ts';

/** Directory fault codes beyond the wire layer's common set, with the reason texts Zimbra writes. */
export const directoryFaults = {
  noSuchServer: (key: string) => new ZimbraFaultError('account.NO_SUCH_SERVER', `no such server: ${key}`),
  noSuchAlias: (alias: string) => new ZimbraFaultError('account.NO_SUCH_ALIAS', `no such alias: ${alias}`),
  cosExists: (name: string) => new ZimbraFaultError('account.COS_EXISTS', `cos already exists: ${name}`),
  domainExists: (name: string) =>
    new ZimbraFaultError('account.DOMAIN_EXISTS', `domain already exists: ${name}`),
  invalidRequest: (msg: string) => new ZimbraFaultError('service.INVALID_REQUEST', `invalid request: ${msg}`),
} as const;
