import { attrPairs, checkChangeValues, newSingleValue, parseAttrChanges } from './attr-changes.ts';
import { requestedAttrs } from './attr-filter.ts';
import {
  adminCaller,
  boolField,
  type Handler,
  requiredField,
  requireWritableDomain,
  selector,
  targetAccount,
  type ZimbraContext,
} from './context.ts';
import { requireSettableOnCreate, requireSettableOnModify } from './domain-admin-attrs.ts';
import { encodeAccount } from './encode.ts';
import { faults, ZimbraFaultError } from './fault.ts';
import type { Account, Domain } from './model.ts';
import { hashPassword } from './passwords.ts';
import { checkPasswordAgeAndHistory, checkPasswordStrength } from './policy.ts';
import { can, requireRight } from './rights.ts';
import { checkMailHost } from './servers.ts';
import { el, scalar } from './xml.ts';

function validAddress(raw: string): { name: string; local: string; domain: string } {
  const name = raw.trim().toLowerCase();
  const at = name.indexOf('@');
  if (at <= 0 || at !== name.lastIndexOf('@') || at === name.length - 1) {
    throw faults.invalidRequest(`must be valid email address: ${raw}`);
  }
  return { name, local: name.slice(0, at), domain: name.slice(at + 1) };
}

/** A delegated admin may set a quota only within its own zimbraDomainAdminMaxMailQuota (0 = any). */
function checkQuotaRight(ctx: ZimbraContext, quota: string | undefined, fallback: () => number): void {
  if (quota === undefined) return;
  if (quota !== '' && !/^-?\d+$/.test(quota)) {
    throw faults.invalidAttrValue(`can not modify mail quota (invalid format): ${quota}`);
  }
  const caller = adminCaller(ctx);
  if (caller.kind === 'global') return;
  const value = quota === '' ? fallback() : Number(quota);
  const max = caller.account.attrs.zimbraDomainAdminMaxMailQuota?.[0];
  const allowed = max !== undefined && (Number(max) === 0 || (value > 0 && value <= Number(max)));
  if (!allowed) {
    throw faults.permDenied(
      'can not modify mail quota, domain admin can only modify quota if zimbraDomainAdminMaxMailQuota is set to 0 or set to a certain value and quota is less than that value.',
    );
  }
}

/**
 * CreateAccountRequest: `<name>`, optional `<password>`, `<a n>`*. Checks in Zimbra's order: address, domain
 * (NO_SUCH_DOMAIN, suspended → PERM_DENIED), right, COS (NO_SUCH_COS), slot limits (TOO_MANY_ACCOUNTS),
 * attributes, password policy (INVALID_PASSWORD), then ACCOUNT_EXISTS.
 */
export const createAccount: Handler = (request, ctx) => {
  const caller = adminCaller(ctx);
  const address = validAddress(requiredField(request, 'name'));
  const domain = ctx.store.domainByName(address.domain);
  if (domain === undefined) throw faults.noSuchDomain(address.domain);
  requireWritableDomain(ctx, domain.name);
  requireRight(ctx.grants, caller, 'domain', domain, 'createAccount');
  const pairs = attrPairs(request).filter(([, v]) => v !== '');
  requireSettableOnCreate(
    ctx,
    caller,
    domain.id,
    address.name,
    pairs.map(([n]) => n),
  );
  const requested = (attr: string) => pairs.find(([n]) => n.toLowerCase() === attr.toLowerCase())?.[1];
  const cosId = requested('zimbraCOSId');
  let cos = ctx.store.domainDefaultCos(domain.name);
  if (cosId !== undefined) {
    const chosen = ctx.store.coses.get(cosId);
    if (chosen === undefined) throw faults.noSuchCos(cosId);
    requireRight(ctx.grants, caller, 'cos', chosen, 'assignCos');
    cos = chosen;
  }
  checkQuotaRight(ctx, requested('zimbraMailQuota'), () => Number(cos.attrs.zimbraMailQuota?.[0] ?? '0'));
  ctx.store.checkAccountLimits(domain, cos.id);
  const transport = checkMailHost(ctx.store, requested('zimbraMailHost'), requested('zimbraMailTransport'));
  const account = ctx.store.buildAccount({ name: address.name, passwordHash: null, attrs: pairs }, domain);
  if (transport !== undefined) account.attrs.zimbraMailTransport = [transport];
  const password = scalar(request, 'password');
  if (password !== undefined) {
    checkPasswordStrength(password, address.local, (attr) => requested(attr) ?? cos.attrs[attr]?.[0]);
    ctx.store.initPassword(account, hashPassword(password));
  }
  ctx.store.addAccount(account);
  return { children: [encodeAccount(ctx.store, account)] };
};

