import { idempotencyKey, mailboxRef, readJsonObject, requireStrings, searchParameters } from './input.ts';
import type { PecOperationId } from './operations.ts';
import { PecRefusal } from './refusal.ts';
import { PEC_PASSWORD_POLICY } from './rules.ts';
import type { Session, SessionTable } from './sessions.ts';
import { SESSION_TTL_SECONDS } from './sessions.ts';
import {
  changePassword,
  createMailbox,
  type DomainState,
  deleteMailbox,
  findMailbox,
  MAILBOX_QUOTA_BYTES,
  mailboxView,
  passwordMatches,
  resetPassword,
} from './store.ts';

/** What a route handler gets: the request, and for authenticated routes the session and its domain. */
export interface RouteContext {
  readonly request: Request;
  readonly url: URL;
  /** Path segments captured by the route (the `{mailbox}` segment, still percent-encoded). */
  readonly params: readonly string[];
  readonly requestId: string;
  readonly sessions: SessionTable;
  readonly domains: Map<string, DomainState>;
  readonly session: Session | undefined;
  readonly domain: DomainState | undefined;
}

/** One operation of the contract: method, path under `/v1`, and whether it needs a bearer token. */
export interface Route {
  readonly op: PecOperationId;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: RegExp;
  readonly auth: boolean;
  readonly handle: (ctx: RouteContext) => Promise<Response>;
}

const NO_STORE = { 'cache-control': 'no-store' };

function json(
  ctx: RouteContext,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return Response.json(body, { status, headers: { ...headers, 'x-request-id': ctx.requestId } });
}

function noContent(ctx: RouteContext): Response {
  return new Response(null, { status: 204, headers: { 'x-request-id': ctx.requestId } });
}

/** The session's domain and the mailbox named by the path (narrowed for authenticated routes). */
function target(ctx: RouteContext): { domain: DomainState; localPart: string } {
  const domain = ctx.domain as DomainState;
  return { domain, localPart: mailboxRef(ctx.params[0] ?? '', domain.name) };
}

async function login(ctx: RouteContext): Promise<Response> {
  const body = requireStrings(await readJsonObject(ctx.request), ['username', 'password']);
  const username = body.username.toLowerCase();
  ctx.sessions.assertNotLocked(username);
  const at = username.lastIndexOf('@');
  const domain = at === -1 ? undefined : ctx.domains.get(username.slice(at + 1));
  const mailbox = domain?.mailboxes.get(username.slice(0, at));
  if (domain === undefined || mailbox === undefined || !passwordMatches(mailbox, body.password)) {
    ctx.sessions.recordFailure(username);
    throw new PecRefusal(401, 'INVALID_CREDENTIALS', 'Wrong username or password');
  }
  ctx.sessions.recordSuccess(username);
  if (mailbox.role !== 'postmaster') {
    throw new PecRefusal(403, 'NOT_POSTMASTER', 'Only the postmaster of a PEC domain can use this API');
  }
  const session = ctx.sessions.issue(domain.name, username);
  const principal = { address: username, role: 'postmaster' };
  const answer = {
    token: session.token,
    tokenType: 'Bearer',
    expiresIn: SESSION_TTL_SECONDS,
    domain: domain.name,
    principal,
  };
  return json(ctx, 201, answer, NO_STORE);
}

/** Every operation of pec-admin v1, in the order of the contract. */
export const ROUTES: readonly Route[] = [
  { op: 'createSession', method: 'POST', path: /^\/sessions$/, auth: false, handle: login },
  {
    op: 'deleteSession',
    method: 'DELETE',
    path: /^\/sessions\/current$/,
    auth: true,
    handle: async (ctx) => {
      ctx.sessions.revoke((ctx.session as Session).token);
      return noContent(ctx);
    },
  },
  {
    op: 'getDomain',
    method: 'GET',
    path: /^\/domain$/,
    auth: true,
    handle: async (ctx) => {
      const d = ctx.domain as DomainState;
      const body = {
        name: d.name,
        status: d.status,
        mailboxCount: d.mailboxes.size,
        mailboxLimit: d.mailboxLimit,
        mailboxQuotaBytes: MAILBOX_QUOTA_BYTES,
      };
      return json(ctx, 200, body);
    },
  },
  {
    op: 'getPasswordPolicy',
    method: 'GET',
    path: /^\/password-policy$/,
    auth: true,
    handle: async (ctx) => json(ctx, 200, PEC_PASSWORD_POLICY),
  },
  {
    op: 'searchMailboxes',
    method: 'GET',
    path: /^\/mailboxes$/,
    auth: true,
    handle: async (ctx) => {
      const { q, page, pageSize } = searchParameters(ctx.url);
      const d = ctx.domain as DomainState;
      const found = [...d.mailboxes.values()]
        .filter((m) => m.localPart.includes(q))
        .sort((a, b) => (a.localPart < b.localPart ? -1 : 1));
      const items = found.slice((page - 1) * pageSize, page * pageSize).map((m) => mailboxView(d, m));
      return json(ctx, 200, { items, page, pageSize, total: found.length });
    },
  },
  {
    op: 'createMailbox',
    method: 'POST',
    path: /^\/mailboxes$/,
    auth: true,
    handle: async (ctx) => {
      const key = idempotencyKey(ctx.request);
      const input = requireStrings(await readJsonObject(ctx.request), [
        'localPart',
        'password',
        'passwordConfirm',
      ]);
      const d = ctx.domain as DomainState;
      const { mailbox, replayed } = createMailbox(d, input, key);
      const location = new URL(`/pec/v1/mailboxes/${mailbox.localPart}`, ctx.url).href;
      const headers: Record<string, string> = { location };
      if (replayed) headers['idempotent-replayed'] = 'true';
      return json(ctx, 201, mailboxView(d, mailbox), headers);
    },
  },
  {
    op: 'getMailbox',
    method: 'GET',
    path: /^\/mailboxes\/([^/]+)$/,
    auth: true,
    handle: async (ctx) => {
      const { domain, localPart } = target(ctx);
      return json(ctx, 200, mailboxView(domain, findMailbox(domain, localPart)));
    },
  },
  {
    op: 'changeMailboxPassword',
    method: 'PUT',
    path: /^\/mailboxes\/([^/]+)\/password$/,
    auth: true,
    handle: async (ctx) => {
      const { domain, localPart } = target(ctx);
      const body = requireStrings(await readJsonObject(ctx.request), ['password', 'passwordConfirm']);
      changePassword(domain, localPart, body.password, body.passwordConfirm);
      return noContent(ctx);
    },
  },
  {
    op: 'resetMailboxPassword',
    method: 'POST',
    path: /^\/mailboxes\/([^/]+)\/password-reset$/,
    auth: true,
    handle: async (ctx) => {
      const { domain, localPart } = target(ctx);
      const temporaryPassword = resetPassword(domain, localPart);
      return json(ctx, 200, { temporaryPassword, mustChangeAtNextLogin: true }, NO_STORE);
    },
  },
  {
    op: 'deleteMailbox',
    method: 'DELETE',
    path: /^\/mailboxes\/([^/]+)$/,
    auth: true,
    handle: async (ctx) => {
      const { domain, localPart } = target(ctx);
      deleteMailbox(domain, localPart, ctx.url.searchParams.get('confirm'));
      return noContent(ctx);
    },
  },
];
