import { z } from 'zod';
import {
  PecApiError,
  type PecErrorDetail,
  ResponseValidationError,
  ValidationError,
} from '../errors/index.ts';
import { parseInput } from '../validate.ts';
import { callSignal, type PecCallOptions, SignalSchema } from './call-options.ts';
import type { PecHttp } from './http.ts';
import { parseAnswer } from './http.ts';
import { localPartFormatIssues, normalizeLocalPart, validateLocalPart } from './local-part.ts';
import { checkPecPassword, type PecPasswordRules } from './policy.ts';
import {
  type PecMailbox,
  type PecMailboxPage,
  PecMailboxPageSchema,
  PecMailboxSchema,
  type PecPasswordReset,
  PecPasswordResetSchema,
} from './schemas.ts';

/** What PecMailboxes needs from its PecPostmaster. */
export interface PecSessionContext {
  readonly http: PecHttp;
  /** The session's PEC domain, e.g. `pec.example.it`. */
  readonly domain: string;
  /** The postmaster's address. */
  readonly address: string;
  /** The server's password policy (fetched once); the signal stops only this caller's wait. */
  policy(signal?: AbortSignal): Promise<PecPasswordRules>;
}

/** Input of {@link PecMailboxes.create}. */
export interface CreatePecMailboxInput {
  /** The name before `@`; lower-cased before checking. */
  readonly localPart: string;
  /** The new mailbox's password, checked against the server's policy before the wire. */
  readonly password: string;
  /** The same password again; must equal `password`. */
  readonly passwordConfirm: string;
}

/** Options of {@link PecMailboxes.create}. */
export interface CreatePecMailboxOptions extends PecCallOptions {
  /** The `Idempotency-Key` to send (1..255 visible ASCII characters). @default a fresh UUID */
  readonly idempotencyKey?: string | undefined;
}

/** Options of {@link PecMailboxes.delete}. */
export interface PecDeleteOptions extends PecCallOptions {
  /** The mailbox's exact address, as the confirmation of step 2. */
  readonly confirm: string;
}

/** Input of {@link PecMailboxes.changePassword}. */
export interface PecPasswordInput {
  /** The new password, checked against the server's policy before the wire. */
  readonly password: string;
  /** The same password again; must equal `password`. */
  readonly passwordConfirm: string;
}

/** Search of {@link PecMailboxes.search}: `q` is a case-insensitive substring of the local part. */
export interface PecSearchInput {
  /** A case-insensitive substring of the local part, up to 320 characters; empty or absent for all. */
  readonly q?: string | undefined;
  /** Mailboxes per request, 1..200. @default 50 */
  readonly pageSize?: number | undefined;
}

/** The warnings of step 1 of a delete, and the exact address step 2 needs. */
export interface PecDeleteWarning {
  /** The exact address to pass as `confirm` to {@link PecMailboxes.delete}. */
  readonly confirmWith: string;
  /** What the server says will be lost. */
  readonly warnings: readonly PecErrorDetail[];
}

const SearchInput = z.object({
  q: z.string().max(320).optional(),
  page: z.int().min(1).max(1_000_000).optional(),
  pageSize: z.int().min(1).max(200).optional(),
});

const PasswordPair = z.object({ password: z.string(), passwordConfirm: z.string() });

/** The contract's `Idempotency-Key`: 1..255 visible ASCII characters. */
const CreateOptions = z.strictObject({
  idempotencyKey: z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, { message: '1 to 255 visible ASCII characters, no blanks' })
    .optional(),
  signal: SignalSchema.optional(),
});

const DeleteOptions = z.strictObject({ confirm: z.string(), signal: SignalSchema.optional() });

/** The mailboxes of the session's PEC domain. Every method validates its input before the wire. */
export class PecMailboxes {
  readonly #s: PecSessionContext;

  /** Made by PecPostmaster for its session; not meant to be built by hand. */
  constructor(session: PecSessionContext) {
    this.#s = session;
  }