/**
 * The target of an admin operation by `name|id|foreignPrincipal`, with the anti-harvesting rule of
 * {@link targetAccount} (a foreign principal is resolved to the account first).
 */
export function findTarget(
  ctx: ZimbraContext,
  by: string,
  key: string,
  right: string | readonly string[],
): Account {
  if (by !== 'foreignPrincipal') return targetAccount(ctx, by, key, right);
  const found = ctx.store.accountByForeignPrincipal(key);
  if (found === undefined) {
    if (adminCaller(ctx).kind === 'global') throw faults.noSuchAccount(key);
    throw faults.permDenied(`can not access account ${key}`);
  }
  return targetAccount(ctx, 'id', found.id, right);
}

/**
 * GetAccountRequest: `<account by="name|id|foreignPrincipal">` (an alias finds its account), `applyCos`
 * (default 1: COS- and domain-inherited values), `attrs="a,b"` (names not on an account → INVALID_REQUEST).
 */
export const getAccount: Handler = (request, ctx) => {
  const applyCos = boolField(request, 'applyCos', true);
  const filter = requestedAttrs(scalar(request, 'attrs'), 'account');
  if (request.children.every((c) => c.name !== 'account')) throw faults.invalidRequest('missing <account>');
  const { by, key } = selector(request, 'account');
  const account = findTarget(ctx, by, key, 'getAccount');
  return { children: [encodeAccount(ctx.store, account, { applyCos, attrs: filter })] };
};

/**
 * ModifyAccountRequest: `<id>`, `<a n>`* (plain replaces, empty deletes, `+n` adds, `-n` removes). A COS
 * change re-checks the COS's slot limit; a bad quota → INVALID_ATTR_VALUE.
 */
export const modifyAccount: Handler = (request, ctx) => {
  const caller = adminCaller(ctx);
  const id = requiredField(request, 'id');
  const changes = parseAttrChanges(attrPairs(request));
  const account = targetAccount(ctx, 'id', id, 'modifyAccount');
  requireWritableDomain(ctx, account.domain);
  const home = ctx.store.domainByName(account.domain) as Domain;
  requireSettableOnModify(
    ctx,
    caller,
    home.id,
    id,
    changes.map((c) => c.name),
  );
  checkQuotaRight(ctx, newSingleValue(changes, 'zimbraMailQuota'), () =>
    Number(ctx.store.effectiveCos(account).attrs.zimbraMailQuota?.[0] ?? '0'),
  );
  const newCosId = newSingleValue(changes, 'zimbraCOSId');
  if (newCosId !== undefined) {
    const cos = newCosId === '' ? ctx.store.domainDefaultCos(account.domain) : ctx.store.coses.get(newCosId);
    if (cos === undefined) throw faults.noSuchCos(newCosId);
    requireRight(ctx.grants, caller, 'cos', cos, 'assignCos');
    const domain = ctx.store.domainByName(account.domain);
    if (domain && cos.id !== ctx.store.effectiveCos(account).id)
      ctx.store.checkAccountLimits(domain, cos.id, true);
  }
  checkChangeValues(changes);
  const host = newSingleValue(changes, 'zimbraMailHost');
  const transport = checkMailHost(ctx.store, host, newSingleValue(changes, 'zimbraMailTransport'));
  const effective =
    transport === undefined
      ? changes
      : [
          ...changes.filter((c) => c.name !== 'zimbraMailTransport'),
          { name: 'zimbraMailTransport', op: 'replace' as const, values: [transport] },
        ];
  ctx.store.modifyAccount(account, effective);
  return { children: [encodeAccount(ctx.store, account)] };
};

