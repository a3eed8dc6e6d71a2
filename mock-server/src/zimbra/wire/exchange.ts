import { type CoreRequest, type PlainAnswer, plain } from '../../core-exchange.ts';
import { resolveCaller } from '../auth.ts';
import { type Exchange, type Lifetimes, NS_ZIMBRA, type ZimbraContext } from '../context.ts';
import { asFault, dispatchRequest, IMPLEMENTED_OPERATIONS } from '../dispatch.ts';
import { faults } from '../fault.ts';
import type { Caller, Grants } from '../rights.ts';
import type { ZimbraStore } from '../store.ts';
import type { TokenRegistry } from '../tokens.ts';
import { el, type OutElement, type XmlElement } from '../xml.ts';
import { type WireCodec, WireParseError } from './codec.ts';
import { readRequest, responseCodec } from './read-request.ts';
import { type RequestContext, readContext } from './request-context.ts';
import type { SessionRegistry } from './sessions.ts';

/** The live state one SOAP exchange works on. */
export interface ExchangeState {
  readonly store: ZimbraStore;
  readonly grants: Grants;
  readonly tokens: TokenRegistry;
  readonly lifetimes: Lifetimes;
  readonly sessions: SessionRegistry;
}

// The mock keeps no mail items, so a mailbox's last change id never moves from the one it was created with.
const MAILBOX_CHANGE_ID = 1;

// Requests whose handlers authenticate by themselves (needsAuth false): no CSRF check for them.
const SELF_AUTHENTICATING = new Set(['AuthRequest', 'ChangePasswordRequest']);
const OPERATIONS = new Set(IMPLEMENTED_OPERATIONS);

function cookieToken(request: CoreRequest, name: string): string | undefined {
  const cookies = request.header('cookie');
  if (!cookies) return undefined;
  for (const part of cookies.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** SoapEngine: a CSRF-secured token is checked for every request that needs auth, BatchRequest included. */
function needsCsrfCheck(body: XmlElement): boolean {
  if (body.ns === NS_ZIMBRA && body.name === 'BatchRequest') return true;
  return OPERATIONS.has(`${body.ns}|${body.name}`) && !SELF_AUTHENTICATING.has(body.name);
}

function respond(
  codec: WireCodec,
  body: OutElement,
  context: OutElement | undefined,
  isFault: boolean,
  extra: readonly (readonly [string, string])[] = [],
): PlainAnswer {
  const headers: (readonly [string, string])[] = [
    ['content-type', codec.contentType],
    ['cache-control', 'no-store, no-cache'],
    ...extra,
  ];
  // SoapServlet: HTTP 500 when the Body holds a fault, 200 otherwise (a BatchResponse with faults inside is 200).
  return plain(isFault ? 500 : 200, headers, codec.write(body, context));
}

interface Resolved {
  readonly info: RequestContext;
  readonly token: string | undefined;
  readonly caller: Caller | undefined;
}

/** The context header and the caller its token (or cookie) names; AUTH_EXPIRED unless `voidOnExpired`. */
function resolve(
  state: ExchangeState,
  context: XmlElement | undefined,
  request: CoreRequest,
  admin: boolean,
): Resolved {
  const info = readContext(context);
  const token = info.authToken ?? cookieToken(request, admin ? 'ZM_ADMIN_AUTH_TOKEN' : 'ZM_AUTH_TOKEN');
  const base = { ...state, endpoint: admin ? 'admin' : 'user' } as const;
  try {
    const caller = resolveCaller(base, token);
    return { info, token: caller === undefined ? undefined : token, caller };
  } catch (error) {
    if (info.voidOnExpired && asFault(error).code === 'service.AUTH_EXPIRED')
      return { info, token: undefined, caller: undefined };
    throw error;
  }
}

/**
 * Answers one HTTP request to `/service/admin/soap[/Name]` or `/service/soap[/Name]` in Zimbra's two
 * formats: reads XML or JSON, resolves the context header (token or cookie, format, session, CSRF), runs the
 * request through the dispatcher, and writes the answer with its context header (`<session>`, `<change>`).
 * Synchronous, on a request whose body is already read: both the node:http server and `handle()` call it.
 */
export function answerSoap(state: ExchangeState, request: CoreRequest): PlainAnswer {
  const url = request.url;
  const admin = url.pathname.startsWith('/service/admin/');
  let wire: ReturnType<typeof readRequest>;
  try {
    wire = readRequest(request.text());
  } catch (error) {
    if (!(error instanceof WireParseError)) throw error;
    return respond(error.codec, error.codec.fault(error.fault), undefined, true);
  }
  let resolved: Resolved;
  try {
    resolved = resolve(state, wire.context, request, admin);
  } catch (error) {
    // ZimbraSoapContext could not be built: a bare fault in the request's own format.
    return respond(wire.codec, wire.codec.fault(asFault(error)), undefined, true);
  }
  const { info, token, caller } = resolved;
  if (caller !== undefined && token !== undefined && needsCsrfCheck(wire.body)) {
    const found = state.tokens.lookup(token, state.store.now());
    const expected = found.kind === 'valid' ? found.record.csrfToken : undefined;
    const given = request.header('x-zimbra-csrf-token') || info.csrfToken;
    if (expected !== undefined && given !== expected) {
      return respond(wire.codec, wire.codec.fault(faults.authRequired()), undefined, true);
    }
  }
  const codec = responseCodec(wire.codec, info.format);
  const extra: [string, string][] = [];
  const sessionAdmin = caller !== undefined && caller.kind !== 'user';
  const sessionId =
    caller !== undefined && info.session !== undefined
      ? state.sessions.resolve(caller.account.id, sessionAdmin, info.session.id)
      : undefined;
  let opened: { id: string; admin: boolean } | undefined;
  const exchange: Exchange = {
    token,
    secure: url.protocol === 'https:',
    session: info.session === undefined ? undefined : { id: sessionId },
    sessions: state.sessions,
    addHeader: (name, value) => extra.push([name, value]),
    openedSession: (id, isAdmin) => {
      opened = { id, admin: isAdmin };
    },
  };
  const ctx: ZimbraContext = { ...state, endpoint: admin ? 'admin' : 'user', caller, exchange };
  let body: OutElement;
  let isFault = false;
  try {
    body = dispatchRequest(wire.body, ctx, (error, requestId) => codec.fault(asFault(error), requestId));
  } catch (error) {
    body = codec.fault(asFault(error), wire.body.attrs.requestId);
    isFault = true;
  }
  const header: OutElement[] = [];
  const session = opened ?? (sessionId === undefined ? undefined : { id: sessionId, admin: sessionAdmin });
  if (session !== undefined && state.sessions.has(session.id)) {
    header.push(el('session', { type: session.admin ? 'admin' : undefined, id: session.id }, session.id));
  }
  // generateResponseHeader writes the requested mailbox's change id; Zimbra creates mailboxes lazily, so an
  // admin on the admin port may have none, while a mailbox owner on /service/soap always has one.
  if (caller !== undefined && !admin) header.push(el('change', { token: MAILBOX_CHANGE_ID }));
  return respond(codec, body, el('context', { xmlns: NS_ZIMBRA }, ...header), isFault, extra);
}
