import { createReadStream } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import {
  BulkAbortedError,
  BulkInputError,
  type BulkJournal,
  type BulkRow,
  OUTCOME_KINDS,
  type OutcomeKind,
  type PreflightReport,
  parseRowsCsv,
  parseRowsNdjson,
} from '@casella/sdk';
import { csvCell } from '../csv-cell.ts';
import { createBulkJournal } from '../journal/index.ts';
import type {
  CapacityLine,
  ImportFormat,
  ImportJob,
  ImportPreview,
  ImportProblem,
  ImportProgress,
  ImportReason,
  ImportResult,
  ImportSetup,
  PreviewRow,
  UnfinishedJob,
} from '../state/screens/import-model.ts';
import type { Session } from './session.ts';

/** Files the chooser lists at most. */
const MAX_FILES = 50;

/** Outcomes that leave the row as the file asks; the others are listed as problems. */
const DONE: ReadonlySet<OutcomeKind> = new Set(['created', 'alreadyPresent', 'updated', 'unchanged']);

/** The folder relative paths are read from and the import files in it. */
export async function importSetup(cwd: string): Promise<ImportSetup> {
  let names: string[] = [];
  try {
    const entries = await readdir(cwd, { withFileTypes: true });
    names = entries
      .filter((e) => e.isFile() && /\.(csv|ndjson|jsonl)$/i.test(e.name))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b));
  } catch {
    // An unreadable folder lists nothing; a typed path still works.
  }
  return { cwd, files: names.slice(0, MAX_FILES) };
}

/** The absolute path of what the user typed (`~` is the home folder). */
export function resolveInput(cwd: string, typed: string): string {
  const path = typed.trim();
  const home = process.env.HOME;
  if (home && (path === '~' || path.startsWith('~/'))) return join(home, path.slice(1));
  return resolve(cwd, path);
}

/** CSV or NDJSON, by the file's extension, else by its first character (`{` opens an NDJSON line). */
function formatOf(path: string, head: string): ImportFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  return head
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('{')
    ? 'ndjson'
    : 'csv';
}

function parse(path: string, format: ImportFormat): AsyncIterable<BulkRow> {
  return format === 'ndjson' ? parseRowsNdjson(createReadStream(path)) : parseRowsCsv(createReadStream(path));
}

/** `mailboxes.csv` → `mailboxes.passwords.csv`, beside it. */
function passwordFileOf(path: string): string {
  const base = basename(path, extname(path));
  return join(dirname(path), `${base}.passwords.csv`);
}

function journalOf(session: Session): BulkJournal | undefined {
  return session.journal?.path === undefined ? undefined : createBulkJournal(session.journal);
}

/** Thrown when the input cannot be opened: its errno code (`ENOENT`, `EACCES`, `EISDIR`…). */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
  readonly reason: string;
  readonly path: string;

  constructor(path: string, reason: string) {
    super(`cannot read ${path}: ${reason}`);
    this.path = path;
    this.reason = reason;
  }
}

async function readHead(path: string): Promise<string> {
  try {
    const handle = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new ImportFileError(path, (error as NodeJS.ErrnoException).code ?? String(error));
  }
}