  /**
   * Every mailbox whose local part contains `q`, page by page, sorted by local part.
   * @example
   * for await (const m of pec.mailboxes.search({ q: 'rossi' })) console.log(m.address);
   * @throws ValidationError at once for a bad `q` or `pageSize`; PecApiError `VALIDATION_FAILED` from the server.
   */
  search(input: PecSearchInput = {}, options: PecCallOptions = {}): AsyncIterable<PecMailbox> {
    const { q, pageSize = 50 } = parseInput(SearchInput, input);
    const signal = callSignal(options);
    const pages = (page: number) => this.page({ q, page, pageSize }, signal === undefined ? {} : { signal });
    return (async function* () {
      for (let page = 1; ; page++) {
        const answer = await pages(page);
        yield* answer.items;
        if (answer.items.length < pageSize || page * pageSize >= answer.total) return;
      }
    })();
  }

  /** One page of a search, with the total count (for paged lists). */
  async page(
    input: PecSearchInput & { readonly page?: number | undefined },
    options: PecCallOptions = {},
  ): Promise<PecMailboxPage> {
    const { q, page = 1, pageSize = 50 } = parseInput(SearchInput, input);
    const signal = callSignal(options);
    const searchParams = { page, pageSize, ...(q === undefined || q === '' ? {} : { q }) };
    const answer = await this.#s.http.send({
      method: 'GET',
      path: 'mailboxes',
      searchParams,
      retry: 'read',
      signal,
    });
    return parseAnswer(PecMailboxPageSchema, answer.body, 'GET /v1/mailboxes answer');
  }

  /**
   * One mailbox, by local part or by address inside the session's domain.
   * @throws PecApiError `MAILBOX_NOT_FOUND`.
   */
  async get(ref: string, options: PecCallOptions = {}): Promise<PecMailbox> {
    const { localPart } = this.#ref(ref);
    const signal = callSignal(options);
    const path = `mailboxes/${localPart}`;
    const answer = await this.#s.http.send({ method: 'GET', path, retry: 'read', signal });
    return parseAnswer(PecMailboxSchema, answer.body, 'GET /v1/mailboxes/{mailbox} answer');
  }

  /**
   * Creates a mailbox, working at once. An `Idempotency-Key` is sent (a fresh one unless given), and
   * a retried create reuses it, so a lost answer never creates twice.
   * @example
   * await pec.mailboxes.create({ localPart: 'ufficio', password: pw, passwordConfirm: pw });
   * @throws ValidationError (every failed rule, or an `idempotencyKey` other than 1..255 visible ASCII
   * characters); PecApiError `MAILBOX_EXISTS`, `MAILBOX_LIMIT_REACHED`, ...
   */
  async create(input: CreatePecMailboxInput, options: CreatePecMailboxOptions = {}): Promise<PecMailbox> {
    const { idempotencyKey = crypto.randomUUID(), signal } = parseInput(CreateOptions, options);
    const policy = await this.#s.policy(signal);
    const schema = PasswordPair.extend({ localPart: z.string() }).superRefine((v, ctx) => {
      for (const i of validateLocalPart(v.localPart)) addIssue(ctx, i);
      passwordIssues(policy, v, ctx);
    });
    const body = parseInput(schema, input);
    const localPart = normalizeLocalPart(body.localPart);
    const answer = await this.#s.http.send({
      method: 'POST',
      path: 'mailboxes',
      json: { localPart, password: body.password, passwordConfirm: body.passwordConfirm },
      headers: { 'idempotency-key': idempotencyKey },
      retry: 'create',
      secrets: [body.password],
      signal,
    });
    return parseAnswer(PecMailboxSchema, answer.body, 'POST /v1/mailboxes answer');
  }

  /**
   * Sets a new password on an active mailbox (the postmaster's own included: the session then keeps working).
   * @throws PecApiError `MAILBOX_NOT_FOUND`, `MAILBOX_NOT_ACTIVE`, `PASSWORD_POLICY_VIOLATION`.
   */
  async changePassword(ref: string, input: PecPasswordInput, options: PecCallOptions = {}): Promise<void> {
    const { localPart, address } = this.#ref(ref);
    const signal = callSignal(options);
    const policy = await this.#s.policy(signal);
    const body = parseInput(
      PasswordPair.superRefine((v, ctx) => passwordIssues(policy, v, ctx)),
      input,
    );
    await this.#s.http.send({
      method: 'PUT',
      path: `mailboxes/${localPart}/password`,
      json: { password: body.password, passwordConfirm: body.passwordConfirm },
      retry: 'once',
      secrets: [body.password],
      signal,
    });
    if (address === this.#s.address) this.#s.http.rememberPassword(body.password);
  }

  /**
   * Replaces a user mailbox's password with a temporary one, returned once: show it, never store it.
   * @throws PecApiError `POSTMASTER_PROTECTED`, `MAILBOX_NOT_ACTIVE`, `MAILBOX_NOT_FOUND`.
   */
  async resetPassword(ref: string, options: PecCallOptions = {}): Promise<PecPasswordReset> {
    const { localPart } = this.#ref(ref);
    const signal = callSignal(options);
    const path = `mailboxes/${localPart}/password-reset`;
    const answer = await this.#s.http.send({ method: 'POST', path, retry: 'once', signal });
    return parseAnswer(
      PecPasswordResetSchema,
      answer.body,
      'POST /v1/mailboxes/{mailbox}/password-reset answer',
    );
  }

  /**
   * Step 1 of a delete, without deleting: the server's warnings and the address to confirm with.
   * @throws PecApiError `POSTMASTER_PROTECTED`, `MAILBOX_NOT_FOUND`.
   */
  async prepareDelete(ref: string, options: PecCallOptions = {}): Promise<PecDeleteWarning> {
    const { localPart } = this.#ref(ref);
    const signal = callSignal(options);
    try {
      await this.#s.http.send({ method: 'DELETE', path: `mailboxes/${localPart}`, retry: 'once', signal });
    } catch (error) {
      if (error instanceof PecApiError && error.code === 'CONFIRMATION_REQUIRED' && error.confirmWith) {
        return { confirmWith: error.confirmWith, warnings: error.details };
      }
      throw error;
    }
    throw new ResponseValidationError(
      'DELETE /v1/mailboxes/{mailbox} answer',
      'deleted without a confirmation',
    );
  }

  /**
   * Deletes a mailbox for good. `confirm` must be the mailbox's exact address, or nothing is sent.
   * @example
   * await pec.mailboxes.delete('fatture', { confirm: 'fatture@pec.example.it' });
   * @throws ValidationError (`confirm` / `matchesAddress`); PecApiError `POSTMASTER_PROTECTED`, `MAILBOX_NOT_FOUND`.
   */
  async delete(ref: string, options: PecDeleteOptions): Promise<void> {
    const { localPart, address } = this.#ref(ref);
    const { confirm, signal } = parseInput(DeleteOptions, options);
    if (confirm.toLowerCase() !== address) {
      throw new ValidationError([
        { field: 'confirm', rule: 'matchesAddress', message: `must be ${address}` },
      ]);
    }
    const searchParams = { confirm: address };
    await this.#s.http.send({
      method: 'DELETE',
      path: `mailboxes/${localPart}`,
      searchParams,
      retry: 'once',
      signal,
    });
  }

  /** A local part or an address inside the session's domain → the local part and the full address. */
  #ref(ref: string): { localPart: string; address: string } {
    const value = normalizeLocalPart(parseInput(z.string(), ref, 'mailbox'));
    const at = value.lastIndexOf('@');
    if (at !== -1 && value.slice(at + 1) !== this.#s.domain) {
      throw new ValidationError([
        { field: 'mailbox', rule: 'sameDomain', message: `must be inside ${this.#s.domain}` },
      ]);
    }
    const localPart = at === -1 ? value : value.slice(0, at);
    const issues = localPartFormatIssues(localPart, 'mailbox');
    if (issues.length > 0) throw new ValidationError(issues);
    return { localPart, address: `${localPart}@${this.#s.domain}` };
  }
}

type RefinementContext = z.RefinementCtx;

function addIssue(ctx: RefinementContext, issue: { field: string; rule: string; message: string }): void {
  ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message, params: { rule: issue.rule } });
}

/** Every failed policy rule, and the confirmation, as zod issues. */
function passwordIssues(
  policy: PecPasswordRules,
  v: { password: string; passwordConfirm: string },
  ctx: RefinementContext,
): void {
  for (const i of checkPecPassword(policy, v.password)) addIssue(ctx, i);
  if (v.password !== v.passwordConfirm) {
    addIssue(ctx, { field: 'passwordConfirm', rule: 'matchesPassword', message: 'must equal password' });
  }
}
