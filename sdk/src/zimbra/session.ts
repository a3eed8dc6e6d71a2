import { CasellaError } from '../errors/casella-error.ts';
import { ZimbraFault } from '../errors/zimbra-fault.ts';
import { VERSION } from '../version.ts';
import { buildBatchEnvelope, buildEnvelope, NS, type SoapDocument, type XmlBody } from './envelope.ts';
import { OPERATIONS, type Operation } from './operations.ts';
import { expectResponse, faultFromElement, readBatch, type SoapMessage } from './parse.ts';
import type { SoapTransport } from './transport.ts';

/** Path of the admin SOAP endpoint. */
export const ADMIN_PATH = '/service/admin/soap';
/** Path of the end-user SOAP endpoint. */
export const ACCOUNT_PATH = '/service/soap';

/** Sent in the context header's `<userAgent>`. */
export const USER_AGENT = { name: 'casella', version: VERSION } as const;

// Zimbra's answer when the token is dead or missing; the client logs in again once and replays.
const REAUTH_CODES = new Set(['service.AUTH_EXPIRED', 'service.AUTH_REQUIRED']);

/** One element of a batch answer: the raw response element, or the fault. */
export type RawBatchResult =
  | { readonly ok: true; readonly element: unknown }
  | { readonly ok: false; readonly fault: ZimbraFault };

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
  async login(): Promise<void> {
    const password = this.#password;
    if (password === undefined) throw new CasellaError('LOGGED_OUT', 'this client was logged out');
    const doc: SoapDocument = {
      name: OPERATIONS.auth.request,
      namespace: NS.admin,
      body: { name: this.username, password },
    };
    const message = await this.transport.post(ADMIN_PATH, buildEnvelope(doc, { userAgent: USER_AGENT }), {
      idempotent: true,
    });
    const auth = expectResponse(message, doc.name, OPERATIONS.auth.response, [password]);
    this.#token = auth.authToken;
  }

  /** Forgets the token and the password; later calls throw `LOGGED_OUT`. */
  logout(): void {
    this.#token = undefined;
    this.#password = undefined;
  }

  /** Sends one typed operation and returns its validated response. `secrets` are redacted from faults. */
  call<T>(op: Operation<T>, body: XmlBody, secrets: readonly string[] = []): Promise<T> {
    return this.send({ name: op.request, namespace: op.namespace, body }, op.idempotent, (message, known) =>
      expectResponse(message, op.request, op.response, [...known, ...secrets]),
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
  ): Promise<(RawBatchResult | undefined)[]> {
    const envelopeFor = (token: string) =>
      buildBatchEnvelope(docs, onError, { authToken: token, userAgent: USER_AGENT });
    return this.#authenticated(async (token) => {
      const message = await this.transport.post(ADMIN_PATH, envelopeFor(token), { idempotent });
      const all = this.#secrets(token, secrets);
      if (message.kind === 'fault') throw faultFromElement(message.fault, 'BatchRequest', all);
      const entries = readBatch(message.body.BatchResponse);
      const results = docs.map((doc, i): RawBatchResult | undefined => {
        const entry = entries.get(String(i));
        if (entry === undefined) return undefined;
        if (entry.kind === 'fault') return { ok: false, fault: faultFromElement(entry.fault, doc.name, all) };
        return { ok: true, element: entry.element };
      });
      // An unknown token is ignored by Zimbra, so each child faults on its own with AUTH_REQUIRED.
      // When every child that ran did, nothing happened and the batch may be replayed after a new login.
      const ran = results.filter((r) => r !== undefined);
      const dead = ran.length > 0 && ran.every((r) => !r.ok && REAUTH_CODES.has(r.fault.code));
      if (dead) throw (ran[0] as { fault: ZimbraFault }).fault;
      return results;
    });
  }

  /**
   * Sends a document and reads the answer with `read`, which gets the secrets to redact (token,
   * password); retries only when `idempotent`.
   */
  send<T>(
    doc: SoapDocument,
    idempotent: boolean,
    read: (message: SoapMessage, secrets: readonly string[]) => T,
  ): Promise<T> {
    return this.#authenticated(async (token) => {
      const envelope = buildEnvelope(doc, { authToken: token, userAgent: USER_AGENT });
      const message = await this.transport.post(ADMIN_PATH, envelope, { idempotent });
      return read(message, this.#secrets(token, []));
    });
  }

  #secrets(token: string, extra: readonly string[]): string[] {
    return [token, ...(this.#password === undefined ? [] : [this.#password]), ...extra];
  }

  async #authenticated<T>(run: (token: string) => Promise<T>): Promise<T> {
    const token = await this.#currentToken();
    try {
      return await run(token);
    } catch (error) {
      if (!(error instanceof ZimbraFault) || !REAUTH_CODES.has(error.code)) throw error;
      // The server refuses an expired token before dispatching, so replaying even a write is safe.
      await this.#relogin(token);
      return run(await this.#currentToken());
    }
  }

  async #currentToken(): Promise<string> {
    if (this.#login !== undefined) await this.#login;
    if (this.#token === undefined) await this.#relogin(undefined);
    if (this.#token === undefined) throw new CasellaError('LOGGED_OUT', 'this client was logged out');
    return this.#token;
  }

  // Single flight: concurrent calls that saw the same dead token share one AuthRequest.
  async #relogin(stale: string | undefined): Promise<void> {
    if (this.#login === undefined && this.#token !== stale) return;
    if (this.#login === undefined) {
      this.#token = undefined;
      this.#login = this.login().finally(() => {
        this.#login = undefined;
      });
    }
    await this.#login;
  }
}
