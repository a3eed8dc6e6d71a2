import { findTarget } from './accounts.ts';
import { adminCaller, type Handler, intField, selector } from './context.ts';
import { faults } from './fault.ts';
import { el } from './xml.ts';

/**
 * DelegateAuthRequest: `<account by="name|id">`, optional `duration` in seconds → an account (not admin)
 * token for that mailbox and its `<lifetime>` in ms. Needs `adminLoginAs`; never for a global admin target
 * by a delegated admin (targetAccount's rule).
 */
export const delegateAuth: Handler = (request, ctx) => {
  adminCaller(ctx);
  const { by, key } = selector(request, 'account');
  const account = findTarget(ctx, by, key, 'adminLoginAs');
  const duration = intField(request, 'duration', 0);
  if (duration < 0) throw faults.invalidRequest(`invalid duration: ${duration}`);
  const lifetime = duration > 0 ? duration * 1000 : ctx.lifetimes.userMs;
  const validity = account.attrs.zimbraAuthTokenValidityValue?.[0] ?? '0';
  const token = ctx.tokens.issue(account.id, false, lifetime, validity, ctx.store.now());
  return { children: [el('authToken', {}, token), el('lifetime', {}, String(lifetime))] };
};