async function collect(rows: AsyncIterable<BulkRow>): Promise<BulkRow[]> {
  const out: BulkRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

function reasonsOf(issues: PreflightReport['issues']): ImportReason[] {
  return issues.map((i) => ({ line: i.line, column: i.column, rule: i.rule, message: i.message }));
}

/** Rows of an earlier run of this job with an outcome in the journal, when it stopped before the end. */
async function unfinishedJob(
  journal: BulkJournal | undefined,
  jobId: string,
  total: number,
): Promise<UnfinishedJob | null> {
  if (journal === undefined || jobId === '') return null;
  const settled = new Set<string>();
  let entries = 0;
  for await (const e of journal.read(jobId)) {
    entries++;
    if (e.type === 'outcome' && e.outcome !== 'failed') settled.add(e.target);
  }
  if (entries === 0 || settled.size >= total) return null;
  return { done: settled.size, total };
}

/**
 * The dry run of a file (reads only): every row's verdict, the capacity per type with the numbers, and
 * whether an earlier run of the same file stopped half-way (then the verdicts are the resumed run's).
 */
export async function importPreview(session: Session, cwd: string, typed: string): Promise<ImportPreview> {
  const path = resolveInput(cwd, typed);
  const format = formatOf(path, await readHead(path));
  let rows: BulkRow[];
  try {
    rows = await collect(parse(path, format));
  } catch (error) {
    if (!(error instanceof BulkInputError)) throw new ImportFileError(path, String(error));
    return {
      path,
      format,
      total: 0,
      writes: 0,
      ok: false,
      rows: [],
      capacity: [],
      fileIssues: reasonsOf(error.issues),
      unfinished: null,
      generated: 0,
      passwordFile: null,
    };
  }
  const journal = journalOf(session);
  const generate = rows.some((r) => r.password === undefined || r.password === '');
  const options = { generatePasswords: generate, ...(journal ? { journal } : {}) };
  let report = await session.bulk.preflight('create', rows, options);
  const unfinished = await unfinishedJob(journal, report.jobId, report.total);
  if (unfinished) report = await session.bulk.preflight('create', rows, { ...options, resume: true });
  const previewRows: PreviewRow[] = report.verdicts.map((v) => ({
    line: v.line,
    address: v.address,
    verdict: v.verdict,
    reasons: reasonsOf(v.issues ?? []),
    differences: v.differences ?? [],
    code: v.code,
    resumed: v.resumed === true,
  }));
  const onRows = new Set(report.verdicts.map((v) => v.line));
  const writing = rows.filter((_, i) => report.verdicts[i]?.verdict === 'write');
  const generated = writing.filter((r) => r.password === undefined || r.password === '').length;
  return {
    path,
    format,
    total: report.total,
    writes: report.writes,
    ok: report.ok,
    rows: previewRows,
    capacity: await capacityLines(session, writing, report),
    fileIssues: reasonsOf(report.issues.filter((i) => !onRows.has(i.line))),
    unfinished,
    generated,
    // Set whenever a row has no password (even one already there): the run must judge rows as this did.
    passwordFile: generate ? passwordFileOf(path) : null,
  };
}

/** Per domain: rows by type against the free slots of that type, then all rows against the domain's. */
async function capacityLines(
  session: Session,
  writing: readonly BulkRow[],
  report: PreflightReport,
): Promise<CapacityLine[]> {
  const byDomain = new Map<string, Map<string, number>>();
  for (const row of writing) {
    const domain = row.address.slice(row.address.indexOf('@') + 1).toLowerCase();
    const type = row.type?.trim() ?? '';
    const types = byDomain.get(domain) ?? new Map<string, number>();
    types.set(type, (types.get(type) ?? 0) + 1);
    byDomain.set(domain, types);
  }
  const lines: CapacityLine[] = [];
  for (const [domain, types] of byDomain) {
    const dashboard = await session.zimbra.dashboard(domain);
    const untyped = types.get('') ?? 0;
    // Rows without a type get the domain's default one, as CreateAccount does.
    const defaultType = untyped > 0 ? (await session.zimbra.newMailboxSetup(domain)).defaultType : '';
    const needed = new Map<string, number>();
    for (const [type, n] of types) {
      const name = type === '' ? defaultType : type;
      const slot = dashboard.types.find(
        (t) => t.cosName.toLowerCase() === name.toLowerCase() || t.cosId === name,
      );
      if (slot) needed.set(slot.cosName, (needed.get(slot.cosName) ?? 0) + n);
    }
    for (const slot of dashboard.types) {
      const rows = needed.get(slot.cosName);
      if (rows === undefined) continue;
      const shortfall = report.capacity.find(
        (s) => s.domain === domain && s.type?.toLowerCase() === slot.cosName.toLowerCase(),
      );
      lines.push({
        domain,
        type: slot.cosName,
        rows,
        free: shortfall?.free ?? slot.free,
        used: shortfall?.used ?? slot.used,
        max: shortfall?.max ?? slot.max,
        short: shortfall !== undefined || (slot.free !== null && rows > slot.free),
      });
    }
    const all = [...types.values()].reduce((a, b) => a + b, 0);
    const overall = report.capacity.find((s) => s.domain === domain && s.type === undefined);
    const { total } = dashboard;
    lines.push({
      domain,
      type: null,
      rows: all,
      free: overall?.free ?? total.free,
      used: overall?.used ?? total.used,
      max: overall?.max ?? total.max,
      short: overall !== undefined || (total.free !== null && all > total.free),
    });
  }
  return lines;
}

/** Appends generated passwords to a file only the owner can read, opened at the first one. */
function passwordWriter(path: string | null) {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  let written = false;
  return {
    async write(address: string, password: string) {
      if (path === null) throw new Error('a password was generated but no file was chosen for it');
      if (handle === undefined) {
        handle = await open(path, 'a', 0o600);
        // A file left with a looser mode is tightened before a password goes in.
        await handle.chmod(0o600);
      }
      await handle.write(`${csvCell(address)},${csvCell(password)}\n`);
      // On disk before the write that sets it is sent: a crash cannot lose a password.
      await handle.sync();
      written = true;
    },
    async close() {
      await handle?.close();
    },
    get written() {
      return written;
    },
  };
}

/**
 * Runs an import the preview accepted: outcomes counted as rows settle, progress after each batch.
 * Stopped at `signal`, it ends with what was done (`aborted`), resumable from the journal.
 */
export async function runImport(
  session: Session,
  job: ImportJob,
  signal: AbortSignal,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportResult> {
  const journal = journalOf(session);
  const passwords = passwordWriter(job.passwordFile);
  const counts = Object.fromEntries(OUTCOME_KINDS.map((k) => [k, 0])) as Record<OutcomeKind, number>;
  const problems: ImportProblem[] = [];
  let total = 0;
  let writes = 0;
  let aborted = false;
  await readHead(job.path);
  try {
    const run = session.bulk.create(parse(job.path, job.format), {
      signal,
      ...(journal ? { journal, resume: job.resume } : {}),
      ...(job.passwordFile === null
        ? {}
        : { generatePasswords: true, onGeneratedPassword: (a: string, p: string) => passwords.write(a, p) }),
      onProgress: (p) => onProgress({ done: p.done, total: p.total, rate: p.rate, etaMs: p.etaMs }),
    });
    for await (const o of run) {
      counts[o.kind]++;
      writes += o.attempts;
      if (!DONE.has(o.kind)) {
        problems.push({
          line: o.line,
          address: o.address,
          kind: o.kind,
          code: o.error?.code,
          differences: o.differences ?? [],
        });
      }
    }
    total = (await run.summary()).total;
  } catch (error) {
    // Refused (the server changed since the preview) or broken: the screen says why, nothing is lost.
    if (!(error instanceof BulkAbortedError)) throw error;
    aborted = true;
    total = error.summary.total;
  } finally {
    await passwords.close();
  }
  return {
    path: job.path,
    total,
    counts,
    problems: problems.sort((a, b) => a.line - b.line),
    aborted,
    passwordFile: passwords.written ? job.passwordFile : null,
    writes,
  };
}
