import { checkPolicy } from './accounts.ts';
import { issueToken } from './auth.ts';
import { boolField, type Handler, type ZimbraContext } from './context.ts';
import { faults } from './fault.ts';
import type { Account } from './model.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { child, el, scalar } from './xml.ts';

/** Login gate of LdapProvisioning.checkAccountStatus: maintenance has its own fault, other states fail auth. */
function checkLoginStatus(ctx: ZimbraContext, account: Account, namePassedIn: string): void {
  const status = ctx.store.effectiveStatus(account);
  if (status === 'maintenance') throw faults.maintenanceMode();
  if (status !== 'active') throw faults.authFailed(namePassedIn);
}

/**
 * Account `AuthRequest` (urn:zimbraAccount): `<account by="name|id">`, `<password>` → `<authToken>`,
 * `<lifetime>`. Unknown account, inactive account or wrong password → `account.AUTH_FAILED`.
 */
export const userAuth: Handler = (request, ctx) => {
  const accountEl = child(request, 'account');
  const password = scalar(request, 'password');
  if (accountEl === undefined) throw faults.invalidRequest('missing required element: account');
  if (password === undefined) throw faults.invalidRequest('must specify password');
  const by = accountEl.attrs.by ?? 'name';
  const key = accountEl.text.trim();
  const account =
    by === 'name' ? ctx.store.accountByName(key) : by === 'id' ? ctx.store.accounts.get(key) : undefined;
  if (account === undefined) throw faults.authFailed(key);
  checkLoginStatus(ctx, account, key);
  if (password === '' || !verifyPassword(password, account.passwordHash)) throw faults.authFailed(key);
  if (account.attrs.zimbraPasswordMustChange?.[0] === 'TRUE') throw faults.changePassword();
  const { token, lifetime } = issueToken(ctx, account, false);
  return { children: [el('authToken', {}, token), el('lifetime', {}, String(lifetime))] };
};

/**
 * `ChangePasswordRequest` (urn:zimbraAccount, on both endpoints): `<account>` (always a name),
 * `<oldPassword>`, `<password>`. The old password is the credential; the policy is enforced; the account's
 * earlier tokens expire and a new one is returned.
 */
export const changePassword: Handler = (request, ctx) => {
  const accountEl = child(request, 'account');
  if (accountEl === undefined) throw faults.invalidRequest('missing required element: account');
  const oldPassword = scalar(request, 'oldPassword');
  const password = scalar(request, 'password');
  if (oldPassword === undefined) throw faults.invalidRequest('missing required element: oldPassword');
  if (password === undefined) throw faults.invalidRequest('missing required element: password');
  const dryRun = boolField(request, 'dryRun', false);
  const key = accountEl.text.trim();
  const account = ctx.store.accountByName(key);
  if (account === undefined) throw faults.authFailed(key);
  checkLoginStatus(ctx, account, key);
  if (!verifyPassword(oldPassword, account.passwordHash)) throw faults.authFailed(key);
  if (ctx.store.value(account, 'zimbraPasswordLocked') === 'TRUE') throw faults.passwordLocked();
  checkPolicy(ctx, account, password);
  if (dryRun) return {};
  ctx.store.setPasswordHash(account, hashPassword(password));
  const { token, lifetime } = issueToken(ctx, account, false);
  return { children: [el('authToken', {}, token), el('lifetime', {}, String(lifetime))] };
};
