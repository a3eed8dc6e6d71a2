import type { BulkJournal, BulkJournalEntry, BulkOperation, OutcomeKind } from '@casella/sdk';
import { OUTCOME_KINDS } from '@casella/sdk';
import type { JournalEntry, JournalOutcome } from './journal-entry.ts';
import type { JournalStore } from './journal-store.ts';

const OPERATIONS: readonly BulkOperation[] = ['create', 'modify', 'setPassword', 'delete'];

/** The audit outcome of a bulk row outcome: what an admin reading `casella log` needs to know. */
function auditOutcome(kind: OutcomeKind): JournalOutcome {
  if (kind === 'failed') return 'failed';
  if (kind === 'refused' || kind === 'conflict') return 'refused';
  return 'ok';
}

function toEntry(e: BulkJournalEntry, prefix: string): JournalEntry {
  const detail = { jobId: e.jobId, line: e.line, ...(e.type === 'outcome' ? { kind: e.outcome } : {}) };
  return {
    time: e.at,
    // The engine stamps the full URL; the audit journal keeps host:port like every other entry.
    server: URL.canParse(e.server) ? new URL(e.server).host : e.server,
    admin: e.admin,
    operation: `${prefix}.${e.operation}`,
    target: e.target,
    outcome: e.type === 'intent' ? 'pending' : auditOutcome(e.outcome),
    ...(e.type === 'outcome' && e.code !== undefined ? { code: e.code } : {}),
    detail,
  };
}

function fromEntry(e: JournalEntry, prefix: string, jobId: string): BulkJournalEntry | undefined {
  const d = e.detail;
  if (!d || d.jobId !== jobId || typeof d.line !== 'number') return undefined;
  const operation = e.operation.slice(prefix.length + 1) as BulkOperation;
  if (!e.operation.startsWith(`${prefix}.`) || !OPERATIONS.includes(operation)) return undefined;
  const base = {
    jobId,
    at: e.time,
    server: e.server,
    admin: e.admin,
    operation,
    line: d.line,
    target: e.target,
  };
  if (e.outcome === 'pending') return { ...base, type: 'intent' };
  const kind = d.kind as OutcomeKind;
  if (!OUTCOME_KINDS.includes(kind)) return undefined;
  return { ...base, type: 'outcome', outcome: kind, ...(e.code !== undefined ? { code: e.code } : {}) };
}

/**
 * The bulk engine's resume journal kept in the audit journal file: each intent and outcome is one audit
 * line (`operation` `import.create`, `outcome` `pending` for an intent), so `casella log` shows bulk work
 * like any other change and `--resume` reads the same lines back. Never a password: the entries have none.
 */
export function createBulkJournal(store: JournalStore, prefix = 'import'): BulkJournal {
  return {
    append(entries) {
      store.append(...entries.map((e) => toEntry(e, prefix)));
    },
    read(jobId) {
      return store
        .read({ operation: `${prefix}.` })
        .map((e) => fromEntry(e, prefix, jobId))
        .filter((e): e is BulkJournalEntry => e !== undefined);
    },
  };
}
