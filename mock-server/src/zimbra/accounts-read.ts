import { findTarget } from './accounts.ts';
import { firstValue } from './attrs.ts';
import { adminCaller, type Handler, selector, type ZimbraContext } from './context.ts';
import { encodeAccount } from './encode.ts';
import { faults } from './fault.ts';
import type { Account } from './model.ts';
import { can, requireRight } from './rights.ts';
import { child, el } from './xml.ts';

/** The URLs Zimbra derives from an account's server (URLUtil): account SOAP, admin SOAP and the web client. */
export function serviceUrls(
  ctx: ZimbraContext,
  account: Account,
): { soap: string; admin: string; web: string } {
  const host = firstValue(account.attrs, 'zimbraMailHost') ?? ctx.store.mailHost;
  const domain = ctx.store.domainByName(account.domain);
  const publicHost = (domain && firstValue(domain.attrs, 'zimbraPublicServiceHostname')) ?? host;
  return {
    soap: `https://${host}:443/service/soap/`,
    admin: `https://${host}:7071/service/admin/soap/`,
    web: `https://${publicHost}`,
  };
}

/**
 * GetAllAccountsRequest: `<domain by="name|id">` (optional for a global admin, who then gets every account);
 * `<account name id><a n>…</account>` each, sorted by name.
 */
export const getAllAccounts: Handler = (request, ctx) => {
  const caller = adminCaller(ctx);
  let accounts: readonly Account[];
  if (child(request, 'domain') !== undefined) {
    const { by, key } = selector(request, 'domain');
    const domain = ctx.store.findDomain(by, key);
    requireRight(ctx.grants, caller, 'domain', domain, 'listAccount');
    accounts = ctx.store.accountsIn(domain.name);
  } else {
    if (caller.kind !== 'global') throw faults.permDenied('need right: listAccount for global grant');
    accounts = ctx.store.allAccounts();
  }
  return { children: accounts.map((a) => encodeAccount(ctx.store, a)) };
};

/**
 * GetAccountInfoRequest: `<account by>` → `<name>`, the `zimbraId` and `zimbraMailHost` attributes, the
 * effective `<cos>`, and the account's SOAP, admin SOAP and public web URLs. Needs `getAccountInfo`.
 */
export const getAccountInfo: Handler = (request, ctx) => {
  const { by, key } = selector(request, 'account');
  const account = findTarget(ctx, by, key, ['getAccountInfo', 'getAccount']);
  const cos = ctx.store.effectiveCos(account);
  const urls = serviceUrls(ctx, account);
  return {
    children: [
      el('name', {}, account.name),
      el('a', { n: 'zimbraId' }, account.id),
      el('a', { n: 'zimbraMailHost' }, firstValue(account.attrs, 'zimbraMailHost') ?? ctx.store.mailHost),
      el('cos', { name: cos.name, id: cos.id }),
      el('soapURL', {}, urls.soap),
      el('adminSoapURL', {}, urls.admin),
      el('publicMailURL', {}, urls.web),
    ],
  };
};

/** GetAllAdminAccountsRequest: global and delegated admins (a delegated caller sees those of its domains). */
export const getAllAdminAccounts: Handler = (_request, ctx) => {
  const caller = adminCaller(ctx);
  const isAdmin = (a: Account) =>
    a.attrs.zimbraIsAdminAccount?.[0] === 'TRUE' || a.attrs.zimbraIsDelegatedAdminAccount?.[0] === 'TRUE';
  const visible = (a: Account) => {
    if (caller.kind === 'global') return true;
    const domain = ctx.store.domainByName(a.domain);
    return domain !== undefined && can(ctx.grants, caller, 'domain', domain.id, 'listAccount');
  };
  const admins = ctx.store.allAccounts().filter((a) => isAdmin(a) && visible(a));
  return { children: admins.map((a) => encodeAccount(ctx.store, a)) };
};
