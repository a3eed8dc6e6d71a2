import { accountCommands } from './accounts.ts';
import { UsageError } from './cli-errors.ts';
import { bashCompletion, zshCompletion } from './completion.ts';
import { cosCommands } from './cos.ts';
import { domainCommands } from './domains.ts';
import { EXIT } from './exit-codes.ts';
import { exportCommands } from './export.ts';
import { groupHelp, overviewHelp } from './help.ts';
import { importCommands } from './import.ts';
import { logCommands } from './log.ts';
import { pecCommands } from './pec.ts';
import { arg } from './positionals.ts';
import { quotaCommands } from './quota.ts';
import type { CommandSpec } from './spec.ts';

// `completion` and `help` read COMMANDS at run time, when the constant below is set.
const meta: readonly CommandSpec[] = [
  {
    path: ['completion'],
    args: [{ name: 'bash|zsh', choices: ['bash', 'zsh'] }],
    summary: 'cmd.completion',
    backend: 'none',
    flags: [],
    async run(ctx) {
      const shell = arg(ctx, 0);
      if (shell !== 'bash' && shell !== 'zsh') {
        throw new UsageError('error.badShell', { value: shell }, 'completion');
      }
      ctx.io.stdout.write(shell === 'bash' ? bashCompletion(COMMANDS) : zshCompletion(COMMANDS));
      return EXIT.ok;
    },
  },
  {
    path: ['help'],
    args: [{ name: 'GROUP', optional: true }],
    summary: 'cmd.help',
    backend: 'none',
    flags: [],
    async run(ctx) {
      const words = ctx.args;
      ctx.out.line(
        words.length === 0 ? overviewHelp(ctx.lang, COMMANDS) : groupHelp(ctx.lang, COMMANDS, words),
      );
      return EXIT.ok;
    },
  },
];

/** Every command of `casella <group> <verb>`, in help order. */
export const COMMANDS: readonly CommandSpec[] = [
  ...accountCommands,
  ...domainCommands,
  ...quotaCommands,
  ...cosCommands,
  ...importCommands,
  ...exportCommands,
  ...pecCommands,
  ...logCommands,
  ...meta,
];

/** The first words of the command line that start a command rather than the terminal UI. */
export const COMMAND_GROUPS: ReadonlySet<string> = new Set(COMMANDS.map((c) => c.path[0] ?? ''));
