import type { QuotaUsage } from '@casella/sdk';
import { EXIT } from './exit-codes.ts';
import { intFlag } from './positionals.ts';
import { formatSize } from './sizes.ts';
import type { CommandSpec } from './spec.ts';

const SORTS = { percent: 'percentUsed', used: 'totalUsed', limit: 'quotaLimit' } as const;

function percent(row: QuotaUsage): number | null {
  return row.limitBytes > 0 ? Math.round((row.usedBytes / row.limitBytes) * 1000) / 10 : null;
}

/** `casella quota`: usage of every mailbox (of a domain), largest first unless `--sort` says otherwise. */
export const quotaCommands: readonly CommandSpec[] = [
  {
    path: ['quota'],
    args: [],
    summary: 'cmd.quota',
    backend: 'zimbra',
    flags: [
      { name: 'domain', type: 'string', value: 'DOMAIN', help: 'flag.domain' },
      { name: 'sort', type: 'string', value: 'KEY', choices: Object.keys(SORTS), help: 'flag.sort' },
      { name: 'limit', type: 'string', value: 'N', help: 'flag.limit' },
    ],
    async run(ctx) {
      const admin = await ctx.zimbra();
      const domain = ctx.text('domain');
      const sort = ctx.text('sort') as keyof typeof SORTS | undefined;
      const limit = intFlag(ctx, 'limit');
      const rows: string[][] = [];
      let n = 0;
      for await (const row of admin.quota.usage({
        ...(domain ? { domain } : {}),
        ...(sort ? { sortBy: SORTS[sort] } : {}),
      })) {
        if (limit !== undefined && n >= limit) break;
        n++;
        const pct = percent(row);
        if (ctx.json) {
          ctx.out.ndjson({
            address: row.name,
            id: row.id,
            usedBytes: row.usedBytes,
            limitBytes: row.limitBytes,
            percentUsed: pct,
          });
        } else {
          rows.push([
            row.name,
            formatSize(row.usedBytes),
            row.limitBytes > 0 ? formatSize(row.limitBytes) : ctx.t('word.unlimited'),
            pct === null ? '-' : `${pct}%`,
          ]);
        }
      }
      if (!ctx.json) {
        ctx.out.table([ctx.t('col.address'), ctx.t('col.used'), ctx.t('col.quota'), '%'], rows);
      }
      return EXIT.ok;
    },
  },
];
