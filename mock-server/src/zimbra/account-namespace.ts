import { checkPolicy } from './accounts.ts';
import { authAnswer, issueToken } from './auth.ts';
import { boolField, type Handler, type ZimbraContext } from './context.ts';
import { faults } from './fault.ts';
import type { Account } from './model.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { checkPreauth } from './preauth.ts';
import { child, el, scalar } from './xml.ts';

/** Login gate of LdapProvisioning.checkAccountStatus: maintenance has its own fault, other states fail auth. */
function checkLoginStatus(ctx: ZimbraContext, account: Account, namePassedIn: string): void {
  const status = ctx.store.effectiveStatus(account);
  if (status === 'maintenance') throw faults.maintenanceMode();
  if (status !== 'active') throw faults.authFailed(namePassedIn);
}

/**
 * Account `AuthRequest` (urn:zimbraAccount): `<account by="name|id">` with `<password>` or `<preauth
 * timestamp expires>` (preauth.md: HMAC-SHA1 with the domain's `zimbraPreAuthKey`) → `<authToken>`,
 * `<lifetime>` [, `<session>`, `<csrfToken>`]. Unknown account, inactive account, wrong password or preauth
 * → `account.AUTH_FAILED`; neither credential → `service.INVALID_REQUEST`.
 */
export const userAuth: Handler = (request, ctx) => {
  const accountEl = child(request, 'account');
  const password = scalar(request, 'password');
  const preauth = child(request, 'preauth');
  if (accountEl === undefined) throw faults.invalidRequest('missing required element: account');
  if (password === undefined && preauth === undefined) throw faults.invalidRequest('must specify password');
  const by = accountEl.attrs.by ?? 'name';
  const key = accountEl.text.trim();
  const account =
    by === 'name' ? ctx.store.accountByName(key) : by === 'id' ? ctx.store.accounts.get(key) : undefined;
  if (account === undefined) throw faults.authFailed(key);
  checkLoginStatus(ctx, account, key);
  if (password === undefined) {
    const { expires } = checkPreauth(ctx, account, preauth!, key, by);
    // A non-zero `expires` is the token's own end (ms since the epoch), as ZimbraAuthToken takes it.
    const lifetime = expires === 0 ? undefined : Math.max(0, expires - ctx.store.now());
    return authAnswer(ctx, request, account, false, lifetime);
  }
  if (password === '' || !verifyPassword(password, account.passwordHash)) throw faults.authFailed(key);
  if (account.attrs.zimbraPasswordMustChange?.[0] === 'TRUE') throw faults.changePassword();
  return authAnswer(ctx, request, account, false);
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
