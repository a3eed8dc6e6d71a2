import { adminCaller, boolField, type Handler, type HandlerResult, type ZimbraContext } from './context.ts';
import { faults } from './fault.ts';
import type { Account } from './model.ts';
import { verifyPassword } from './passwords.ts';
import type { Caller } from './rights.ts';
import type { ZimbraStore } from './store.ts';
import type { IssueOptions } from './tokens.ts';
import { child, el, type OutElement, scalar, type XmlElement } from './xml.ts';

const isTrue = (account: Account, attr: string) => account.attrs[attr]?.[0] === 'TRUE';

/** True for global, delegated and legacy domain admins. */
function isAdminAccount(account: Account): boolean {
  return (
    isTrue(account, 'zimbraIsAdminAccount') ||
    isTrue(account, 'zimbraIsDelegatedAdminAccount') ||
    isTrue(account, 'zimbraIsDomainAdminAccount')
  );
}

function validity(account: Account): string {
  return account.attrs.zimbraAuthTokenValidityValue?.[0] ?? '0';
}

/** Issues a token for an account and answers its lifetime in ms. */
export function issueToken(
  ctx: ZimbraContext,
  account: Account,
  admin: boolean,
  options: IssueOptions & { readonly lifetimeMs?: number } = {},
): { token: string; lifetime: number } {
  const lifetime = options.lifetimeMs ?? (admin ? ctx.lifetimes.adminMs : ctx.lifetimes.userMs);
  const token = ctx.tokens.issue(account.id, admin, lifetime, validity(account), ctx.store.now(), options);
  return { token, lifetime };
}

/**
 * The answer of a successful AuthRequest in its handler's order (admin: `lifetime`, `session`, `authToken`;
 * account: `authToken`, `lifetime`, `session`; then `csrfToken`),
 * with what Auth.doResponse adds to the HTTP answer: the `ZM_ADMIN_AUTH_TOKEN` / `ZM_AUTH_TOKEN` cookie
 * (`persistAuthTokenCookie="1"` makes it outlive the browser) and, for `csrfTokenSecured="1"`, the CSRF token
 * in the body and in `X-Zimbra-Csrf-Token`.
 */
export function authAnswer(
  ctx: ZimbraContext,
  request: XmlElement,
  account: Account,
  admin: boolean,
  lifetimeMs?: number,
): HandlerResult {
  const csrf = boolField(request, 'csrfTokenSecured', false);
  const { token, lifetime } = issueToken(ctx, account, admin, {
    csrf,
    ...(lifetimeMs === undefined ? {} : { lifetimeMs }),
  });
  // Admin Auth writes lifetime before the token; account Auth the token first (both as their handlers do).
  const tokenEl = el('authToken', {}, token);
  const lifetimeEl = el('lifetime', {}, String(lifetime));
  const children: OutElement[] = admin ? [lifetimeEl] : [tokenEl, lifetimeEl];
  const exchange = ctx.exchange;
  if (exchange !== undefined) {
    const persist = boolField(request, 'persistAuthTokenCookie', false);
    exchange.addHeader(
      'set-cookie',
      authCookie(admin, token, exchange.secure, persist ? lifetime : undefined),
    );
    if (exchange.session !== undefined) {
      const id = exchange.sessions.resolve(account.id, admin, undefined);
      exchange.openedSession(id, admin);
      children.push(el('session', { type: admin ? 'admin' : undefined, id }, id));
    }
  }
  if (admin) children.push(tokenEl);
  const csrfToken = ctx.tokens.lookup(token, ctx.store.now());
  if (csrfToken.kind === 'valid' && csrfToken.record.csrfToken !== undefined) {
    children.push(el('csrfToken', {}, csrfToken.record.csrfToken));
    exchange?.addHeader('x-zimbra-csrf-token', csrfToken.record.csrfToken);
  }
  return { children };
}

/** The auth-token cookie Zimbra sets on login: HttpOnly, path `/`, a session cookie unless persisted. */
export function authCookie(admin: boolean, token: string, secure: boolean, maxAgeMs?: number): string {
  const name = admin ? 'ZM_ADMIN_AUTH_TOKEN' : 'ZM_AUTH_TOKEN';
  const parts = [`${name}=${token}`, 'Path=/'];
  if (maxAgeMs !== undefined) {
    parts.push(`Max-Age=${Math.floor(maxAgeMs / 1000)}`);
    parts.push(`Expires=${new Date(Date.now() + maxAgeMs).toUTCString()}`);
  }
  if (secure) parts.push('Secure');
  parts.push('HttpOnly');
  return parts.join('; ');
}

