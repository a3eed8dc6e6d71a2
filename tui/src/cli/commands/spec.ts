import type { CommandContext } from './context.ts';
import type { ExitCode } from './exit-codes.ts';
import type { MessageKey } from './messages.ts';

/** One `--flag` of a command: feeds the parser, `--help` and shell completion. */
export interface FlagSpec {
  /** Without the dashes, e.g. `domain`. */
  readonly name: string;
  readonly type: 'string' | 'boolean';
  readonly help: MessageKey;
  /** Placeholder shown in help, e.g. `ADDRESS`. */
  readonly value?: string;
  /** The only accepted values (checked, and offered by completion). */
  readonly choices?: readonly string[];
  /** Completion offers file names. */
  readonly file?: boolean;
}

/** One positional argument. */
export interface ArgSpec {
  /** Placeholder, e.g. `ADDRESS`. */
  readonly name: string;
  readonly optional?: boolean;
  /** Completion offers these words. */
  readonly choices?: readonly string[];
  /** Completion offers file names. */
  readonly file?: boolean;
}

/** Which backend a command logs in to before it runs. */
export type Backend = 'zimbra' | 'pec' | 'none';

/** A command (`casella accounts create …`) as data: its words, arguments, flags, help and code. */
export interface CommandSpec {
  /** The words that name it, e.g. `['pec', 'mailboxes', 'delete']`. */
  readonly path: readonly string[];
  readonly args: readonly ArgSpec[];
  readonly summary: MessageKey;
  /** Flags of its own; the common and connection flags are added from `backend`. */
  readonly flags: readonly FlagSpec[];
  readonly backend: Backend;
  run(ctx: CommandContext): Promise<ExitCode>;
}
