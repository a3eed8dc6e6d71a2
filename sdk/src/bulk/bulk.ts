import { ValidationError } from '../errors/index.ts';
import type { ZimbraAdmin } from '../zimbra/index.ts';
import { Directory } from './directory.ts';
import { execute } from './engine.ts';
import {
  type BulkRunOptions,
  type CreateOptions,
  type DeleteOptions,
  type GeneratedPasswordSink,
  resolveOptions,
  type SetPasswordsOptions,
} from './options.ts';
import type { BulkOperation, BulkOutcome, BulkSummary } from './outcomes.ts';
import { PLANS } from './plans.ts';
import { type PreflightSettings, preflight } from './preflight.ts';
import { BulkRefusedError, type PreflightReport } from './report.ts';
import type { BulkRow } from './rows.ts';
import { BulkRun } from './run.ts';

/** Rows in: an array, any iterable, or an async iterable such as {@link parseRowsCsv}'s. */
export type BulkRows = Iterable<BulkRow> | AsyncIterable<BulkRow>;

/** Options of {@link Bulk.preflight}. */
export interface PreflightOptions {
  /** Rows without a password get one generated (so pre-flight does not require the column). @default false */
  readonly generatePasswords?: boolean | undefined;
  /** Read the journal of this job as a resumed run would. */
  readonly journal?: BulkRunOptions['journal'];
  /** Judge the rows as a resumed run would (rows settled in the journal keep their outcome). */
  readonly resume?: boolean | undefined;
  /** The job to read from the journal. @default a hash of the operation and the addresses */
  readonly jobId?: string | undefined;
}

interface Extra {
  readonly generate: boolean;
  readonly mustChange: boolean;
  readonly sink: GeneratedPasswordSink | undefined;
  readonly confirmCount: number | undefined;
}

/**
 * Exactly-once bulk provisioning over one {@link ZimbraAdmin}: rows in, one outcome per row out.
 * Every run starts with pre-flight (reads only); a refused pre-flight writes nothing. Writes go out in
 * BatchRequests; an answer that is lost or unclear is resolved by reading the account back before the
 * row is sent again, so no row is done twice and none is lost. The same engine serves the CLI and the TUI.
 * @example
 * const bulk = createBulk(admin);
 * const run = bulk.create(parseRowsCsv(createReadStream('new-mailboxes.csv')), { journal });
 * for await (const o of run) console.log(o.line, o.address, o.kind);
 * console.log(await run.summary());
 */
export class Bulk {
  readonly #admin: ZimbraAdmin;

  constructor(admin: ZimbraAdmin) {
    this.#admin = admin;
  }