/**
 * Resolves the context header's token into a caller. A token the mock never issued is ignored (the handler
 * then answers AUTH_REQUIRED); an expired one, or one whose account was deleted, deactivated or changed
 * password, is `service.AUTH_EXPIRED`.
 */
export function resolveCaller(
  ctx: Omit<ZimbraContext, 'caller'>,
  token: string | undefined,
): Caller | undefined {
  if (token === undefined || token === '') return undefined;
  const found = ctx.tokens.lookup(token, ctx.store.now());
  if (found.kind === 'unknown') return undefined;
  if (found.kind === 'expired') throw faults.authExpired();
  const account = ctx.store.accounts.get(found.record.accountId);
  if (account === undefined || validity(account) !== found.record.validity) throw faults.authExpired();
  if (ctx.store.effectiveStatus(account) !== 'active') throw faults.authExpired();
  if (!found.record.admin || !isAdminAccount(account)) return { account, kind: 'user' };
  return { account, kind: isTrue(account, 'zimbraIsAdminAccount') ? 'global' : 'delegated' };
}

/** `admin` (no `@`) is an admin name: the admin account with that uid, as AccountBy.adminName finds it. */
function findAdminByName(store: ZimbraStore, key: string): Account | undefined {
  if (key.includes('@')) return store.accountByName(key);
  for (const account of store.accounts.values()) {
    if (account.attrs.uid?.[0] === key && isTrue(account, 'zimbraIsAdminAccount')) return account;
  }
  return undefined;
}

/**
 * Admin `AuthRequest` (urn:zimbraAdmin): `<name>` or `<account by>`, `<password>`; or an `<authToken>` to
 * validate. Unknown or inactive account and non-admins → PERM_DENIED; wrong password → AUTH_FAILED.
 * @example <AuthRequest xmlns="urn:zimbraAdmin"><name>admin@example.com</name><password>…</password></AuthRequest>
 */
export const adminAuth: Handler = (request, ctx) => {
  const password = scalar(request, 'password');
  if (password === undefined) {
    const token = scalar(request, 'authToken')?.trim();
    if (token === undefined || token === '') throw faults.authRequired();
    const found = ctx.tokens.lookup(token, ctx.store.now());
    if (found.kind === 'unknown') throw faults.authRequired();
    if (found.kind === 'expired') throw faults.authExpired();
    const caller = resolveCaller(ctx, token);
    if (caller === undefined || caller.kind === 'user') throw faults.permDenied('Error in Authentication');
    const lifetime = Math.max(0, found.record.expiresAt - ctx.store.now());
    return { children: [el('lifetime', {}, String(lifetime)), el('authToken', {}, token)] };
  }
  const name = scalar(request, 'name');
  const accountEl = child(request, 'account');
  if ((name === undefined) === (accountEl === undefined))
    throw faults.invalidRequest('invalid request parameter');
  const by = accountEl?.attrs.by ?? 'name';
  const key = (name ?? accountEl?.text ?? '').trim();
  const account =
    by === 'name' ? findAdminByName(ctx.store, key) : by === 'id' ? ctx.store.accounts.get(key) : undefined;
  if (account === undefined || ctx.store.effectiveStatus(account) !== 'active') {
    throw ctx.store.profile.unknownAdmin(key);
  }
  if (!isAdminAccount(account)) throw faults.permDenied('not an admin account');
  if (password === '' || !verifyPassword(password, account.passwordHash)) throw faults.authFailed(key);
  if (isTrue(account, 'zimbraPasswordMustChange')) throw faults.changePassword();
  return authAnswer(ctx, request, account, true);
};

/** Dispatcher gate of admin operations: a token must be present, and be an admin's. */
export function requireAdminToken(ctx: ZimbraContext): void {
  const caller = adminCaller(ctx);
  if (caller.kind === 'user') throw faults.permDenied('need adequate admin token');
}
