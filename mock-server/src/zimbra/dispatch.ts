import { changePassword, userAuth } from './account-namespace.ts';
import {
  createAccount,
  deleteAccount,
  getAccount,
  modifyAccount,
  renameAccount,
  setPassword,
} from './accounts.ts';
import { getAccountInfo, getAllAccounts, getAllAdminAccounts } from './accounts-read.ts';
import { addAccountAlias, removeAccountAlias } from './aliases.ts';
import { adminAuth, requireAdminToken } from './auth.ts';
import { runBatch } from './batch.ts';
import { NS_ACCOUNT, NS_ADMIN, NS_ZIMBRA, type Operation, type ZimbraContext } from './context.ts';
import { copyCos, createCos, deleteCos, getAllCos, getCos, modifyCos } from './cos.ts';
import { delegateAuth } from './delegate-auth.ts';
import { countAccount, createDomain, getAllDomains, getDomain, modifyDomain } from './domains.ts';
import { endSession } from './end-session.ts';
import { faults, ZimbraFaultError } from './fault.ts';
import { accountVersionInfo, adminVersionInfo, getInfo, noOp, ping } from './info.ts';
import { getMailbox, getQuotaUsage } from './quota.ts';
import { searchDirectory } from './search.ts';
import { getAllServers, getServer } from './servers.ts';
import { el, type OutElement, type XmlElement } from './xml.ts';

/** The mail namespace: only NoOp is emulated there (mailbox owners' keep-alive). */
const NS_MAIL = 'urn:zimbraMail';

const admin = (handle: Operation['handle']): Operation => ({ ns: NS_ADMIN, auth: 'admin', handle });

/** Every request the emulator answers, by `namespace|local name`. */
const OPERATIONS: ReadonlyMap<string, Operation> = new Map([
  [`${NS_ADMIN}|AuthRequest`, { ns: NS_ADMIN, auth: 'none', handle: adminAuth }],
  [`${NS_ADMIN}|CreateAccountRequest`, admin(createAccount)],
  [`${NS_ADMIN}|GetAccountRequest`, admin(getAccount)],
  [`${NS_ADMIN}|ModifyAccountRequest`, admin(modifyAccount)],
  [`${NS_ADMIN}|SetPasswordRequest`, admin(setPassword)],
  [`${NS_ADMIN}|RenameAccountRequest`, admin(renameAccount)],
  [`${NS_ADMIN}|DeleteAccountRequest`, admin(deleteAccount)],
  [`${NS_ADMIN}|SearchDirectoryRequest`, admin(searchDirectory)],
  [`${NS_ADMIN}|GetQuotaUsageRequest`, admin(getQuotaUsage)],
  [`${NS_ADMIN}|GetMailboxRequest`, admin(getMailbox)],
  [`${NS_ADMIN}|GetAllDomainsRequest`, admin(getAllDomains)],
  [`${NS_ADMIN}|GetDomainRequest`, admin(getDomain)],
  [`${NS_ADMIN}|ModifyDomainRequest`, admin(modifyDomain)],
  [`${NS_ADMIN}|CountAccountRequest`, admin(countAccount)],
  [`${NS_ADMIN}|GetAllCosRequest`, admin(getAllCos)],
  [`${NS_ADMIN}|GetCosRequest`, admin(getCos)],
  [`${NS_ADMIN}|GetAllAccountsRequest`, admin(getAllAccounts)],
  [`${NS_ADMIN}|GetAccountInfoRequest`, admin(getAccountInfo)],
  [`${NS_ADMIN}|GetAllAdminAccountsRequest`, admin(getAllAdminAccounts)],
  [`${NS_ADMIN}|AddAccountAliasRequest`, admin(addAccountAlias)],
  [`${NS_ADMIN}|RemoveAccountAliasRequest`, admin(removeAccountAlias)],
  [`${NS_ADMIN}|DelegateAuthRequest`, admin(delegateAuth)],
  [`${NS_ADMIN}|CreateDomainRequest`, admin(createDomain)],
  [`${NS_ADMIN}|CreateCosRequest`, admin(createCos)],
  [`${NS_ADMIN}|ModifyCosRequest`, admin(modifyCos)],
  [`${NS_ADMIN}|DeleteCosRequest`, admin(deleteCos)],
  [`${NS_ADMIN}|CopyCosRequest`, admin(copyCos)],
  [`${NS_ADMIN}|GetServerRequest`, admin(getServer)],
  [`${NS_ADMIN}|GetAllServersRequest`, admin(getAllServers)],
  [`${NS_ADMIN}|GetVersionInfoRequest`, { ns: NS_ADMIN, auth: 'none', handle: adminVersionInfo }],
  [`${NS_ADMIN}|NoOpRequest`, admin(noOp)],
  [`${NS_ADMIN}|PingRequest`, { ns: NS_ADMIN, auth: 'none', handle: ping }],
  [`${NS_ACCOUNT}|AuthRequest`, { ns: NS_ACCOUNT, auth: 'none', handle: userAuth }],
  [`${NS_ACCOUNT}|GetInfoRequest`, { ns: NS_ACCOUNT, auth: 'none', handle: getInfo }],
  [`${NS_ACCOUNT}|GetVersionInfoRequest`, { ns: NS_ACCOUNT, auth: 'none', handle: accountVersionInfo }],
  [`${NS_MAIL}|NoOpRequest`, { ns: NS_MAIL, auth: 'none', handle: noOp }],
  [`${NS_ACCOUNT}|ChangePasswordRequest`, { ns: NS_ACCOUNT, auth: 'none', handle: changePassword }],
  [`${NS_ACCOUNT}|EndSessionRequest`, { ns: NS_ACCOUNT, auth: 'none', handle: endSession }],
]);

/** Names of the operations the emulator implements, for coverage listings. */
export const IMPLEMENTED_OPERATIONS: readonly string[] = [...OPERATIONS.keys()];

/** Turns anything thrown into a Zimbra fault (an unexpected error is `service.FAILURE`). */
export function asFault(error: unknown): ZimbraFaultError {
  if (error instanceof ZimbraFaultError) return error;
  return faults.failure((error as Error)?.message ?? String(error));
}

/**
 * Answers one request element (or a BatchRequest) with its response element. `/service/soap` knows no admin
 * requests: they are `service.UNKNOWN_DOCUMENT` there, as is any request the emulator does not implement.
 */
export function dispatchRequest(
  request: XmlElement,
  ctx: ZimbraContext,
  toFault: (error: unknown, requestId: string | undefined) => OutElement,
): OutElement {
  if (request.ns === NS_ZIMBRA && request.name === 'BatchRequest') {
    return runBatch(request, ctx, (r, c) => dispatchRequest(r, c, toFault), toFault);
  }
  const op = OPERATIONS.get(`${request.ns}|${request.name}`);
  if (op === undefined || (ctx.endpoint === 'user' && op.ns === NS_ADMIN))
    throw faults.unknownDocument(request.qname);
  if (op.auth === 'admin') requireAdminToken(ctx);
  const result = op.handle(request, ctx);
  return el(
    request.name.replace(/Request$/, 'Response'),
    { xmlns: op.ns, ...result.attrs, requestId: request.attrs.requestId },
    ...(result.children ?? []),
  );
}
