import { inspect } from 'node:util';
import type { z } from 'zod';
import { parseInput } from '../validate.ts';
import { Accounts } from './accounts.ts';
import { type BatchItem, type BatchOptions, type BatchResult, type BatchValue, runBatch } from './batch.ts';
import { ClassesOfService } from './cos.ts';
import { Domains } from './domains.ts';
import { NS, type XmlBody, type ZimbraNamespace } from './envelope.ts';
import { AccountRef, ConnectionInput, CosRef, RequestName } from './inputs.ts';
import { Lookups } from './lookups.ts';
import { isReadRequest } from './operations.ts';
import { expectResponse } from './parse.ts';
import type { PasswordPolicy } from './policy.ts';
import { Quota } from './quota.ts';
import { AnyElement } from './schemas.ts';
import { AdminSession, type CallOptions, type LogoutResult } from './session.ts';
import { type ConnectionOptions, SoapTransport } from './transport.ts';
import { codecFor } from './wire/index.ts';

/** Options of {@link ZimbraAdmin.login}. */
export interface ZimbraAdminOptions extends ConnectionOptions {
  /** Admin (global or domain admin) address, e.g. `admin@example.com`. */
  readonly username: string;
  readonly password: string;
  /** How long COS, policy and domain-default lookups are cached. @default 300000 */
  readonly cacheTtlMs?: number | undefined;
  /** Stops the login at once with AbortedError. */
  readonly signal?: AbortSignal | undefined;
}

/** Options of {@link ZimbraAdmin.request}. */
export interface RawRequestOptions<T> extends CallOptions {
  /** Namespace of the request element. @default 'urn:zimbraAdmin' */
  readonly namespace?: ZimbraNamespace;
  /** Schema for the response element; by default the raw parsed element is returned. */
  readonly schema?: z.ZodType<T>;
}

/**
 * A Zimbra admin client over the SOAP 1.2 admin endpoint (`https://host:7071/service/admin/soap`).
 * The token and password live in private fields: never in errors, JSON or `util.inspect`.
 * @example
 * const admin = await ZimbraAdmin.login({ url: 'https://mail.example.com:7071', username: 'admin@example.com', password });
 * const cap = await admin.domains.capacity('example.com');
 * await admin.close();
 */
export class ZimbraAdmin {
  /** Account (mailbox) operations. */
  readonly accounts: Accounts;
  /** Domain status and mailbox slots. */
  readonly domains: Domains;
  /** Mailbox usage and quotas. */
  readonly quota: Quota;
  /** Classes of service (mailbox types). */
  readonly cos: ClassesOfService;
  readonly #session: AdminSession;
  readonly #lookups: Lookups;

