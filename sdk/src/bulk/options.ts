import { z } from 'zod';
import { parseInput } from '../validate.ts';
import type { BulkJournal } from './journal.ts';
import type { BulkProgress } from './outcomes.ts';

/** Options every bulk operation takes. Defaults come from `bench/bulk-engine.ts` (see docs/bulk.md). */
export interface BulkRunOptions {
  /** Rows per BatchRequest. @default 100 */
  readonly batchSize?: number | undefined;
  /** BatchRequests in flight at once. @default 2 */
  readonly concurrency?: number | undefined;
  /** At most this many rows sent per second; unlimited when absent. */
  readonly rowsPerSecond?: number | undefined;
  /** Stops sending new batches; the run ends with a `BulkAbortedError` and can be resumed from its journal. */
  readonly signal?: AbortSignal | undefined;
  /** Where intents and outcomes are recorded (no passwords); needed to resume. */
  readonly journal?: BulkJournal | undefined;
  /** Resume the job from `journal`: rows with an outcome there are not touched again. @default false */
  readonly resume?: boolean | undefined;
  /** Names the job in the journal. @default a hash of the operation and the rows' addresses */
  readonly jobId?: string | undefined;
  /** Called after each batch settles. */
  readonly onProgress?: ((progress: BulkProgress) => void) | undefined;
  /**
   * Go on with the valid rows when pre-flight refuses some (they come out as `refused`). By default one
   * refused row refuses the whole run before any write. A capacity shortfall always refuses the run.
   * @default false
   */
  readonly skipInvalid?: boolean | undefined;
  /** Writes per row before it is `failed` (each unclear answer is read back first). @default 8 */
  readonly maxAttempts?: number | undefined;
  /** First backoff delay after an unclear answer; it doubles each time. @default 100 */
  readonly retryDelayMs?: number | undefined;
}

/** Receives each generated password before the write that sets it is sent: persist it there (e.g. a 0600 file). */
export type GeneratedPasswordSink = (address: string, password: string) => void | Promise<void>;

/** Options of `bulk.create`. */
export interface CreateOptions extends BulkRunOptions {
  /** Rows without a password get one generated to their type's policy (given to `onGeneratedPassword`). */
  readonly generatePasswords?: boolean | undefined;
  /** Receives each generated password before its write; required with `generatePasswords`. */
  readonly onGeneratedPassword?: GeneratedPasswordSink | undefined;
  /** Sets `zimbraPasswordMustChange` so each owner picks a new password at first login. @default false */
  readonly mustChangePassword?: boolean | undefined;
}

/** Options of `bulk.setPasswords`. */
export interface SetPasswordsOptions extends BulkRunOptions {
  /** Rows without a password get one generated to the account's policy. @default false */
  readonly generate?: boolean | undefined;
  /** Receives each generated password before its write; required with `generate`. */
  readonly onGeneratedPassword?: GeneratedPasswordSink | undefined;
  /** Sets `zimbraPasswordMustChange` (Zimbra's must-change-at-next-login flag). @default true */
  readonly mustChange?: boolean | undefined;
}

/** Options of `bulk.delete`. */
export interface DeleteOptions extends BulkRunOptions {
  /** Must equal the number of rows: the caller's explicit confirmation of how many accounts go. */
  readonly confirmCount: number;
}

/** Defaults, measured with `bench/bulk-engine.ts` against the mock (see docs/bulk.md). */
export const BULK_DEFAULTS: {
  /** Rows per BatchRequest. */
  readonly batchSize: 100;
  /** BatchRequests in flight. */
  readonly concurrency: 2;
  /** Writes per row before it is `failed`. */
  readonly maxAttempts: 8;
  /** First backoff delay in ms. */
  readonly retryDelayMs: 100;
} = { batchSize: 100, concurrency: 2, maxAttempts: 8, retryDelayMs: 100 } as const;

const positive = (max: number) => z.number().int().min(1).max(max).optional();

const Common = z.strictObject({
  batchSize: positive(1000),
  concurrency: positive(64),
  rowsPerSecond: z.number().positive().finite().optional(),
  signal: z.instanceof(AbortSignal).optional(),
  journal: z
    .custom<BulkJournal>(
      (j) => typeof j === 'object' && j !== null && typeof (j as BulkJournal).append === 'function',
      { message: 'must have append() and read()' },
    )
    .optional(),
  resume: z.boolean().optional(),
  jobId: z.string().min(1).max(200).optional(),
  onProgress: z.function().optional(),
  skipInvalid: z.boolean().optional(),
  maxAttempts: positive(100),
  retryDelayMs: z.number().int().min(0).max(60_000).optional(),
  generatePasswords: z.boolean().optional(),
  generate: z.boolean().optional(),
  onGeneratedPassword: z.function().optional(),
  mustChangePassword: z.boolean().optional(),
  mustChange: z.boolean().optional(),
  confirmCount: z.number().int().min(0).optional(),
});

/** The options with defaults applied; unknown or wrong values are refused naming the option. */
export interface ResolvedOptions {
  readonly batchSize: number;
  readonly concurrency: number;
  readonly rowsPerSecond: number | undefined;
  readonly signal: AbortSignal | undefined;
  readonly journal: BulkJournal | undefined;
  readonly resume: boolean;
  readonly jobId: string | undefined;
  readonly onProgress: ((progress: BulkProgress) => void) | undefined;
  readonly skipInvalid: boolean;
  readonly maxAttempts: number;
  readonly retryDelayMs: number;
}

/** Checks and completes the options common to every operation. */
export function resolveOptions(options: BulkRunOptions): ResolvedOptions {
  const v = parseInput(Common, options, 'options');
  if (v.resume && options.journal === undefined) {
    parseInput(z.never({ error: 'resume needs a journal' }), true, 'options.journal');
  }
  return {
    batchSize: v.batchSize ?? BULK_DEFAULTS.batchSize,
    concurrency: v.concurrency ?? BULK_DEFAULTS.concurrency,
    rowsPerSecond: v.rowsPerSecond,
    signal: options.signal,
    journal: options.journal,
    resume: v.resume ?? false,
    jobId: v.jobId,
    onProgress: options.onProgress,
    skipInvalid: v.skipInvalid ?? false,
    maxAttempts: v.maxAttempts ?? BULK_DEFAULTS.maxAttempts,
    retryDelayMs: v.retryDelayMs ?? BULK_DEFAULTS.retryDelayMs,
  };
}
