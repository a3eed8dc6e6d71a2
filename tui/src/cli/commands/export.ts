import { csvLine } from '../../csv-cell.ts';
import { accountView, cosNames } from './account-view.ts';
import { UsageError } from './cli-errors.ts';
import { EXIT } from './exit-codes.ts';
import { createProgress } from './progress.ts';
import type { CommandSpec } from './spec.ts';

/** The import file's columns, so an export can be edited and imported back. Never a password. */
const COLUMNS = ['address', 'givenName', 'sn', 'displayName', 'type', 'quota', 'status'] as const;

/** `casella export --domain D`: every mailbox of a domain as CSV (default) or NDJSON on stdout. */
export const exportCommands: readonly CommandSpec[] = [
  {
    path: ['export'],
    args: [],
    summary: 'cmd.export',
    backend: 'zimbra',
    flags: [
      { name: 'domain', type: 'string', value: 'DOMAIN', help: 'flag.domain' },
      {
        name: 'format',
        type: 'string',
        value: 'csv|ndjson',
        choices: ['csv', 'ndjson'],
        help: 'flag.format',
      },
      { name: 'raw-cells', type: 'boolean', help: 'flag.rawCells' },
    ],
    async run(ctx) {
      const domain = ctx.text('domain');
      if (!domain) throw new UsageError('error.missingFlag', { flag: '--domain' }, 'export');
      const ndjson = ctx.text('format') === 'ndjson' || (ctx.json && ctx.text('format') === undefined);
      const admin = await ctx.zimbra();
      const names = await cosNames(admin);
      // Rows scrolling on the terminal are progress enough; the bar is for `> file`.
      const total = await admin.accounts.count({ domain });
      const progress = createProgress(ctx.io.stderr, total, ctx.io.stdout.isTTY !== true);
      const out = ctx.io.stdout;
      // A name like `=HYPERLINK(…)` must not run when the file is opened in a spreadsheet (OWASP).
      const cells = { guardFormulas: ctx.flags['raw-cells'] !== true };
      if (!ndjson) out.write(csvLine(COLUMNS));
      for await (const a of admin.accounts.search({ domain, pageSize: 500 })) {
        const v = accountView(a, names);
        const row = {
          address: v.address,
          givenName: v.givenName,
          sn: v.sn,
          displayName: v.displayName,
          type: v.type,
          quota: v.quotaBytes,
          status: v.status,
        };
        out.write(
          ndjson
            ? `${JSON.stringify(row)}\n`
            : csvLine(
                COLUMNS.map((c) => row[c]),
                cells,
              ),
        );
        progress.tick();
      }
      progress.end();
      return EXIT.ok;
    },
  },
];
