import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import {
  type BulkProgress,
  BulkRefusedError,
  type BulkRow,
  type BulkRun,
  OUTCOME_KINDS,
  type OutcomeKind,
} from '@casella/sdk';
import { csvCell } from '../csv-cell.ts';
import { createBulkJournal, type JournalEntry } from '../journal/index.ts';
import type {
  BulkAction,
  BulkActionKind,
  BulkActionRefusal,
  BulkActionResult,
  BulkProblem,
  MarkedSelection,
} from './bulk-action-types.ts';
import { resolveInput } from './import-service.ts';
import type { Session } from './session.ts';

/** Rows per read when a `*` selection is resolved: the list's own query, far fewer round trips than its pages. */
const RESOLVE_PAGE = 500;
/** Problem rows kept for the summary screen; the journal has every row. */
const PROBLEMS_SHOWN = 50;
/** Outcomes that are not what the action asked for. */
const PROBLEM_KINDS: ReadonlySet<OutcomeKind> = new Set(['conflict', 'refused', 'failed']);

/** The journal's operation of each action (the job line; the rows are `bulk.modify`, `bulk.delete`…). */
const OPERATION: Readonly<Record<BulkActionKind, string>> = {
  lock: 'bulk.lock',
  unlock: 'bulk.unlock',
  changeType: 'bulk.type',
  resetPasswords: 'bulk.passwd',
  delete: 'bulk.delete',
};

/** How far a run has got, as the screen receives it. */
export interface BulkActionProgress {
  readonly kind: 'bulkProgress';
  readonly done: number;
  readonly total: number;
  readonly rate: number;
  readonly etaMs: number | null;
}

/** What a bulk action answered: done (with its summary) or refused by pre-flight (nothing written). */
export type BulkActionAnswer =
  | { readonly kind: 'bulkDone'; readonly result: BulkActionResult }
  | { readonly kind: 'bulkRefused'; readonly refusal: BulkActionRefusal };

/**
 * The addresses of a selection. A `*` selection is read again from the server with the list's own query,
 * page by page, so what is acted on is what the filter matches now (minus the rows unmarked since).
 */
export async function resolveSelection(session: Session, selection: MarkedSelection): Promise<string[]> {
  if (selection.kind === 'addresses') return [...selection.addresses];
  const except = new Set(selection.except);
  const out: string[] = [];
  for (let offset = 0; ; offset += RESOLVE_PAGE) {
    const page = await session.zimbra.mailboxPage({ ...selection.query, offset, limit: RESOLVE_PAGE });
    for (const row of page.rows) if (!except.has(row.address)) out.push(row.address);
    if (page.rows.length === 0 || offset + page.rows.length >= page.total) return out;
  }
}

/** A new file only its owner can read; an existing one is never overwritten (it may hold unread passwords). */
function openPasswordFile(file: string): number {
  return openSync(file, 'wx', 0o600);
}

/** Counts the passwords handed to the file, so an unused file can be removed. */
interface Sink {
  readonly fd: number;
  written: number;
}

function runOf(session: Session, action: BulkAction, rows: BulkRow[], common: object, sink?: Sink) {
  const { bulk } = session;
  switch (action.kind) {
    case 'lock':
      return bulk.modify(
        rows.map((r) => ({ ...r, status: 'locked' })),
        common,
      );
    case 'unlock':
      return bulk.modify(
        rows.map((r) => ({ ...r, status: 'active' })),
        common,
      );
    case 'changeType':
      return bulk.modify(
        rows.map((r) => ({ ...r, type: action.type })),
        common,
      );
    case 'resetPasswords':
      return bulk.setPasswords(rows, {
        ...common,
        generate: true,
        mustChange: true,
        // Written before the write that sets it is sent: a crash cannot lose a password that was set.
        onGeneratedPassword: (address: string, password: string) => {
          if (sink === undefined) throw new Error('no password file is open');
          writeSync(sink.fd, `${csvCell(address)},${csvCell(password)}\n`);
          sink.written++;
        },
      });
    case 'delete':
      return bulk.delete(rows, { ...common, confirmCount: action.confirmCount });
  }
}

function jobEntry(
  session: Session,
  action: BulkAction,
  domain: string,
  outcome: JournalEntry['outcome'],
  detail: Record<string, string | number | boolean>,
  code?: string,
): JournalEntry {
  return {
    time: new Date().toISOString(),
    server: session.env.server,
    admin: session.env.user,
    operation: OPERATION[action.kind],
    target: domain,
    outcome,
    ...(code ? { code } : {}),
    detail: { ...detail, ...(action.kind === 'changeType' ? { type: action.type } : {}) },
  };
}

