import { createHash } from 'node:crypto';
import { isZimbraFault } from '../errors/index.ts';
import { type Account, type Cos, PasswordPolicy } from '../zimbra/index.ts';
import { checkRow } from './check-row.ts';
import type { Directory } from './directory.ts';
import type { Job, Step } from './job.ts';
import type { BulkJournal } from './journal.ts';
import type { BulkOperation, OutcomeKind } from './outcomes.ts';
import { generatePassword } from './password-generator.ts';
import type { Plan } from './plans.ts';
import type { CapacityShortfall, PreflightReport, RowVerdict } from './report.ts';
import { BulkInputError, type RowIssue } from './row-issue.ts';
import type { BulkRow, CheckedRow } from './rows.ts';

/** What the operation asks of pre-flight besides the common checks. */
export interface PreflightSettings {
  readonly generatePasswords: boolean;
  readonly mustChange: boolean;
  readonly jobId: string | undefined;
  readonly journal: BulkJournal | undefined;
  readonly resume: boolean;
}

/** Pre-flight's result: the report, the rows to write, and the outcomes already known. */
export interface Prepared {
  readonly report: PreflightReport;
  readonly jobs: Job[];
  readonly settled: {
    readonly job: Job;
    readonly step: Step & { kind: 'done' };
    readonly resumed: boolean;
  }[];
}

// Outcomes a resumed run keeps from the journal; refused and failed rows are tried again.
const FINAL: ReadonlySet<OutcomeKind> = new Set([
  'created',
  'alreadyPresent',
  'updated',
  'unchanged',
  'deleted',
  'absent',
  'conflict',
]);

/** The job id of a run: the operation and the rows' addresses, hashed (no password goes in). */
export function defaultJobId(operation: BulkOperation, addresses: readonly string[]): string {
  const hash = createHash('sha256').update(operation);
  for (const a of addresses) hash.update(`\n${a}`);
  return `${operation}-${hash.digest('hex').slice(0, 16)}`;
}

/** Reads every row (pre-flight needs the whole file for duplicates and capacity); a bad file gives its issues. */
async function readRows(
  rows: Iterable<BulkRow> | AsyncIterable<BulkRow>,
): Promise<{ rows: BulkRow[] } | { issues: RowIssue[] }> {
  const out: BulkRow[] = [];
  try {
    for await (const row of rows) out.push(row);
  } catch (error) {
    if (error instanceof BulkInputError) return { issues: [...error.issues] };
    throw error;
  }
  return { rows: out };
}

/** Reads a resumed job's journal: the last outcome of each address, and the addresses with a write sent. */
async function readJournal(journal: BulkJournal, jobId: string) {
  const outcomes = new Map<string, OutcomeKind>();
  const sent = new Set<string>();
  for await (const entry of journal.read(jobId)) {
    if (entry.type === 'intent') sent.add(entry.target);
    else outcomes.set(entry.target, entry.outcome);
  }
  return { outcomes, sent };
}

/**
 * Pre-flight: every row checked (columns, duplicates, domain, type, password policy), the directory read
 * for the rows' addresses, and the capacity of each domain checked against the rows that would add
 * mailboxes. Only reads go on the wire.
 */