  /**
   * The dry run: every row checked (columns, duplicates in the file, domain, type, password against the
   * type's policy), the directory read at each address, capacity per type and per domain. Nothing is written.
   * @throws ValidationError for bad options; directory read errors (TransportError, ZimbraFault).
   * @example
   * const report = await bulk.preflight('create', rows);
   * if (!report.ok) for (const s of report.capacity) console.log(describeShortfall(s));
   */
  async preflight(
    operation: BulkOperation,
    rows: BulkRows,
    options: PreflightOptions = {},
  ): Promise<PreflightReport> {
    const opts = resolveOptions({
      ...(options.journal === undefined ? {} : { journal: options.journal }),
      ...(options.resume === undefined ? {} : { resume: options.resume }),
      ...(options.jobId === undefined ? {} : { jobId: options.jobId }),
    });
    const directory = new Directory(this.#admin, opts.maxAttempts, opts.retryDelayMs, undefined);
    const prepared = await preflight(directory, PLANS[operation], rows, {
      generatePasswords: options.generatePasswords === true,
      mustChange: false,
      jobId: opts.jobId,
      journal: opts.journal,
      resume: opts.resume,
    });
    return prepared.report;
  }

  /**
   * Creates one account per row (`address`, `password` or a generated one, names, `type`, `quota`,
   * `status`). An existing account matching the row is `alreadyPresent`; one that differs is a `conflict`
   * and is never modified. Capacity per type and per domain is checked before any write.
   * @throws (while iterating) BulkRefusedError (pre-flight: rows, capacity), ValidationError (options),
   *   BulkAbortedError (signal).
   * @example
   * for await (const o of bulk.create([{ address: 'anna@example.com', password, type: 'Standard' }])) {}
   */
  create(rows: BulkRows, options: CreateOptions = {}): BulkRun {
    return this.#run('create', rows, options, {
      generate: options.generatePasswords === true,
      mustChange: options.mustChangePassword === true,
      sink: options.onGeneratedPassword,
      confirmCount: undefined,
    });
  }

  /**
   * Changes the columns a row gives (type, quota, names, status): `updated`, or `unchanged` when the
   * account had those values already (no write). A missing account is `refused`.
   * @example
   * await bulk.modify([{ address: 'anna@example.com', status: 'lock' }]).summary();
   */
  modify(rows: BulkRows, options: BulkRunOptions = {}): BulkRun {
    return this.#run('modify', rows, options, {
      generate: false,
      mustChange: false,
      sink: undefined,
      confirmCount: undefined,
    });
  }

  /**
   * Sets each row's password, or one generated to the account's policy (`generate`), and by default
   * Zimbra's must-change-at-next-login flag. Generated passwords go only to `onGeneratedPassword`,
   * which is awaited before the write is sent; they are never in outcomes, errors or the journal.
   * @example
   * await bulk.setPasswords(rows, { generate: true, onGeneratedPassword: (a, p) => file.write(`${a},${p}\n`) }).summary();
   */
  setPasswords(rows: BulkRows, options: SetPasswordsOptions = {}): BulkRun {
    return this.#run('setPassword', rows, options, {
      generate: options.generate === true,
      mustChange: options.mustChange !== false,
      sink: options.onGeneratedPassword,
      confirmCount: undefined,
    });
  }

  /**
   * Deletes the rows' accounts, only when `confirmCount` equals the number of rows; an account that is
   * already gone is `absent`.
   * @example
   * await bulk.delete(rows, { confirmCount: rows.length }).summary();
   */
  delete(rows: BulkRows, options: DeleteOptions): BulkRun {
    return this.#run('delete', rows, options, {
      generate: false,
      mustChange: false,
      sink: undefined,
      confirmCount: options?.confirmCount,
    });
  }

  #run(operation: BulkOperation, rows: BulkRows, options: BulkRunOptions, extra: Extra): BulkRun {
    return new BulkRun(this.#generate(operation, rows, options, extra));
  }

  async *#generate(
    operation: BulkOperation,
    rows: BulkRows,
    options: BulkRunOptions,
    extra: Extra,
  ): AsyncGenerator<BulkOutcome, BulkSummary, undefined> {
    const opts = resolveOptions(options);
    if (operation === 'delete' && extra.confirmCount === undefined) {
      throw new ValidationError([
        { field: 'options.confirmCount', rule: 'required', message: 'must confirm how many accounts go' },
      ]);
    }
    if (extra.generate && extra.sink === undefined) {
      throw new ValidationError([
        {
          field: 'options.onGeneratedPassword',
          rule: 'required',
          message: 'is needed to hand over generated passwords',
        },
      ]);
    }
    const directory = new Directory(this.#admin, opts.maxAttempts, opts.retryDelayMs, opts.signal);
    const plan = PLANS[operation];
    const settings: PreflightSettings = {
      generatePasswords: extra.generate,
      mustChange: extra.mustChange,
      jobId: opts.jobId,
      journal: opts.journal,
      resume: opts.resume,
    };
    const prepared = await preflight(directory, plan, rows, settings);
    const { report } = prepared;
    if (operation === 'delete' && extra.confirmCount !== report.total) {
      throw new ValidationError([
        {
          field: 'options.confirmCount',
          rule: 'confirmCount',
          message: `is ${extra.confirmCount} but the input has ${report.total} rows`,
        },
      ]);
    }
    const unreadable = report.total === 0 && report.issues.length > 0;
    if (!report.ok && (!opts.skipInvalid || report.capacity.length > 0 || unreadable)) {
      throw new BulkRefusedError(report);
    }
    const refused: BulkOutcome[] = report.verdicts
      // Rows refused by their own issues; a missing account for modify is settled by pre-flight itself.
      .filter((v) => v.verdict === 'refused' && v.issues !== undefined)
      .map((v) => ({
        operation,
        line: v.line,
        address: v.address,
        kind: 'refused',
        error: new ValidationError(
          (v.issues ?? []).map((i) => ({ field: i.column ?? '(row)', rule: i.rule, message: i.message })),
        ),
        issues: v.issues,
        attempts: 0,
        readBack: false,
        resumed: false,
      }));
    return yield* execute({
      admin: this.#admin,
      directory,
      plan,
      options: opts,
      prepared,
      onGeneratedPassword: extra.sink,
      refused,
    });
  }
}

/**
 * The bulk engine for an admin client.
 * @example
 * const bulk = createBulk(await ZimbraAdmin.login({ url, username, password }));
 */
export function createBulk(admin: ZimbraAdmin): Bulk {
  return new Bulk(admin);
}