function append(session: Session, entry: JournalEntry): void {
  try {
    session.journal?.append(entry);
  } catch {
    // A journal that cannot be written does not undo what the server did.
  }
}

/**
 * Runs one bulk action on the marked mailboxes through the session's bulk engine (the CLI's engine):
 * pre-flight first (a refusal writes nothing and answers with the numbers), then BatchRequests. Each row's
 * intent and outcome go to the audit journal through the engine's journal, plus one line for the job.
 * Generated passwords go only to `action.file`, created with mode 0600; never to the answer or the journal.
 */
export async function runBulkAction(
  session: Session,
  selection: MarkedSelection,
  action: BulkAction,
  onProgress?: (progress: BulkActionProgress) => void,
): Promise<BulkActionAnswer> {
  const addresses = await resolveSelection(session, selection);
  const total = addresses.length;
  // The bar shows as soon as the rows are known; the engine reports after each batch settles.
  onProgress?.({ kind: 'bulkProgress', done: 0, total, rate: 0, etaMs: null });
  const refusal = (r: Omit<BulkActionRefusal, 'action' | 'total'>): BulkActionAnswer => ({
    kind: 'bulkRefused',
    refusal: { action: action.kind, total, ...r },
  });
  if (action.kind === 'delete' && action.confirmCount !== total) {
    // The filter matches another number now than the one confirmed: nothing is deleted.
    append(session, jobEntry(session, action, selection.domain, 'refused', { count: total }, 'BULK_REFUSED'));
    return refusal({
      capacity: [],
      issues: [],
      issueCount: 0,
      countChanged: { confirmed: action.confirmCount },
    });
  }
  const jobId = `tui-${action.kind}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const journal =
    session.journal?.path === undefined ? undefined : createBulkJournal(session.journal, 'bulk');
  const common = {
    jobId,
    ...(journal ? { journal } : {}),
    ...(onProgress
      ? {
          onProgress: (p: BulkProgress) =>
            onProgress({
              kind: 'bulkProgress',
              done: p.done,
              total: p.total,
              rate: p.rate,
              etaMs: p.etaMs ?? null,
            }),
        }
      : {}),
  };
  const file = action.kind === 'resetPasswords' ? resolveInput(process.cwd(), action.file) : undefined;
  let sink: Sink | undefined;
  if (file !== undefined) {
    try {
      sink = { fd: openPasswordFile(file), written: 0 };
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      return refusal({ capacity: [], issues: [], issueCount: 0, file: { path: file, reason } });
    }
  }
  const rows: BulkRow[] = addresses.map((address, i) => ({ address, line: i + 1 }));
  const counts = Object.fromEntries(OUTCOME_KINDS.map((k) => [k, 0])) as Record<OutcomeKind, number>;
  const problems: BulkProblem[] = [];
  let problemCount = 0;
  try {
    const run: BulkRun = runOf(session, action, rows, common, sink);
    for await (const o of run) {
      counts[o.kind]++;
      if (!PROBLEM_KINDS.has(o.kind)) continue;
      problemCount++;
      if (problems.length < PROBLEMS_SHOWN)
        problems.push({
          address: o.address,
          kind: o.kind,
          ...(o.error ? { code: o.error.code, message: o.error.message } : {}),
        });
    }
    await run.summary();
  } catch (error) {
    if (error instanceof BulkRefusedError) {
      const { report } = error;
      append(
        session,
        jobEntry(session, action, selection.domain, 'refused', { jobId, count: total }, error.code),
      );
      return refusal({
        capacity: report.capacity,
        issues: report.issues.slice(0, PROBLEMS_SHOWN),
        issueCount: report.issues.length,
      });
    }
    const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
    append(session, jobEntry(session, action, selection.domain, 'failed', { jobId, count: total }, code));
    throw error;
  } finally {
    if (sink !== undefined) {
      closeSync(sink.fd);
      // No password was generated (refused, or nothing to do): no empty secret file is left behind.
      if (sink.written === 0 && file !== undefined) rmSync(file, { force: true });
    }
  }
  const ok = problemCount === 0;
  const shown = Object.fromEntries(OUTCOME_KINDS.filter((k) => counts[k] > 0).map((k) => [k, counts[k]]));
  append(
    session,
    jobEntry(session, action, selection.domain, ok ? 'ok' : 'failed', { jobId, count: total, ...shown }),
  );
  return {
    kind: 'bulkDone',
    result: {
      action: action.kind,
      total,
      counts,
      problems,
      problemCount,
      ...(file === undefined || sink === undefined
        ? {}
        : { passwordFile: file, passwordsWritten: sink.written }),
    },
  };
}
