import {
  CasellaError,
  isZimbraFault,
  TransportError,
  ValidationError,
  ZimbraFault,
} from '../errors/index.ts';
import type { BatchItem, BatchResult, ZimbraAdmin } from '../zimbra/index.ts';
import { BulkAbortedError } from './aborted-error.ts';
import { Channel, Signal } from './channel.ts';
import type { Directory } from './directory.ts';
import type { Job, Step } from './job.ts';
import type { BulkJournalEntry } from './journal.ts';
import type { GeneratedPasswordSink, ResolvedOptions } from './options.ts';
import { type BulkOutcome, type BulkSummary, emptyCounts } from './outcomes.ts';
import type { Plan } from './plans.ts';
import type { Prepared } from './preflight.ts';
import { RateLimiter } from './rate-limiter.ts';
import { backoff, isUnclear } from './retry.ts';

/** Everything one execution needs. */
export interface Execution {
  readonly admin: ZimbraAdmin;
  readonly directory: Directory;
  readonly plan: Plan;
  readonly options: ResolvedOptions;
  readonly prepared: Prepared;
  readonly onGeneratedPassword: GeneratedPasswordSink | undefined;
  /** Rows pre-flight refused that go out as `refused` (with `skipInvalid`). */
  readonly refused: readonly BulkOutcome[];
}

/**
 * The write phase: jobs go out in BatchRequests (onerror=continue), `concurrency` at a time and rate
 * limited; every unclear answer is read back before the row is sent again. Outcomes come out as they settle.
 */
