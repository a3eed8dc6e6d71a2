import {
  adminCaller,
  type Handler,
  requiredField,
  requireWritableDomain,
  targetAccount,
  type ZimbraContext,
} from './context.ts';
import { faults } from './fault.ts';
import { requireRight } from './rights.ts';

function aliasAddress(ctx: ZimbraContext, raw: string): { address: string; domainName: string } {
  const address = raw.trim().toLowerCase();
  const at = address.indexOf('@');
  if (at <= 0 || at !== address.lastIndexOf('@') || at === address.length - 1) {
    throw faults.invalidRequest(`must be valid email address: ${raw}`);
  }
  const domainName = address.slice(at + 1);
  const domain = ctx.store.domainByName(domainName);
  if (domain === undefined) throw faults.noSuchDomain(domainName);
  requireRight(ctx.grants, adminCaller(ctx), 'domain', domain, 'createAlias');
  return { address, domainName };
}

/**
 * AddAccountAliasRequest: `<id>`, `<alias>`. The alias domain must exist; an address already taken by an
 * account or an alias → `account.ACCOUNT_EXISTS`. GetAccount by name and SearchDirectory then find it.
 */
export const addAccountAlias: Handler = (request, ctx) => {
  const id = requiredField(request, 'id', 'element');
  const rawAlias = requiredField(request, 'alias', 'element');
  const account = targetAccount(ctx, 'id', id, 'addAccountAlias');
  requireWritableDomain(ctx, account.domain);
  const { address } = aliasAddress(ctx, rawAlias);
  ctx.store.addAlias(account, address);
  return {};
};

/** RemoveAccountAliasRequest: `<id>`, `<alias>`; an address that is not the account's alias → NO_SUCH_ALIAS. */
export const removeAccountAlias: Handler = (request, ctx) => {
  const id = requiredField(request, 'id', 'element');
  const rawAlias = requiredField(request, 'alias', 'element');
  const account = targetAccount(ctx, 'id', id, 'removeAccountAlias');
  requireWritableDomain(ctx, account.domain);
  const { address } = aliasAddress(ctx, rawAlias);
  ctx.store.removeAlias(account, address);
  return {};
};
