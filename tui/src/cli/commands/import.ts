import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import {
  type BulkOperation,
  type BulkOutcome,
  type BulkRow,
  createBulk,
  OUTCOME_KINDS,
  type OutcomeKind,
  type PreflightReport,
  parseRowsCsv,
  parseRowsNdjson,
} from '@casella/sdk';
import { csvLine } from '../../csv-cell.ts';
import { createBulkJournal } from '../../journal/index.ts';
import { describeIssueIn, describeShortfallIn } from './bulk-words.ts';
import { InputRefused, UsageError } from './cli-errors.ts';
import type { CommandContext } from './context.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { arg, intFlag } from './positionals.ts';
import { createProgress } from './progress.ts';
import type { CommandSpec } from './spec.ts';

/** Outcomes that leave the row in the state the file asks for. */
const DONE: ReadonlySet<OutcomeKind> = new Set([
  'created',
  'alreadyPresent',
  'updated',
  'unchanged',
  'deleted',
  'absent',
]);

/** What `--operation` names, and the engine's name for it. */
const OPERATIONS = { create: 'create', modify: 'modify', passwd: 'setPassword', delete: 'delete' } as const;
type ImportOperation = keyof typeof OPERATIONS;

function operationOf(ctx: CommandContext): ImportOperation {
  const given = ctx.text('operation') ?? 'create';
  return given in OPERATIONS ? (given as ImportOperation) : 'create';
}

function formatOf(ctx: CommandContext, file: string): 'csv' | 'ndjson' {
  const given = ctx.text('format');
  if (given === 'csv' || given === 'ndjson') return given;
  return /\.(nd)?jsonl?$/i.test(file) ? 'ndjson' : 'csv';
}