export async function* execute(run: Execution): AsyncGenerator<BulkOutcome, BulkSummary, undefined> {
  const { admin, plan, options, prepared, directory } = run;
  const { signal, journal } = options;
  const jobId = prepared.report.jobId;
  const started = Date.now();
  let writesStarted: number | undefined;
  const counts = emptyCounts();
  const stats = { batches: 0, writes: 0, readBacks: 0 };
  const out = new Channel<BulkOutcome>();
  const limiter = new RateLimiter(options.rowsPerSecond);
  const requeued = new Signal();
  const queue: Job[] = [...prepared.jobs];
  let open = prepared.jobs.length; // jobs without an outcome, queued or in flight
  const total = prepared.report.total;
  const stamp = (line: number, target: string) => ({
    jobId,
    at: new Date().toISOString(),
    server: admin.url,
    admin: admin.username,
    operation: plan.operation,
    line,
    target,
  });

  const summary = (aborted: boolean): BulkSummary => ({
    operation: plan.operation,
    jobId,
    total,
    counts: { ...counts },
    requests: { ...stats },
    elapsedMs: Date.now() - started,
    aborted,
  });

  const progress = () => {
    if (options.onProgress === undefined) return;
    const done = Object.values(counts).reduce((a, b) => a + b, 0);
    const elapsed = Date.now() - (writesStarted ?? started);
    const rate = elapsed > 0 ? ((done - settledBefore) * 1000) / elapsed : 0;
    options.onProgress({
      operation: plan.operation,
      total,
      done,
      counts: { ...counts },
      elapsedMs: Date.now() - started,
      rate,
      etaMs: rate > 0 ? ((total - done) / rate) * 1000 : undefined,
    });
  };

  const record = async (outcome: BulkOutcome, journaled: boolean) => {
    counts[outcome.kind]++;
    if (journaled && journal !== undefined) {
      const entry: BulkJournalEntry = {
        ...stamp(outcome.line, outcome.address),
        type: 'outcome',
        outcome: outcome.kind,
        ...(outcome.error === undefined ? {} : { code: outcome.error.code }),
      };
      await journal.append([entry]);
    }
    out.push(outcome);
  };

  const settle = async (job: Job, step: Step & { kind: 'done' }, resumed = false) => {
    await record(
      {
        operation: plan.operation,
        line: job.row.line,
        address: job.row.address,
        kind: step.outcome,
        ...(step.error === undefined ? {} : { error: step.error }),
        ...(step.differences === undefined ? {} : { differences: step.differences }),
        attempts: job.attempts,
        readBack: job.readBack,
        resumed,
      },
      !resumed,
    );
  };

  const finish = async (job: Job, step: Step & { kind: 'done' }) => {
    await settle(job, step);
    open--;
    requeued.notify();
  };

  const retry = async (job: Job, error: CasellaError | undefined) => {
    if (job.attempts >= options.maxAttempts) {
      const last =
        error ?? new CasellaError('BULK_GAVE_UP', `no clear outcome after ${job.attempts} attempts`);
      await finish(job, { kind: 'done', outcome: 'failed', error: last });
      return;
    }
    // Not awaited: the worker goes on with other rows while this one backs off.
    setTimeout(
      () => {
        queue.push(job);
        requeued.notify();
      },
      backoff(options.retryDelayMs, job.attempts),
    );
  };

  // An unclear answer: ask the directory what happened before anything is sent again.
  const readBack = async (job: Job, error: CasellaError) => {
    let found: Awaited<ReturnType<Directory['account']>>;
    try {
      stats.readBacks++;
      found = await directory.account(job.row.address);
    } catch (readError) {
      // Stopped by the caller: the row stays open (its journaled intent sends a resumed run to read it back).
      if (signal?.aborted) return;
      // Still unknown: the row is not sent again, it ends as failed with the read's error.
      await finish(job, { kind: 'done', outcome: 'failed', error: asCasella(readError) });
      return;
    }
    job.readBack = true;
    const step = plan.readBack(job, found);
    if (step.kind === 'done') await finish(job, step);
    else await retry(job, error);
  };

  const handle = async (job: Job, step: Step) => {
    if (step.kind === 'done') return finish(job, step);
    if (step.kind === 'retry') return retry(job, step.error);
    // ACCOUNT_EXISTS is a clear "not by this request"; every other unclear answer may hide a write.
    if (!isZimbraFault(step.error, 'account.ACCOUNT_EXISTS')) job.uncertain = true;
    return readBack(job, step.error);
  };

  const sendBatch = async (chunk: Job[]) => {
    for (const job of chunk) {
      if (job.generated && job.attempts === 0 && run.onGeneratedPassword !== undefined) {
        // Handed over before the write that makes it the account's password: a crash cannot lose it.
        await run.onGeneratedPassword(job.row.address, job.password as string);
      }
    }
    if (journal !== undefined) {
      await journal.append(
        chunk.map((job) => ({ ...stamp(job.row.line, job.row.address), type: 'intent' as const })),
      );
    }
    const items: BatchItem<unknown>[] = [];
    const spans: [number, number][] = [];
    for (const job of chunk) {
      const mine = plan.items(job);
      spans.push([items.length, items.length + mine.length]);
      items.push(...mine);
      job.attempts++;
    }
    stats.batches++;
    stats.writes += chunk.length;
    writesStarted ??= Date.now();
    let results: readonly BatchResult<unknown>[] | undefined;
    let failure: unknown;
    try {
      // The caller's signal (not the consumer's halt) cuts the batch in flight: Ctrl+C does not wait.
      results = await admin.batch(items, { onError: 'continue', signal });
    } catch (error) {
      // Aborted mid-batch: whether the writes happened is unknown, so the rows stay open; their intents
      // are journaled and a resumed run reads them back before sending anything.
      if (signal?.aborted) return;
      failure = error;
    }
    await Promise.all(
      chunk.map((job, i) => {
        const [from, to] = spans[i] as [number, number];
        const step = results ? plan.answered(job, results.slice(from, to)) : batchFailure(failure, from, to);
        return handle(job, step);
      }),
    );
    progress();
  };

  // Stops the workers: the caller's signal, a fatal error in one worker, or a consumer that stopped reading.
  const halt = new AbortController();
  const onAbort = () => halt.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  const halted = new Promise<void>((resolve) =>
    halt.signal.addEventListener('abort', () => resolve(), { once: true }),
  );

  const worker = async () => {
    for (;;) {
      if (halt.signal.aborted) return;
      if (queue.length === 0) {
        if (open === 0) return;
        await Promise.race([requeued.wait(), halted]);
        continue;
      }
      const chunk = queue.splice(0, options.batchSize);
      await limiter.take(chunk.length, halt.signal);
      if (halt.signal.aborted) {
        queue.unshift(...chunk);
        return;
      }
      await sendBatch(chunk);
    }
  };

  const settledBefore = prepared.settled.length + run.refused.length;
  for (const outcome of run.refused) await record(outcome, true);
  for (const { job, step, resumed } of prepared.settled) await settle(job, step, resumed);
  progress();

  const workers = Promise.all(
    Array.from({ length: options.concurrency }, () =>
      worker().catch((error: unknown) => {
        halt.abort(error);
        throw error;
      }),
    ),
  ).then(
    () => out.close(),
    (error: unknown) => out.close(error),
  );
  try {
    yield* out.drain();
  } finally {
    // A consumer that breaks out of its loop stops the run; the batches in flight still settle.
    halt.abort();
    signal?.removeEventListener('abort', onAbort);
    await workers;
  }
  if (open > 0 && signal?.aborted) throw new BulkAbortedError(summary(true), signal.reason);
  return summary(false);
}

function asCasella(error: unknown): CasellaError {
  return error instanceof CasellaError
    ? error
    : new CasellaError('BULK_UNEXPECTED', error instanceof Error ? error.message : String(error));
}

/** What a batch that failed as a whole means for the items `from`..`to`. */
function batchFailure(error: unknown, from: number, to: number): Step {
  if (error instanceof ValidationError) {
    // Validation runs before anything is sent: the items it names are refused, the others never went.
    const mine = error.issues.filter((issue) => {
      const index = Number(/^items\.(\d+)\./.exec(issue.field)?.[1] ?? Number.NaN);
      return index >= from && index < to;
    });
    return mine.length > 0
      ? { kind: 'done', outcome: 'refused', error: new ValidationError(mine) }
      : { kind: 'retry', error };
  }
  if (error instanceof ZimbraFault && !isUnclear(error)) {
    if (error.code === 'service.AUTH_EXPIRED' || error.code === 'service.AUTH_REQUIRED') {
      return { kind: 'retry', error };
    }
    return { kind: 'done', outcome: 'refused', error };
  }
  // Refused connection, TLS failure, a redirect, a 4xx page: the request surely did nothing, so the
  // rows are sent again without a read back.
  if (error instanceof TransportError && !error.mayHaveBeenProcessed) return { kind: 'retry', error };
  if (isUnclear(error)) return { kind: 'unclear', error: error as CasellaError };
  throw error;
}
