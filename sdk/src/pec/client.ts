import { z } from 'zod';
import { parseInput } from '../validate.ts';
import { PecHttp, type PecRetryOptions, parseAnswer } from './http.ts';
import { PecMailboxes } from './mailboxes.ts';
import { PecPasswordPolicySchema, type PecPasswordRules, passwordRules } from './policy.ts';
import { type PecDomain, PecDomainSchema } from './schemas.ts';

/** Options of {@link PecPostmaster.login}. */
export interface PecLoginOptions {
  /** Base URL of the pec-admin contract, e.g. `http://127.0.0.1:7071/pec`. */
  readonly url: string;
  /** The postmaster's address, e.g. `postmaster@pec.example.it`. */
  readonly username: string;
  readonly password: string;
  /** PEM of a CA (or self-signed certificate) to trust. */
  readonly ca?: string | Buffer | undefined;
  /** Accept any certificate: for a lab server only. @default false */
  readonly insecureSkipTlsVerify?: boolean | undefined;
  /** Time allowed for each attempt, in ms. @default 10000 */
  readonly timeoutMs?: number | undefined;
  /** Retry bounds. @default { limit: 2, maxRetryAfterMs: 30000, backoffMs: 300 } */
  readonly retry?: PecRetryOptions | undefined;
}

const LoginOptions = z.object({
  url: z.url({ protocol: /^https?$/ }),
  username: z
    .string()
    .regex(/^[^\s@]+@[^\s@]+$/, { message: 'must be an address such as postmaster@pec.example.it' }),
  password: z.string().min(1, { message: 'is required' }),
  timeoutMs: z.int().positive().optional(),
  retry: z
    .object({
      limit: z.int().min(0).max(10).optional(),
      maxRetryAfterMs: z.int().min(0).optional(),
      backoffMs: z.int().min(0).optional(),
    })
    .optional(),
});

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * A logged-in PEC postmaster (pec-admin v1): the panel's search, create, change and reset password,
 * and delete, for the postmaster's own PEC domain. Password and token stay in #private fields and
 * never appear in errors, `toString()`, `inspect` or `JSON.stringify`.
 * @example
 * const pec = await PecPostmaster.login({ url: 'http://127.0.0.1:7071/pec',
 *   username: 'postmaster@pec.example.it', password: process.env.PEC_PASSWORD! });
 * for await (const m of pec.mailboxes.search({ q: 'rossi' })) console.log(m.address, m.status);
 * await pec.logout();
 */
export class PecPostmaster {
  readonly #http: PecHttp;
  #policy: Promise<PecPasswordRules> | undefined;
  /** The postmaster's address. */
  readonly address: string;
  /** The PEC domain the session may act on, e.g. `pec.example.it`. */
  readonly domainName: string;
  /** The mailboxes of the domain. */
  readonly mailboxes: PecMailboxes;

  private constructor(http: PecHttp, address: string, domainName: string) {
    this.#http = http;
    this.address = address;
    this.domainName = domainName;
    this.mailboxes = new PecMailboxes({
      http,
      domain: domainName,
      address,
      policy: () => this.passwordPolicy(),
    });
  }

  /**
   * Logs in as the postmaster of a PEC domain.
   * @throws ValidationError (bad options); PecApiError `INVALID_CREDENTIALS`, `NOT_POSTMASTER`, `ACCOUNT_LOCKED`;
   * TransportError, TimeoutError.
   */
  static async login(options: PecLoginOptions): Promise<PecPostmaster> {
    const { url, username, password, timeoutMs, retry } = parseInput(LoginOptions, options);
    const http = new PecHttp({
      url,
      timeoutMs,
      retry,
      ca: options.ca,
      insecureSkipTlsVerify: options.insecureSkipTlsVerify,
    });
    const session = await http.login(username, password);
    return new PecPostmaster(http, session.principal.address, session.domain);
  }

  /** The domain: status, mailboxes created, the limit and the fixed per-mailbox quota. */
  async domain(): Promise<PecDomain> {
    const answer = await this.#http.send({ method: 'GET', path: 'domain', retry: 'read' });
    return parseAnswer(PecDomainSchema, answer.body, 'GET /v1/domain answer');
  }

  /** The server's password policy (fetched once per session), with `check(pw)` for live feedback. */
  passwordPolicy(): Promise<PecPasswordRules> {
    this.#policy ??= this.#http
      .send({ method: 'GET', path: 'password-policy', retry: 'read' })
      .then((answer) =>
        passwordRules(parseAnswer(PecPasswordPolicySchema, answer.body, 'GET /v1/password-policy answer')),
      )
      .catch((error: unknown) => {
        this.#policy = undefined;
        throw error;
      });
    return this.#policy;
  }

  /** Ends the session and forgets the credentials. An already expired session counts as ended. */
  async logout(): Promise<void> {
    try {
      await this.#http.send({ method: 'DELETE', path: 'sessions/current', retry: 'once', relogin: false });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== 'TOKEN_EXPIRED' && code !== 'TOKEN_INVALID' && code !== 'SESSION_CLOSED') throw error;
    } finally {
      this.#http.forget();
    }
  }

  toString(): string {
    return `PecPostmaster(${this.address})`;
  }

  toJSON(): Record<string, string> {
    return { address: this.address, domain: this.domainName };
  }

  [INSPECT](): string {
    return this.toString();
  }
}
