import { EXIT } from './exit-codes.ts';
import { formatSize } from './sizes.ts';
import type { CommandSpec } from './spec.ts';

/** `casella cos list`: the classes of service (the panel's mailbox types). */
export const cosCommands: readonly CommandSpec[] = [
  {
    path: ['cos', 'list'],
    args: [],
    summary: 'cmd.cos.list',
    backend: 'zimbra',
    flags: [],
    async run(ctx) {
      const list = await (await ctx.zimbra()).cos.list();
      if (ctx.json) {
        for (const c of list) {
          ctx.out.ndjson({
            name: c.name,
            id: c.id,
            isDefault: c.isDefault,
            quotaBytes: c.quotaBytes ?? null,
          });
        }
      } else {
        ctx.out.table(
          [ctx.t('col.type'), ctx.t('col.quota'), ctx.t('col.default'), ctx.t('col.id')],
          list.map((c) => [
            c.name,
            c.quotaBytes ? formatSize(c.quotaBytes) : ctx.t('word.unlimited'),
            c.isDefault ? ctx.t('word.yes') : '',
            c.id,
          ]),
        );
      }
      return EXIT.ok;
    },
  },
];
