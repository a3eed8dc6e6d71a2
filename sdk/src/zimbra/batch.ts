import { z } from 'zod';
import { CasellaError } from '../errors/casella-error.ts';
import { ResponseValidationError } from '../errors/response-validation-error.ts';
import { ValidationError } from '../errors/validation-error.ts';
import { parseInput } from '../validate.ts';
import { type PolicyOptions, prepareCreate, prepareModify, prepareSetPassword } from './accounts.ts';
import { NS, type SoapDocument, type XmlBody } from './envelope.ts';
import {
  Address,
  type CreateAccountInput,
  type ModifyAccountInput,
  RequestName,
  ZimbraId,
} from './inputs.ts';
import type { Lookups } from './lookups.ts';
import { isReadRequest, OPERATIONS } from './operations.ts';
import { responseName, validateElement } from './parse.ts';
import type { Prepared } from './prepared.ts';
import { type Account, AnyElement } from './schemas.ts';
import type { AdminSession, CallOptions } from './session.ts';

/** One request to put in a batch; build it with {@link zimbraBatch}. */
export interface BatchItem<T> {
  /** What it does, e.g. `CreateAccountRequest`. */
  readonly request: string;
  /** @internal Validates the input and builds the request (reads only: COS lookups, policies). */
  readonly prepare: (lookups: Lookups, options?: CallOptions) => Promise<Prepared<T>>;
}

/** The value a batch item yields. */
export type BatchValue<I> = I extends BatchItem<infer V> ? V : never;

/**
 * One item's outcome: its value, or its error — a ZimbraFault with the server's code, a
 * ResponseValidationError, or (onError `stop`) a CasellaError `BATCH_SKIPPED` for items never run.
 */
export type BatchResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: CasellaError; readonly skipped: boolean };

/** Options of `admin.batch`. */
export interface BatchOptions extends CallOptions {
  /** `continue` runs every item; `stop` ends at the first fault (Zimbra's `onerror`). @default 'continue' */
  readonly onError?: 'continue' | 'stop';
}

// Zimbra treats any onerror other than the literal "continue" as stop: refuse typos instead.
const OnError = z.enum(['continue', 'stop']).default('continue');

function item<T>(
  request: string,
  prepare: (lookups: Lookups, options?: CallOptions) => Promise<Prepared<T>>,
): BatchItem<T> {
  return { request, prepare };
}

/**
 * Builders for batch items. Accounts are given by id here (a batch carries no lookups of its own);
 * COS names are resolved before sending, and create passwords are checked against the COS policy.
 * @example
 * const results = await admin.batch([
 *   zimbraBatch.createAccount({ name: 'a@example.com', password: 'Str0ng-Pass!', cos: 'Standard' }),
 *   zimbraBatch.modifyAccount(id, { displayName: 'Anna' }),
 * ]);
 */