/**
 * SetPasswordRequest: `<id>`, `<newPassword>`. Callers with `setAccountPassword` (global and domain admins)
 * set the password even when it breaks the policy and get a `<message>`; the target's tokens expire.
 */
export const setPassword: Handler = (request, ctx) => {
  const caller = adminCaller(ctx);
  const id = requiredField(request, 'id');
  const newPassword = scalar(request, 'newPassword');
  if (newPassword === undefined) throw faults.invalidRequest('missing required attribute: newPassword');
  const account = targetAccount(ctx, 'id', id, ['setAccountPassword', 'changeAccountPassword']);
  requireWritableDomain(ctx, account.domain);
  const domain = ctx.store.domainByName(account.domain) as Domain;
  const enforced = !can(ctx.grants, caller, 'domain', domain.id, 'setAccountPassword');
  let message: string | undefined;
  try {
    checkPolicy(ctx, account, newPassword);
  } catch (error) {
    if (enforced || !(error instanceof ZimbraFaultError)) throw error;
    message = `Password violation: account=${account.name}, violation=${error.reason}.  Password is set successfully.`;
  }
  ctx.store.setPasswordHash(account, hashPassword(newPassword));
  return { children: message === undefined ? [] : [el('message', {}, message)] };
};

/** Strength, then minimum age and history, with the account's effective policy. */
export function checkPolicy(ctx: ZimbraContext, account: Account, password: string): void {
  const lookup = (attr: string) => ctx.store.value(account, attr);
  checkPasswordStrength(password, account.name.split('@')[0] ?? '', lookup);
  checkPasswordAgeAndHistory(
    password,
    {
      currentHash: account.passwordHash,
      history: account.history,
      modifiedTime: account.attrs.zimbraPasswordModifiedTime?.[0],
      mustChange: account.attrs.zimbraPasswordMustChange?.[0] === 'TRUE',
    },
    lookup,
    ctx.store.now(),
  );
}

/** RenameAccountRequest: `<id>`, `<newName>`; a move to another domain re-checks its limits. */
export const renameAccount: Handler = (request, ctx) => {
  const caller = adminCaller(ctx);
  const id = requiredField(request, 'id');
  const address = validAddress(requiredField(request, 'newName'));
  const account = targetAccount(ctx, 'id', id, 'renameAccount');
  requireWritableDomain(ctx, account.domain);
  const domain = ctx.store.domainByName(address.domain);
  if (domain === undefined) throw faults.noSuchDomain(address.domain);
  requireWritableDomain(ctx, domain.name);
  requireRight(ctx.grants, caller, 'domain', domain, 'createAccount');
  if (domain.name !== account.domain) {
    const explicit = account.attrs.zimbraCOSId?.[0];
    const cosId =
      explicit !== undefined && ctx.store.coses.has(explicit)
        ? explicit
        : ctx.store.domainDefaultCos(domain.name).id;
    ctx.store.checkAccountLimits(domain, cosId);
  }
  ctx.store.renameAccount(account, address.name, domain);
  return { children: [encodeAccount(ctx.store, account)] };
};

/** DeleteAccountRequest: `<id>`. */
export const deleteAccount: Handler = (request, ctx) => {
  const id = requiredField(request, 'id');
  const account = targetAccount(ctx, 'id', id, 'deleteAccount');
  requireWritableDomain(ctx, account.domain);
  ctx.store.deleteAccount(account);
  return {};
};
