import { AbortedError } from '../errors/aborted-error.ts';
import { CasellaError } from '../errors/casella-error.ts';
import { ZimbraFault } from '../errors/zimbra-fault.ts';
import { VERSION } from '../version.ts';
import { checkBody, NS, type SoapDocument, type XmlBody, type ZimbraNamespace } from './envelope.ts';
import { OPERATIONS, type Operation } from './operations.ts';
import { expectResponse, faultFromElement, readBatch, responseName } from './parse.ts';
import type { SoapTransport } from './transport.ts';
import type { SoapMessage } from './wire/codec.ts';

/** Path of the admin SOAP endpoint. */
export const ADMIN_PATH = '/service/admin/soap';
/** Path of the end-user SOAP endpoint. */
export const ACCOUNT_PATH = '/service/soap';

/** Sent in the context header's `<userAgent>`. */
export const USER_AGENT = { name: 'casella', version: VERSION } as const;

// Zimbra's answer when the token is dead or missing; the client logs in again once and replays.
const REAUTH_CODES = new Set(['service.AUTH_EXPIRED', 'service.AUTH_REQUIRED']);

/** Per-call options every operation accepts. */
export interface CallOptions {
  /**
   * Stops the call at once with AbortedError (its connection is closed). A write already on the wire
   * may still have happened on the server.
   */
  readonly signal?: AbortSignal | undefined;
}

/** One element of a batch answer: the raw response element, or the fault. */
export type RawBatchResult =
  | { readonly ok: true; readonly element: unknown }
  | { readonly ok: false; readonly fault: ZimbraFault };

/** Whether `logout()` ended the session on the server too. */
export interface LogoutResult {
  /** True when the server confirmed EndSession: the token is dead there as well. */
  readonly ended: boolean;
  /** Why it could not be confirmed (unreachable, refused), when it was not. */
  readonly error?: CasellaError | undefined;
}

/** Throws AbortedError when the caller's signal has fired. */
export function throwIfAborted(options: CallOptions | undefined): void {
  if (options?.signal?.aborted) throw new AbortedError();
}

/**
 * Sends `EndSessionRequest logoff="1"` with a token, so that the server forgets it (Zimbra keeps an
 * unended token valid for its whole lifetime, 12 h by default).
 */
export async function endSession(
  transport: SoapTransport,
  path: string,
  namespace: ZimbraNamespace,
  token: string,
  options: CallOptions = {},
): Promise<LogoutResult> {
  const doc: SoapDocument = { name: OPERATIONS.endSession.request, namespace, body: { '@_logoff': '1' } };
  try {
    // No <nosession/>: Zimbra ignores EndSession in a nosession context.
    const body = transport.codec.encode(doc, { authToken: token, userAgent: USER_AGENT, nosession: false });
    const message = await transport.post(path, body, {
      idempotent: false,
      operation: doc.name,
      secrets: [token],
      signal: options.signal,
    });
    expectResponse(message, { request: doc.name, namespace }, OPERATIONS.endSession.response, [token]);
    return { ended: true };
  } catch (error) {
    return {
      ended: false,
      error: error instanceof CasellaError ? error : new CasellaError('LOGOUT', String(error)),
    };
  }
}

/**
 * An authenticated admin session: holds the token and the credentials in private fields,
 * sends operations, and logs in again once (single-flight) when the server says the token is dead.
 */
export class AdminSession {
  readonly transport: SoapTransport;
  readonly username: string;
  #password: string | undefined;
  #token: string | undefined;
  #login: Promise<void> | undefined;

  constructor(transport: SoapTransport, username: string, password: string) {
    this.transport = transport;
    this.username = username;
    this.#password = password;
  }

  /** Authenticates with the admin AuthRequest. */
  async login(options?: CallOptions): Promise<void> {
    const password = this.#password;
    if (password === undefined) throw new CasellaError('LOGGED_OUT', 'this client was logged out');
    const doc: SoapDocument = {
      name: OPERATIONS.auth.request,
      namespace: NS.admin,
      body: { name: this.username, password },
    };
    const message = await this.transport.post(
      ADMIN_PATH,
      this.transport.codec.encode(doc, { userAgent: USER_AGENT }),
      { idempotent: true, operation: doc.name, secrets: [password], signal: options?.signal },
    );
    const auth = expectResponse(
      message,
      { request: doc.name, namespace: NS.admin },
      OPERATIONS.auth.response,
      [password],
    );
    this.#token = auth.authToken;
  }

  /** Forgets the token and the password at once, then ends the session on the server. */
  async logout(options: CallOptions = {}): Promise<LogoutResult> {
    const token = this.#token;
    this.#token = undefined;
    this.#password = undefined;
    if (token === undefined) return { ended: true };
    // EndSession exists only in urn:zimbraAccount (soap.txt); the admin endpoint serves that service too.
    return endSession(this.transport, ADMIN_PATH, NS.account, token, options);
  }