export async function preflight(
  directory: Directory,
  plan: Plan,
  input: Iterable<BulkRow> | AsyncIterable<BulkRow>,
  settings: PreflightSettings,
): Promise<Prepared> {
  const { operation } = plan;
  const input$ = await readRows(input);
  if ('issues' in input$) {
    const report: PreflightReport = {
      operation,
      jobId: settings.jobId ?? '',
      total: 0,
      ok: false,
      writes: 0,
      issues: input$.issues,
      capacity: [],
      verdicts: [],
    };
    return { report, jobs: [], settled: [] };
  }
  const read = input$.rows;
  const issues: RowIssue[] = [];
  const rowIssues = new Map<number, RowIssue[]>();
  const note = (issue: RowIssue) => {
    issues.push(issue);
    rowIssues.set(issue.line, [...(rowIssues.get(issue.line) ?? []), issue]);
  };
  const passwordRequired =
    (operation === 'create' || operation === 'setPassword') && !settings.generatePasswords;
  const checked: { row: CheckedRow | undefined; raw: BulkRow; line: number }[] = read.map((raw, i) => {
    const result = checkRow(raw, i + 1, { passwordRequired });
    for (const issue of result.issues) note(issue);
    return { row: result.row, raw, line: result.row?.line ?? raw?.line ?? i + 1 };
  });
  const firstLine = new Map<string, number>();
  for (const { row } of checked) {
    if (row === undefined) continue;
    if (operation === 'modify' && row.password !== undefined) {
      note({
        line: row.line,
        column: 'password',
        rule: 'notForOperation',
        message: 'is set with setPasswords, not modify',
      });
    }
    if (operation === 'modify' && changesOf(row) === 0) {
      note({ line: row.line, column: undefined, rule: 'nothingToChange', message: 'names no change' });
    }
    const seen = firstLine.get(row.address);
    if (seen === undefined) firstLine.set(row.address, row.line);
    else note({ line: row.line, column: 'address', rule: 'duplicate', message: `is also on line ${seen}` });
  }
  const valid = checked.flatMap((c) => (c.row !== undefined && !rowIssues.has(c.row.line) ? [c.row] : []));
  const jobId =
    settings.jobId ??
    defaultJobId(
      operation,
      checked.map((c) => c.row?.address ?? ''),
    );
  const journal =
    settings.resume && settings.journal ? await readJournal(settings.journal, jobId) : undefined;

  // Domains, their default type, and the types rows name.
  const domains = new Map<string, { defaultCosId: string | undefined } | undefined>();
  for (const d of new Set(valid.map((r) => r.domain))) {
    const domain = await directory.domain(d);
    domains.set(
      d,
      domain === undefined
        ? undefined
        : { defaultCosId: domain.defaultCosId ?? (await defaultCos(directory))?.id },
    );
  }
  const types = new Map<string, Cos | 'missing' | 'denied'>();
  for (const t of new Set(valid.flatMap((r) => (r.type === undefined ? [] : [r.type])))) {
    try {
      types.set(t, (await directory.cos(t)) ?? 'missing');
    } catch (error) {
      if (!isZimbraFault(error, 'service.PERM_DENIED')) throw error;
      types.set(t, 'denied');
    }
  }
  for (const row of valid) {
    if (domains.get(row.domain) === undefined) {
      note({
        line: row.line,
        column: 'address',
        rule: 'noSuchDomain',
        message: `domain ${row.domain} does not exist`,
      });
    }
    const cos = row.type === undefined ? undefined : types.get(row.type);
    if (cos === 'missing')
      note({
        line: row.line,
        column: 'type',
        rule: 'noSuchType',
        message: `no type (COS) named ${row.type}`,
      });
    if (cos === 'denied')
      note({
        line: row.line,
        column: 'type',
        rule: 'permissionDenied',
        message: `this admin may not use type ${row.type}`,
      });
  }

  // What the directory holds at the rows' addresses.
  const found = new Map<string, Account>();
  const byDomain = new Map<string, string[]>();
  for (const row of valid) {
    if (rowIssues.has(row.line) || journalDone(journal, row.address)) continue;
    byDomain.set(row.domain, [...(byDomain.get(row.domain) ?? []), row.address]);
  }
  for (const [domain, addresses] of byDomain) {
    for (const [address, account] of await directory.accounts(domain, addresses)) found.set(address, account);
  }

  const jobs: Job[] = [];
  const settled: Prepared['settled'] = [];
  const verdicts: RowVerdict[] = [];
  for (const { row, raw, line } of checked) {
    if (row === undefined || rowIssues.has(row.line)) {
      verdicts.push({
        line,
        address: row?.address ?? String(raw?.address ?? ''),
        verdict: 'refused',
        issues: rowIssues.get(line),
      });
      continue;
    }
    const cos = row.type === undefined ? undefined : (types.get(row.type) as Cos);
    const defaultCosId = domains.get(row.domain)?.defaultCosId;
    const account = found.get(row.address);
    const job: Job = {
      row,
      account,
      cos: { rowCosId: cos?.id, defaultCosId },
      policy: undefined,
      password: row.password,
      generated: false,
      mustChange: settings.mustChange,
      attempts: 0,
      uncertain: journal?.sent.has(row.address) ?? false,
      readBack: false,
      passwordSet: false,
    };
    const resumed = journal?.outcomes.get(row.address);
    if (resumed !== undefined && FINAL.has(resumed)) {
      settled.push({ job, step: { kind: 'done', outcome: resumed }, resumed: true });
      verdicts.push({ line, address: row.address, verdict: resumed, resumed: true });
      continue;
    }
    const verdict = plan.verdict(job, account);
    if (verdict !== 'write' && verdict.kind === 'done') {
      settled.push({ job, step: verdict, resumed: false });
      verdicts.push({
        line,
        address: row.address,
        verdict: verdict.outcome,
        differences: verdict.differences,
        code: verdict.error?.code,
      });
      continue;
    }
    if (operation === 'create' || operation === 'setPassword') {
      job.policy = await policyFor(operation, directory, job, cos, defaultCosId);
      const username = row.address.slice(0, row.address.indexOf('@'));
      if (job.password === undefined) {
        job.password = generatePassword(job.policy, {}, username);
        job.generated = true;
      } else {
        for (const broken of job.policy?.check(job.password, username) ?? []) {
          const limit = broken.limit === undefined ? '' : ` (${broken.limit})`;
          note({ line, column: 'password', rule: broken.rule, message: `${broken.message}${limit}` });
        }
      }
    }
    if (rowIssues.has(line)) {
      verdicts.push({ line, address: row.address, verdict: 'refused', issues: rowIssues.get(line) });
      continue;
    }
    jobs.push(job);
    verdicts.push({ line, address: row.address, verdict: 'write' });
  }

  const capacity = await capacityShortfalls(directory, operation, jobs);
  const report: PreflightReport = {
    operation,
    jobId,
    total: read.length,
    ok: issues.length === 0 && capacity.length === 0,
    writes: jobs.length,
    issues,
    capacity,
    verdicts,
  };
  return { report, jobs, settled };
}

