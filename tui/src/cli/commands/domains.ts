import type { Domain, DomainCapacity } from '@casella/sdk';
import { UsageError } from './cli-errors.ts';
import type { CommandContext } from './context.ts';
import { EXIT } from './exit-codes.ts';
import { arg, intFlag } from './positionals.ts';
import type { CommandSpec } from './spec.ts';

const DOMAIN = [{ name: 'DOMAIN' }] as const;

/** A domain as printed: no raw attributes, limits as numbers or null. */
function domainView(d: Domain) {
  return {
    name: d.name,
    id: d.id,
    status: d.status ?? null,
    maxAccounts: d.maxAccounts ?? null,
    cosLimits: d.cosLimits.map((l) => ({ cosId: l.cosId, max: l.max })),
    defaultCosId: d.defaultCosId ?? null,
  };
}

function count(ctx: CommandContext, n: number | null): string {
  return n === null ? ctx.t('word.unlimited') : String(n);
}

function printCapacity(ctx: CommandContext, cap: DomainCapacity): void {
  if (ctx.json) {
    ctx.out.json(cap);
    return;
  }
  const rows = cap.types.map((t) => [t.cos.name, String(t.used), count(ctx, t.max), count(ctx, t.free)]);
  rows.push([
    ctx.t('word.total'),
    String(cap.total.used),
    count(ctx, cap.total.max),
    count(ctx, cap.total.free),
  ]);
  ctx.out.line(ctx.t('done.capacityOf', { domain: cap.domain, status: cap.status ?? '-' }));
  ctx.out.table([ctx.t('col.type'), ctx.t('col.used'), ctx.t('col.max'), ctx.t('col.free')], rows);
}

/** `casella domains …`. */
export const domainCommands: readonly CommandSpec[] = [
  {
    path: ['domains', 'list'],
    args: [],
    summary: 'cmd.domains.list',
    backend: 'zimbra',
    flags: [],
    async run(ctx) {
      const domains = await (await ctx.zimbra()).domains.list();
      if (ctx.json) for (const d of domains) ctx.out.ndjson(domainView(d));
      else {
        ctx.out.table(
          [ctx.t('col.domain'), ctx.t('col.status'), ctx.t('col.max')],
          domains.map((d) => [d.name, d.status ?? '', count(ctx, d.maxAccounts ?? null)]),
        );
      }
      return EXIT.ok;
    },
  },
  {
    path: ['domains', 'get'],
    args: DOMAIN,
    summary: 'cmd.domains.get',
    backend: 'zimbra',
    flags: [],
    async run(ctx) {
      const v = domainView(await (await ctx.zimbra()).domains.get(arg(ctx, 0)));
      if (ctx.json) ctx.out.json(v);
      else {
        ctx.out.record([
          [ctx.t('col.domain'), v.name],
          [ctx.t('col.status'), v.status ?? ''],
          [ctx.t('col.max'), count(ctx, v.maxAccounts)],
          ...v.cosLimits.map((l): [string, string] => [
            ctx.t('col.limitOf', { cos: l.cosId }),
            String(l.max),
          ]),
          [ctx.t('col.id'), v.id],
        ]);
      }
      return EXIT.ok;
    },
  },
  {
    path: ['domains', 'capacity'],
    args: DOMAIN,
    summary: 'cmd.domains.capacity',
    backend: 'zimbra',
    flags: [],
    async run(ctx) {
      printCapacity(ctx, await (await ctx.zimbra()).domains.capacity(arg(ctx, 0)));
      return EXIT.ok;
    },
  },
  {
    path: ['domains', 'set-limit'],
    args: DOMAIN,
    summary: 'cmd.domains.setLimit',
    backend: 'zimbra',
    flags: [
      { name: 'type', type: 'string', value: 'COS', help: 'flag.type' },
      { name: 'max', type: 'string', value: 'N', help: 'flag.max' },
    ],
    async run(ctx) {
      const domain = arg(ctx, 0);
      const type = ctx.text('type');
      const max = intFlag(ctx, 'max');
      const help = ctx.spec.path.join(' ');
      if (!type) throw new UsageError('error.missingFlag', { flag: '--type' }, help);
      if (max === undefined) throw new UsageError('error.missingFlag', { flag: '--max' }, help);
      const admin = await ctx.zimbra();
      await ctx.change('domains.set-limit', domain, () => admin.domains.setTypeLimit(domain, type, max), {
        type,
        max,
      });
      printCapacity(ctx, await admin.domains.capacity(domain));
      return EXIT.ok;
    },
  },
];
