/** How one change ended; `pending` marks a bulk write sent whose answer is not (yet) known. */
export type JournalOutcome = 'ok' | 'failed' | 'refused' | 'pending';

/**
 * One line of the audit journal: who changed what, where, and how it ended. The shape is closed on
 * purpose: there is no field a password or a token could travel in.
 */
export interface JournalEntry {
  /** ISO 8601 time of the outcome. */
  readonly time: string;
  /** Host (and port) of the backend, e.g. `mail.example.com:7071`. */
  readonly server: string;
  /** The admin (or PEC postmaster) who acted. */
  readonly admin: string;
  /** What was done, `<group>.<verb>`, e.g. `accounts.create`, `pec.mailboxes.delete`, `import.create`. */
  readonly operation: string;
  /** The address, domain or file the change was about. */
  readonly target: string;
  readonly outcome: JournalOutcome;
  /** The backend's code (`account.ACCOUNT_EXISTS`, `MAILBOX_EXISTS`) or Casella's (`VALIDATION`, `TRANSPORT`). */
  readonly code?: string;
  /** Free, non-secret detail: the bulk engine's row outcome, a run id. */
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

const OUTCOMES: readonly string[] = ['ok', 'failed', 'refused', 'pending'];

/** Reads one parsed line back into an entry, or undefined when it is not one (a torn last line). */
export function toJournalEntry(raw: unknown): JournalEntry | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const strings = ['time', 'server', 'admin', 'operation', 'target'] as const;
  if (!strings.every((k) => typeof r[k] === 'string')) return undefined;
  if (typeof r.outcome !== 'string' || !OUTCOMES.includes(r.outcome)) return undefined;
  const detail = typeof r.detail === 'object' && r.detail !== null ? cleanDetail(r.detail) : undefined;
  return {
    time: r.time as string,
    server: r.server as string,
    admin: r.admin as string,
    operation: r.operation as string,
    target: r.target as string,
    outcome: r.outcome as JournalEntry['outcome'],
    ...(typeof r.code === 'string' ? { code: r.code } : {}),
    ...(detail ? { detail } : {}),
  };
}

function cleanDetail(raw: object): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  }
  return out;
}