function journalDone(journal: { outcomes: Map<string, OutcomeKind> } | undefined, address: string): boolean {
  const outcome = journal?.outcomes.get(address);
  return outcome !== undefined && FINAL.has(outcome);
}

function changesOf(row: CheckedRow): number {
  return [row.givenName, row.sn, row.displayName, row.type, row.quotaBytes, row.status].filter(
    (v) => v !== undefined,
  ).length;
}

async function defaultCos(directory: Directory): Promise<Cos | undefined> {
  try {
    return await directory.cos('default');
  } catch (error) {
    if (isZimbraFault(error, 'service.PERM_DENIED')) return undefined;
    throw error;
  }
}

// One policy per COS object, not one per row: the directory hands out each COS once per run.
const COS_POLICIES = new WeakMap<Cos, PasswordPolicy>();

function cosPolicy(cos: Cos): PasswordPolicy {
  let policy = COS_POLICIES.get(cos);
  if (policy === undefined) {
    policy = PasswordPolicy.fromAttrs(cos.attrs);
    COS_POLICIES.set(cos, policy);
  }
  return policy;
}

/** A new account's policy is its type's; an existing account's is in its own attributes (COS applied). */
async function policyFor(
  operation: BulkOperation,
  directory: Directory,
  job: Job,
  cos: Cos | undefined,
  defaultCosId: string | undefined,
): Promise<PasswordPolicy | undefined> {
  if (operation === 'setPassword') {
    return job.account === undefined ? undefined : PasswordPolicy.fromAttrs(job.account.attrs);
  }
  if (cos !== undefined) return cosPolicy(cos);
  if (defaultCosId === undefined) return undefined;
  try {
    const fallback = await directory.cos(defaultCosId);
    return fallback === undefined ? undefined : cosPolicy(fallback);
  } catch (error) {
    // A domain admin may not read the default COS: the server still checks the password.
    if (isZimbraFault(error, 'service.PERM_DENIED')) return undefined;
    throw error;
  }
}

/** Rows that add mailboxes (creates, and modifies to another type) against each domain's free slots. */
async function capacityShortfalls(
  directory: Directory,
  operation: BulkOperation,
  jobs: readonly Job[],
): Promise<CapacityShortfall[]> {
  if (operation !== 'create' && operation !== 'modify') return [];
  const needed = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  for (const job of jobs) {
    const target = job.cos.rowCosId ?? (operation === 'create' ? job.cos.defaultCosId : undefined);
    if (target === undefined) continue;
    if (operation === 'modify') {
      const current = job.account?.cosId ?? job.cos.defaultCosId;
      if (current?.toLowerCase() === target.toLowerCase()) continue;
    }
    const perType = needed.get(job.row.domain) ?? new Map<string, number>();
    perType.set(target.toLowerCase(), (perType.get(target.toLowerCase()) ?? 0) + 1);
    needed.set(job.row.domain, perType);
    if (operation === 'create') totals.set(job.row.domain, (totals.get(job.row.domain) ?? 0) + 1);
  }
  const out: CapacityShortfall[] = [];
  for (const [domain, perType] of needed) {
    const cap = await directory.capacity(domain);
    for (const [cosId, n] of perType) {
      const type = cap.types.find((t) => t.cos.id.toLowerCase() === cosId);
      if (type === undefined || type.free === null || n <= type.free) continue;
      out.push({ domain, type: type.cos.name, needed: n, free: type.free, used: type.used, max: type.max });
    }
    const total = totals.get(domain) ?? 0;
    if (cap.total.free !== null && total > cap.total.free) {
      out.push({
        domain,
        type: undefined,
        needed: total,
        free: cap.total.free,
        used: cap.total.used,
        max: cap.total.max,
      });
    }
  }
  return out;
}
