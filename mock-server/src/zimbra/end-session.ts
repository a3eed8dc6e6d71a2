import { boolField, type Handler } from './context.ts';
import { faults } from './fault.ts';
import { scalar } from './xml.ts';

/**
 * `EndSessionRequest` (urn:zimbraAccount, answered on both endpoints as Zimbra's admin servlet also serves
 * the account service): ends the caller's SOAP session, the one named by `sessionId`, or with `all="1"` every
 * session of the caller (but the current one with `excludeCurrent="1"`). `logoff="1"` also deregisters the
 * auth token on the server, so it answers `service.AUTH_EXPIRED` from then on, and clears the auth cookie.
 * @example <EndSessionRequest xmlns="urn:zimbraAccount" logoff="1"/>
 */
export const endSession: Handler = (request, ctx) => {
  const caller = ctx.caller;
  if (caller === undefined) throw faults.authRequired();
  const exchange = ctx.exchange;
  const current = exchange?.session?.id;
  const sessionId = scalar(request, 'sessionId');
  if (sessionId !== undefined) exchange?.sessions.end(sessionId);
  else if (boolField(request, 'all', false)) {
    const keep = boolField(request, 'excludeCurrent', false) ? current : undefined;
    exchange?.sessions.endAll(caller.account.id, keep);
  } else exchange?.sessions.end(current);
  if (boolField(request, 'logoff', false) && exchange?.token !== undefined) {
    ctx.tokens.revoke(exchange.token);
    const cookie = ctx.endpoint === 'admin' ? 'ZM_ADMIN_AUTH_TOKEN' : 'ZM_AUTH_TOKEN';
    exchange.addHeader(
      'set-cookie',
      `${cookie}=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly`,
    );
  }
  return {};
};
