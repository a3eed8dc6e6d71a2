import { UsageError } from './cli-errors.ts';
import { EXIT } from './exit-codes.ts';
import { intFlag } from './positionals.ts';
import type { CommandSpec } from './spec.ts';

const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `--since`: a span back from `now` (`30m`, `12h`, `7d`) or a date/time (`2026-12-01`, ISO 8601). */
export function parseSince(text: string, now = Date.now()): Date | undefined {
  const span = /^(\d+)([mhd])$/.exec(text.trim());
  if (span) return new Date(now - Number(span[1]) * (UNIT_MS[span[2] ?? 'h'] ?? 0));
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : new Date(at);
}

/** `casella log`: reads the audit journal (no server needed). */
export const logCommands: readonly CommandSpec[] = [
  {
    path: ['log'],
    args: [],
    summary: 'cmd.log',
    backend: 'none',
    flags: [
      { name: 'since', type: 'string', value: 'WHEN', help: 'flag.since' },
      { name: 'limit', type: 'string', value: 'N', help: 'flag.limit' },
      { name: 'operation', type: 'string', value: 'PREFIX', help: 'flag.operation' },
    ],
    async run(ctx) {
      const sinceText = ctx.text('since');
      const since = sinceText === undefined ? undefined : parseSince(sinceText);
      if (sinceText !== undefined && since === undefined) {
        throw new UsageError('error.badSince', { value: sinceText }, 'log');
      }
      if (ctx.journal.path === undefined) ctx.io.stderr.write(`${ctx.t('done.journalOff')}\n`);
      const entries = ctx.journal.read({
        since,
        limit: intFlag(ctx, 'limit'),
        operation: ctx.text('operation'),
      });
      if (ctx.json) for (const e of entries) ctx.out.ndjson(e);
      else {
        ctx.out.table(
          [
            ctx.t('col.time'),
            ctx.t('col.admin'),
            ctx.t('col.operation'),
            ctx.t('col.target'),
            ctx.t('col.outcome'),
            ctx.t('col.code'),
          ],
          entries.map((e) => [
            e.time,
            e.admin,
            e.operation,
            e.target,
            ctx.t(`outcome.${e.outcome}`),
            e.code ?? '',
          ]),
        );
      }
      return EXIT.ok;
    },
  },
];