  /** Sends one typed operation and returns its validated response. `secrets` are redacted from faults. */
  call<T>(
    op: Operation<T>,
    body: XmlBody,
    secrets: readonly string[] = [],
    options?: CallOptions,
  ): Promise<T> {
    return this.send(
      { name: op.request, namespace: op.namespace, body },
      op.idempotent,
      (message, known) =>
        expectResponse(message, { request: op.request, namespace: op.namespace }, op.response, [
          ...known,
          ...secrets,
        ]),
      options,
      secrets,
    );
  }

  /**
   * Sends documents in one BatchRequest and returns, per document and in order, its response
   * element or its fault. A document the server skipped (onerror=stop) has neither: `undefined`.
   */
  async batch(
    docs: readonly SoapDocument[],
    onError: 'continue' | 'stop',
    secrets: readonly string[],
    idempotent = false,
    options?: CallOptions,
  ): Promise<(RawBatchResult | undefined)[]> {
    for (const [i, doc] of docs.entries()) checkBody(doc.body, `items.${i}.body`);
    const codec = this.transport.codec;
    return this.#authenticated(async (token) => {
      const all = this.#secrets(token, secrets);
      const message = await this.transport.post(
        ADMIN_PATH,
        codec.encodeBatch(docs, onError, { authToken: token, userAgent: USER_AGENT }),
        { idempotent, operation: 'BatchRequest', secrets: all, signal: options?.signal },
      );
      if (message.kind === 'fault') throw faultFromElement(message.fault, 'BatchRequest', all);
      const element = expectResponse(
        message,
        { request: 'BatchRequest', namespace: NS.zimbra },
        OPERATIONS.batch.response,
      );
      const entries = readBatch(element);
      const results = docs.map((doc, i): RawBatchResult | undefined => {
        const entry = entries.get(String(i));
        if (entry === undefined) return undefined;
        if (entry.kind === 'fault') return { ok: false, fault: faultFromElement(entry.fault, doc.name, all) };
        if (entry.name !== responseName(doc.name)) {
          const fault = new ZimbraFault({
            code: 'service.FAILURE',
            reason: `answered with ${entry.name}, not ${responseName(doc.name)}`,
            fault: 'server',
            request: doc.name,
          });
          return { ok: false, fault };
        }
        return { ok: true, element: entry.element };
      });
      // An unknown token is ignored by Zimbra, so each child faults on its own with AUTH_REQUIRED.
      // When every child that ran did, nothing happened and the batch may be replayed after a new login.
      const ran = results.filter((r) => r !== undefined);
      const dead = ran.length > 0 && ran.every((r) => !r.ok && REAUTH_CODES.has(r.fault.code));
      if (dead) throw (ran[0] as { fault: ZimbraFault }).fault;
      return results;
    }, options);
  }

  /**
   * Sends a document and reads the answer with `read`, which gets the secrets to redact (token,
   * password); retries only when `idempotent`.
   */
  send<T>(
    doc: SoapDocument,
    idempotent: boolean,
    read: (message: SoapMessage, secrets: readonly string[]) => T,
    options?: CallOptions,
    extraSecrets: readonly string[] = [],
  ): Promise<T> {
    checkBody(doc.body);
    return this.#authenticated(async (token) => {
      const body = this.transport.codec.encode(doc, { authToken: token, userAgent: USER_AGENT });
      const secrets = this.#secrets(token, extraSecrets);
      const message = await this.transport.post(ADMIN_PATH, body, {
        idempotent,
        operation: doc.name,
        secrets,
        signal: options?.signal,
      });
      return read(message, secrets);
    }, options);
  }

  #secrets(token: string, extra: readonly string[]): string[] {
    return [token, ...(this.#password === undefined ? [] : [this.#password]), ...extra];
  }

  async #authenticated<T>(run: (token: string) => Promise<T>, options: CallOptions | undefined): Promise<T> {
    throwIfAborted(options);
    const token = await this.#currentToken(options);
    try {
      return await run(token);
    } catch (error) {
      if (!(error instanceof ZimbraFault) || !REAUTH_CODES.has(error.code)) throw error;
      // The server refuses an expired token before dispatching, so replaying even a write is safe.
      await this.#relogin(token, options);
      return run(await this.#currentToken(options));
    }
  }

  async #currentToken(options: CallOptions | undefined): Promise<string> {
    if (this.#login !== undefined) await this.#login;
    if (this.#token === undefined) await this.#relogin(undefined, options);
    if (this.#token === undefined) throw new CasellaError('LOGGED_OUT', 'this client was logged out');
    return this.#token;
  }

  // Single flight: concurrent calls that saw the same dead token share one AuthRequest. The shared
  // login is not tied to one caller's signal, so one caller's abort does not fail the others.
  async #relogin(stale: string | undefined, options: CallOptions | undefined): Promise<void> {
    if (this.#login === undefined && this.#token !== stale) return;
    if (this.#login === undefined) {
      this.#token = undefined;
      this.#login = this.login().finally(() => {
        this.#login = undefined;
      });
    }
    await abortable(this.#login, options?.signal);
  }
}

/** Waits for a shared promise, but lets one caller stop waiting when its own signal fires. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(new AbortedError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbortedError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