/** A new file only the owner can read; `append` keeps what a resumed run's first part wrote. */
function openPrivate(file: string, append: boolean): number {
  try {
    return openSync(file, append ? 'a' : 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputRefused('FILE', code === 'EEXIST' ? 'error.fileExists' : 'error.fileWrite', {
      file,
      reason: code ?? String(error),
    });
  }
}

/** One row outcome as `--json` and `--report` print it: no password, the backend's code. */
function outcomeView(o: BulkOutcome) {
  return {
    line: o.line,
    address: o.address,
    kind: o.kind,
    ...(o.error ? { code: o.error.code, message: o.error.message } : {}),
    ...(o.issues ? { issues: o.issues } : {}),
    ...(o.differences ? { differences: o.differences } : {}),
    attempts: o.attempts,
    readBack: o.readBack,
    resumed: o.resumed,
  };
}

function printDryRun(
  ctx: CommandContext,
  file: string,
  operation: ImportOperation,
  report: PreflightReport,
): ExitCode {
  if (ctx.json) {
    for (const v of report.verdicts)
      ctx.out.ndjson({
        line: v.line,
        address: v.address,
        verdict: v.verdict,
        ...(v.issues ? { issues: v.issues } : {}),
        ...(v.differences ? { differences: v.differences } : {}),
      });
    ctx.out.ndjson({
      summary: {
        total: report.total,
        writes: report.writes,
        ok: report.ok,
        capacity: report.capacity,
        issues: report.issues.length,
      },
    });
  } else {
    const rows = report.verdicts.map((v) => [
      String(v.line),
      v.address,
      ctx.t(
        v.verdict !== 'write'
          ? `kind.${v.verdict}`
          : operation === 'create'
            ? 'kind.write'
            : `kind.write.${operation}`,
      ),
      [...(v.issues ?? []).map((i) => describeIssueIn(ctx.lang, i)), ...(v.differences ?? [])].join('; '),
    ]);
    ctx.out.table([ctx.t('col.row'), ctx.t('col.address'), ctx.t('col.outcome'), ''], rows);
    for (const s of report.capacity) ctx.out.line(describeShortfallIn(ctx.lang, s));
    const issuesOnly = report.issues.filter((i) => !report.verdicts.some((v) => v.line === i.line));
    for (const i of issuesOnly) ctx.out.line(describeIssueIn(ctx.lang, i));
    ctx.out.line(
      report.ok
        ? ctx.t(operation === 'create' ? 'import.dryRunOk' : `import.dryRunOk.${operation}`, {
            file,
            total: report.total,
            writes: report.writes,
          })
        : ctx.t('import.dryRunRefused', { file }),
    );
  }
  return report.ok ? EXIT.ok : EXIT.refused;
}

/**
 * `casella import FILE`: exactly-once bulk work on the SDK's engine, resumable from the journal. The file's
 * rows are created (default), modified, given passwords or deleted, as `--operation` says.
 */
export const importCommands: readonly CommandSpec[] = [
  {
    path: ['import'],
    args: [{ name: 'FILE', file: true }],
    summary: 'cmd.import',
    backend: 'zimbra',
    flags: [
      {
        name: 'operation',
        type: 'string',
        value: 'create|modify|passwd|delete',
        choices: ['create', 'modify', 'passwd', 'delete'],
        help: 'flag.importOperation',
      },
      { name: 'confirm-count', type: 'string', value: 'N', help: 'flag.confirmCount' },
      { name: 'dry-run', type: 'boolean', help: 'flag.dryRun' },
      { name: 'resume', type: 'boolean', help: 'flag.resume' },
      { name: 'report', type: 'string', value: 'FILE', file: true, help: 'flag.report' },
      {
        name: 'format',
        type: 'string',
        value: 'csv|ndjson',
        choices: ['csv', 'ndjson'],
        help: 'flag.importFormat',
      },
      { name: 'generate-passwords', type: 'boolean', help: 'flag.generatePasswords' },
      { name: 'password-file', type: 'string', value: 'FILE', file: true, help: 'flag.importPasswordFile' },
      { name: 'must-change', type: 'boolean', help: 'flag.mustChange' },
      { name: 'skip-invalid', type: 'boolean', help: 'flag.skipInvalid' },
      { name: 'batch-size', type: 'string', value: 'N', help: 'flag.batchSize' },
      { name: 'concurrency', type: 'string', value: 'N', help: 'flag.concurrency' },
    ],
    async run(ctx) {
      const file = arg(ctx, 0);
      const resume = ctx.flags.resume === true;
      const generate = ctx.flags['generate-passwords'] === true;
      const passwordFile = ctx.text('password-file');
      if (resume && ctx.journal.path === undefined)
        throw new UsageError('import.resumeNeedsJournal', {}, 'import');
      if (generate && !passwordFile) throw new UsageError('error.generateNeedsFile', {}, 'import');
      const operation = operationOf(ctx);
      if (generate && operation !== 'create' && operation !== 'passwd')
        throw new UsageError('import.generateOnlyFor', {}, 'import');
      // A delete names how many accounts go: a file longer than the admin thought deletes nothing.
      const confirmCount = intFlag(ctx, 'confirm-count');
      if (operation === 'delete' && confirmCount === undefined && ctx.flags['dry-run'] !== true)
        throw new UsageError('import.deleteNeedsCount', {}, 'import');
      const batchSize = intFlag(ctx, 'batch-size');
      const concurrency = intFlag(ctx, 'concurrency');
      // The file must be readable before a login is spent on it.
      closeSync(openReadable(file));
      const format = formatOf(ctx, file);
      const rows = (): AsyncIterable<BulkRow> =>
        format === 'ndjson' ? parseRowsNdjson(createReadStream(file)) : parseRowsCsv(createReadStream(file));
      const admin = await ctx.zimbra();
      const bulk = createBulk(admin);
      const journal = ctx.journal.path === undefined ? undefined : createBulkJournal(ctx.journal);
      const common = { ...(journal ? { journal } : {}), ...(resume ? { resume } : {}) };
      if (ctx.flags['dry-run'] === true) {
        const engineOperation: BulkOperation = OPERATIONS[operation];
        return printDryRun(
          ctx,
          file,
          operation,
          await bulk.preflight(engineOperation, rows(), { ...common, generatePasswords: generate }),
        );
      }
      const passwords = generate && passwordFile ? openPrivate(passwordFile, resume) : undefined;
      const reportFile = ctx.text('report');
      const report = reportFile ? openSync(reportFile, 'w', 0o600) : undefined;
      const controller = new AbortController();
      let stoppedAt = 0;
      const stop = () => {
        // The first Ctrl+C cuts the batch in flight (the engine passes the signal to the request; the
        // journal has its intents, so --resume reads those rows back); a second one exits at once. The
        // same signal can arrive twice in a row (tsx's loader re-emits it), so only a later one counts.
        if (stoppedAt > 0 && Date.now() - stoppedAt > 1000) process.exit(EXIT.interrupted);
        if (stoppedAt === 0) stoppedAt = Date.now();
        controller.abort();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      const progress = createProgress(ctx.io.stderr, undefined);
      const counts = Object.fromEntries(OUTCOME_KINDS.map((k) => [k, 0])) as Record<OutcomeKind, number>;
      try {
        const options = {
          ...common,
          signal: controller.signal,
          ...(batchSize !== undefined ? { batchSize } : {}),
          ...(concurrency !== undefined ? { concurrency } : {}),
          ...(ctx.flags['skip-invalid'] === true ? { skipInvalid: true } : {}),
          onProgress: (p: { done: number; total: number }) => progress.update(p.done, p.total),
        };
        // Written before the write that sets it is sent: a crash cannot lose a password.
        const sink =
          passwords === undefined
            ? undefined
            : (address: string, password: string) => {
                writeSync(passwords, csvLine([address, password]));
              };
        const run =
          operation === 'modify'
            ? bulk.modify(rows(), options)
            : operation === 'passwd'
              ? bulk.setPasswords(rows(), {
                  ...options,
                  ...(sink === undefined ? {} : { generate: true, onGeneratedPassword: sink }),
                })
              : operation === 'delete'
                ? bulk.delete(rows(), { ...options, confirmCount: confirmCount ?? -1 })
                : bulk.create(rows(), {
                    ...options,
                    ...(ctx.flags['must-change'] === true ? { mustChangePassword: true } : {}),
                    ...(sink === undefined ? {} : { generatePasswords: true, onGeneratedPassword: sink }),
                  });
        for await (const o of run) {
          counts[o.kind]++;
          const view = outcomeView(o);
          if (report !== undefined) writeSync(report, `${JSON.stringify(view)}\n`);
          if (ctx.json) ctx.out.ndjson(view);
          else if (!DONE.has(o.kind)) {
            progress.end();
            const why = o.error
              ? `: ${o.error.message}`
              : o.differences
                ? ` (${o.differences.join(', ')})`
                : '';
            ctx.out.line(
              ctx.t('import.row', { line: o.line, address: o.address, kind: ctx.t(`kind.${o.kind}`), why }),
            );
          }
        }
        const summary = await run.summary();
        progress.end();
        if (ctx.json) ctx.out.ndjson({ summary });
        else {
          const shown = OUTCOME_KINDS.filter((k) => counts[k] > 0).map(
            (k) => `${counts[k]} ${ctx.t(`kind.${k}`)}`,
          );
          ctx.out.line(
            ctx.t('import.summary', { file, total: summary.total, counts: shown.join(', ') || '0' }),
          );
          if (reportFile) ctx.io.stderr.write(`${ctx.t('import.reportWritten', { file: reportFile })}\n`);
        }
        const bad = counts.conflict + counts.refused + counts.failed;
        return bad === 0 ? EXIT.ok : bad < summary.total ? EXIT.partial : EXIT.failed;
      } finally {
        progress.end();
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        if (passwords !== undefined) closeSync(passwords);
        if (report !== undefined) closeSync(report);
      }
    },
  },
];

function openReadable(file: string): number {
  try {
    return openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputRefused('FILE', 'error.fileRead', { file, reason: code ?? String(error) });
  }
}