  private constructor(session: AdminSession, cacheTtlMs: number) {
    this.#session = session;
    this.#lookups = new Lookups(session, cacheTtlMs);
    this.accounts = new Accounts(session, this.#lookups);
    this.domains = new Domains(session, this.#lookups);
    this.quota = new Quota(session, this.#lookups);
    this.cos = new ClassesOfService(session, this.#lookups);
  }

  /**
   * Logs in with the admin AuthRequest (global or domain admin). TLS verification is on unless
   * `insecureSkipTlsVerify` is set; pass `ca` for a self-signed 7071 certificate.
   * @throws ValidationError; ZimbraFault `account.AUTH_FAILED` (wrong password), `service.PERM_DENIED`
   *   (unknown, inactive or non-admin account); TransportError; TimeoutError.
   * @example
   * const admin = await ZimbraAdmin.login({ url: 'https://127.0.0.1:7071', username: 'admin@example.com', password, ca });
   */
  static async login(options: ZimbraAdminOptions): Promise<ZimbraAdmin> {
    const v = parseInput(ConnectionInput, options);
    const transport = new SoapTransport({ ...options, url: v.url }, codecFor(v.wire));
    const session = new AdminSession(transport, v.username, options.password);
    try {
      await session.login({ signal: options.signal });
    } catch (error) {
      await transport.close();
      throw error;
    }
    return new ZimbraAdmin(session, options.cacheTtlMs ?? 300_000);
  }

  /** The server's base URL. */
  get url(): string {
    return this.#session.transport.baseUrl;
  }

  /** The admin this client acts as. */
  get username(): string {
    return this.#session.username;
  }

  /**
   * The password policy that applies to an account (its COS's rules, its own on top) or to a COS,
   * usable offline: `policy.check(pw)` lists the broken rules.
   * @throws ValidationError; ZimbraFault `account.NO_SUCH_ACCOUNT`, `account.NO_SUCH_COS`, `service.PERM_DENIED`.
   * @example
   * const policy = await admin.passwordPolicy({ cos: 'Standard' });
   * if (policy.check(typed).length > 0) showHints(policy.check(typed));
   */
  async passwordPolicy(
    target: string | { readonly cos: string },
    options: CallOptions = {},
  ): Promise<PasswordPolicy> {
    if (typeof target === 'string') {
      const ref = parseInput(AccountRef, target, 'ref');
      return this.#lookups.policyForAccount(await this.#lookups.account(ref, options), options);
    }
    return this.#lookups.cosPolicy(parseInput(CosRef, target.cos, 'cos'), options);
  }

  /**
   * Sends many requests in one BatchRequest; each item gets its value or its fault, in order.
   * Every item is validated before anything is sent. A batch is never retried.
   * @throws ValidationError (field `items.<i>.<field>`); ZimbraFault for the batch as a whole
   *   (e.g. `service.AUTH_FAILED`); TransportError; TimeoutError.
   * @example
   * const results = await admin.batch(
   *   names.map((name) => zimbraBatch.createAccount({ name, password, cos: 'Standard' })),
   *   { onError: 'continue' },
   * );
   * const failed = results.filter((r) => !r.ok);
   */
  async batch<const T extends readonly BatchItem<unknown>[]>(
    items: T,
    options: BatchOptions = {},
  ): Promise<{ -readonly [K in keyof T]: BatchResult<BatchValue<T[K]>> }> {
    return runBatch(this.#session, this.#lookups, items, options);
  }

  /**
   * Sends any other request (the raw escape hatch) and returns its response element, parsed
   * (attributes under `@_name`, text under `#text`) or checked by `options.schema`. Only reads
   * (`Get*`, `Search*`, `Count*`) are retried.
   * @throws ValidationError (rule `requestName`); ZimbraFault, e.g. `service.UNKNOWN_DOCUMENT`;
   *   ResponseValidationError when `schema` does not match.
   * @example
   * const info = await admin.request('GetVersionInfoRequest', {});
   */
  async request<T = Record<string, unknown>>(
    requestName: string,
    body: XmlBody = {},
    options: RawRequestOptions<T> = {},
  ): Promise<T> {
    const name = parseInput(RequestName, requestName, 'requestName');
    const schema = (options.schema ?? AnyElement) as z.ZodType<T>;
    const doc = { name, namespace: options.namespace ?? NS.admin, body };
    return this.#session.send(
      doc,
      isReadRequest(name),
      (message, secrets) =>
        expectResponse(message, { request: name, namespace: doc.namespace }, schema, secrets),
      options,
    );
  }

  /** Forgets cached COS, policy and domain lookups. */
  clearCache(): void {
    this.#lookups.clear();
  }

  /**
   * Forgets the token and the password at once (later calls throw `LOGGED_OUT`), then ends the
   * session on the server with `EndSessionRequest logoff="1"`, so the token stops working there too.
   * Never rejects: the result says whether the server confirmed.
   * @example
   * const { ended } = await admin.logout();
   */
  logout(options: CallOptions = {}): Promise<LogoutResult> {
    return this.#session.logout(options);
  }

  /** Logs out (ending the session on the server, as {@link logout}) and closes the connection pool. */
  async close(options: CallOptions = {}): Promise<LogoutResult> {
    try {
      return await this.#session.logout(options);
    } finally {
      await this.#session.transport.close();
    }
  }

  /** Only what identifies the client: never the token or the password. */
  toJSON(): { url: string; username: string } {
    return { url: this.url, username: this.username };
  }

  toString(): string {
    return `ZimbraAdmin(${this.username} @ ${this.url})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}
