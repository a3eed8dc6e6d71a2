import { z } from 'zod';
import { untilAborted } from '../http/abort.ts';
import { MAX_RESPONSE_BYTES_CEILING } from '../http/read-within.ts';
import { parseInput } from '../validate.ts';
import { callSignal, FunctionSchema, type PecCallOptions, SignalSchema } from './call-options.ts';
import type { PecHooks } from './hooks.ts';
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
  /** The postmaster's password; kept in a #private field for one re-login, never shown. */
  readonly password: string;
  /** PEM of a CA (or self-signed certificate) to trust, as a string or Buffer. */
  readonly ca?: string | Buffer | undefined;
  /** Accept any certificate: for a lab server only. Must be a boolean (`"false"` is refused). @default false */
  readonly insecureSkipTlsVerify?: boolean | undefined;
  /** Time allowed for each attempt, headers and body (error bodies too), in ms, 1..86400000. @default 10000 */
  readonly timeoutMs?: number | undefined;
  /** Retry bounds. @default { limit: 2, maxRetryAfterMs: 30000, backoffMs: 300 } */
  readonly retry?: PecRetryOptions | undefined;
  /**
   * Most decoded bytes accepted in one answer (gzip counted inflated), 1024..268435456; past it the
   * call fails at once with ResponseTooLargeError. @default 33554432 (32 MiB, DEFAULT_MAX_RESPONSE_BYTES)
   */
  readonly maxResponseBytes?: number | undefined;
  /** Observers of every request and response, for logging and tracing; they see redacted copies only. */
  readonly hooks?: PecHooks | undefined;
  /** Stops the login at once with AbortedError when it fires. */
  readonly signal?: AbortSignal | undefined;
}

/** Node's timers fire at once past 2^31-1 ms; a day is far more than any call needs. */
const MAX_MS = 86_400_000;

const LoginOptions = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  username: z
    .string()
    .regex(/^[^\s@]+@[^\s@]+$/, { message: 'must be an address such as postmaster@pec.example.it' }),
  password: z.string().min(1, { message: 'is required' }),
  ca: z.union([z.string(), z.instanceof(Buffer)]).optional(),
  insecureSkipTlsVerify: z.boolean().optional(),
  timeoutMs: z.int().positive().max(MAX_MS).optional(),
  retry: z
    .strictObject({
      limit: z.int().min(0).max(10).optional(),
      maxRetryAfterMs: z.int().min(0).max(MAX_MS).optional(),
      backoffMs: z.int().min(0).max(MAX_MS).optional(),
    })
    .optional(),
  maxResponseBytes: z.int().min(1024).max(MAX_RESPONSE_BYTES_CEILING).optional(),
  hooks: z
    .strictObject({ onRequest: FunctionSchema.optional(), onResponse: FunctionSchema.optional() })
    .optional(),
  signal: SignalSchema.optional(),
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
      policy: (signal) => this.passwordPolicy(signal === undefined ? {} : { signal }),
    });
  }

  /**
   * Logs in as the postmaster of a PEC domain. Every option is checked before the wire (unknown
   * members and wrong types are refused). Redirects are never followed.
   * @throws ValidationError (bad options); PecApiError `INVALID_CREDENTIALS`, `NOT_POSTMASTER`, `ACCOUNT_LOCKED`;
   * TransportError (also for a redirect, naming its target), TimeoutError, ResponseTooLargeError, AbortedError.
   */
  static async login(options: PecLoginOptions): Promise<PecPostmaster> {
    const {
      url,
      username,
      password,
      signal,
      hooks: _checked,
      ...connection
    } = parseInput(LoginOptions, options);
    // The hooks were checked above; the caller's own functions are kept with their declared types.
    const http = new PecHttp({ url, ...connection, hooks: options.hooks });
    const session = await http.login(username, password, signal);
    return new PecPostmaster(http, session.principal.address, session.domain);
  }

  /** The domain: status, mailboxes created, the limit and the fixed per-mailbox quota. */
  async domain(options: PecCallOptions = {}): Promise<PecDomain> {
    const signal = callSignal(options);
    const answer = await this.#http.send({ method: 'GET', path: 'domain', retry: 'read', signal });
    return parseAnswer(PecDomainSchema, answer.body, 'GET /v1/domain answer');
  }

  /**
   * The server's password policy (fetched once per session), with `check(pw)` for live feedback.
   * A signal stops this caller's wait; the shared fetch goes on for the others.
   */
  passwordPolicy(options: PecCallOptions = {}): Promise<PecPasswordRules> {
    const signal = callSignal(options);
    this.#policy ??= this.#http
      .send({ method: 'GET', path: 'password-policy', retry: 'read' })
      .then((answer) =>
        passwordRules(parseAnswer(PecPasswordPolicySchema, answer.body, 'GET /v1/password-policy answer')),
      )
      .catch((error: unknown) => {
        this.#policy = undefined;
        throw error;
      });
    return untilAborted(this.#policy, signal);
  }

  /**
   * Ends the session on the server and forgets the credentials. An already expired session counts
   * as ended; the credentials are forgotten whatever happens (an abort included).
   */
  async logout(options: PecCallOptions = {}): Promise<void> {
    const signal = callSignal(options);
    try {
      await this.#http.send({
        method: 'DELETE',
        path: 'sessions/current',
        retry: 'once',
        relogin: false,
        signal,
      });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== 'TOKEN_EXPIRED' && code !== 'TOKEN_INVALID' && code !== 'SESSION_CLOSED') throw error;
    } finally {
      this.#http.forget();
    }
  }

  /** `PecPostmaster(address)`: never the password or token. */
  toString(): string {
    return `PecPostmaster(${this.address})`;
  }

  /** The address and domain only. */
  toJSON(): Record<string, string> {
    return { address: this.address, domain: this.domainName };
  }

  /** What `util.inspect` and `console.log` show: the same as toString(). */
  [INSPECT](): string {
    return this.toString();
  }
}
