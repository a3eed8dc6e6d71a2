import type { z } from 'zod';
import { NS, type ZimbraNamespace } from './envelope.ts';
import {
  AnyElement,
  AuthResponse,
  ChangePasswordResponse,
  CosListResponse,
  CountAccountResponse,
  DomainListResponse,
  EmptyResponse,
  MailboxResponse,
  OneAccountResponse,
  OneCosResponse,
  OneDomainResponse,
  QuotaUsageResponse,
  SearchDirectoryResponse,
  SetPasswordResponse,
} from './schemas.ts';

/**
 * One SOAP operation as data: the request element, its namespace, whether it is safe to send
 * twice (only those are retried on 502/503/504 and dropped connections), and the response schema.
 */
export interface Operation<T> {
  readonly request: string;
  readonly namespace: ZimbraNamespace;
  readonly idempotent: boolean;
  readonly response: z.ZodType<T>;
}

function read<T>(
  request: string,
  response: z.ZodType<T>,
  namespace: ZimbraNamespace = NS.admin,
): Operation<T> {
  return { request, namespace, idempotent: true, response };
}

function write<T>(
  request: string,
  response: z.ZodType<T>,
  namespace: ZimbraNamespace = NS.admin,
): Operation<T> {
  return { request, namespace, idempotent: false, response };
}

/** Every operation the typed API uses. */
export const OPERATIONS = {
  auth: read('AuthRequest', AuthResponse),
  createAccount: write('CreateAccountRequest', OneAccountResponse),
  getAccount: read('GetAccountRequest', OneAccountResponse),
  modifyAccount: write('ModifyAccountRequest', OneAccountResponse),
  setPassword: write('SetPasswordRequest', SetPasswordResponse),
  renameAccount: write('RenameAccountRequest', OneAccountResponse),
  deleteAccount: write('DeleteAccountRequest', EmptyResponse),
  addAccountAlias: write('AddAccountAliasRequest', EmptyResponse),
  removeAccountAlias: write('RemoveAccountAliasRequest', EmptyResponse),
  searchDirectory: read('SearchDirectoryRequest', SearchDirectoryResponse),
  getQuotaUsage: read('GetQuotaUsageRequest', QuotaUsageResponse),
  getMailbox: read('GetMailboxRequest', MailboxResponse),
  getAllDomains: read('GetAllDomainsRequest', DomainListResponse),
  getDomain: read('GetDomainRequest', OneDomainResponse),
  modifyDomain: write('ModifyDomainRequest', OneDomainResponse),
  countAccount: read('CountAccountRequest', CountAccountResponse),
  getAllCos: read('GetAllCosRequest', CosListResponse),
  getCos: read('GetCosRequest', OneCosResponse),
  // The account namespace's ChangePassword is a write: a replay after success would fail on the old password.
  changePassword: write('ChangePasswordRequest', ChangePasswordResponse, NS.account),
  // Sent in either namespace (urn:zimbraAdmin by the admin client, urn:zimbraAccount by the account one).
  endSession: write('EndSessionRequest', EmptyResponse),
  // The BatchResponse's children are read one by one with their own schemas.
  batch: write('BatchRequest', AnyElement, NS.zimbra),
} as const;

/** True when a raw request by this name is safe to repeat (reads only). */
export function isReadRequest(request: string): boolean {
  return /^(Get|Search|Count|Check)[A-Za-z]*Request$/.test(request) || request === 'AuthRequest';
}