export const zimbraBatch = {
  createAccount: (input: CreateAccountInput, options: PolicyOptions = {}): BatchItem<Account> =>
    item(OPERATIONS.createAccount.request, (lookups, call) =>
      prepareCreate(lookups, input, { ...options, ...call }),
    ),
  getAccount: (id: string): BatchItem<Account> =>
    item(OPERATIONS.getAccount.request, async () => ({
      op: OPERATIONS.getAccount,
      body: { account: { '@_by': 'id', '#text': parseInput(ZimbraId, id, 'id') } },
      secrets: [],
    })),
  modifyAccount: (id: string, changes: ModifyAccountInput): BatchItem<Account> =>
    item(OPERATIONS.modifyAccount.request, (lookups, call) =>
      prepareModify(lookups, parseInput(ZimbraId, id, 'id'), changes, call),
    ),
  /** The policy is checked only when given: the account's own policy would take a read per item. */
  setPassword: (
    id: string,
    newPassword: string,
    options: PolicyOptions = {},
  ): BatchItem<{ warning?: string }> =>
    item(OPERATIONS.setPassword.request, async () =>
      prepareSetPassword(parseInput(ZimbraId, id, 'id'), newPassword, options.policy || undefined),
    ),
  renameAccount: (id: string, newName: string): BatchItem<Account> =>
    item(OPERATIONS.renameAccount.request, async () => ({
      op: OPERATIONS.renameAccount,
      body: { id: parseInput(ZimbraId, id, 'id'), newName: parseInput(Address, newName, 'newName') },
      secrets: [],
    })),
  deleteAccount: (id: string): BatchItem<void> =>
    item(OPERATIONS.deleteAccount.request, async () => ({
      op: OPERATIONS.deleteAccount,
      body: { id: parseInput(ZimbraId, id, 'id') },
      secrets: [],
    })),
  /** One mailbox's size in bytes (GetMailbox); one batch of these reads a whole page of usage at once. */
  getMailbox: (id: string): BatchItem<{ sizeBytes: number }> =>
    item(OPERATIONS.getMailbox.request, async () => ({
      op: OPERATIONS.getMailbox,
      body: { mbox: { '@_id': parseInput(ZimbraId, id, 'id') } },
      secrets: [],
    })),
  /** Any other admin request, answered with its raw element. */
  request: (name: string, body: XmlBody = {}): BatchItem<Record<string, unknown>> =>
    item(name, async () => ({
      op: {
        request: parseInput(RequestName, name, 'request'),
        namespace: NS.admin,
        idempotent: isReadRequest(name),
        response: AnyElement,
      },
      body,
      secrets: [],
    })),
} as const;

async function prepareAll(
  items: readonly BatchItem<unknown>[],
  lookups: Lookups,
  options: CallOptions,
): Promise<Prepared<unknown>[]> {
  const out: Prepared<unknown>[] = [];
  for (const [i, it] of items.entries()) {
    // A plain object from JavaScript (or a cast) would otherwise fail as a TypeError halfway through.
    if (typeof (it as Partial<BatchItem<unknown>> | null)?.prepare !== 'function') {
      throw new ValidationError([
        { field: `items.${i}`, rule: 'batchItem', message: 'must be built with zimbraBatch' },
      ]);
    }
    try {
      out.push(await it.prepare(lookups, options));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      throw new ValidationError(
        error.issues.map((issue) => ({ ...issue, field: `items.${i}.${issue.field}` })),
      );
    }
  }
  return out;
}

/**
 * Validates every item (all before any is sent), sends them in one BatchRequest and returns each
 * item's outcome in order.
 */
export async function runBatch<const T extends readonly BatchItem<unknown>[]>(
  session: AdminSession,
  lookups: Lookups,
  items: T,
  options: BatchOptions = {},
): Promise<{ -readonly [K in keyof T]: BatchResult<BatchValue<T[K]>> }> {
  type Out = { -readonly [K in keyof T]: BatchResult<BatchValue<T[K]>> };
  const onError = parseInput(OnError, options.onError, 'onError');
  if (items.length === 0) return [] as unknown as Out;
  const call = { signal: options.signal };
  const prepared = await prepareAll(items, lookups, call);
  const docs: SoapDocument[] = prepared.map((p) => ({
    name: p.op.request,
    namespace: p.op.namespace,
    body: p.body,
  }));
  // A batch of reads only (a page of GetMailbox, say) is as safe to repeat as each read alone.
  const readsOnly = prepared.every((p) => p.op.idempotent);
  const raw = await session.batch(
    docs,
    onError,
    prepared.flatMap((p) => p.secrets),
    readsOnly,
    call,
  );
  return raw.map((r, i): BatchResult<unknown> => {
    const p = prepared[i] as Prepared<unknown>;
    if (r === undefined) {
      const error = new CasellaError('BATCH_SKIPPED', `${p.op.request} was not run: an earlier item failed`);
      return { ok: false, error, skipped: true };
    }
    if (!r.ok) return { ok: false, error: r.fault, skipped: false };
    try {
      return { ok: true, value: validateElement(responseName(p.op.request), p.op.response, r.element) };
    } catch (error) {
      if (error instanceof ResponseValidationError) return { ok: false, error, skipped: false };
      throw error;
    }
  }) as unknown as Out;
}
