import { UsageError } from './cli-errors.ts';
import type { CommandContext } from './context.ts';

/** The `i`-th positional argument; a missing one is a usage error naming it. */
export function arg(ctx: CommandContext, i: number): string {
  const value = ctx.args[i];
  if (value === undefined || value === '') {
    throw new UsageError(
      'error.missingArg',
      { name: ctx.spec.args[i]?.name ?? `#${i + 1}` },
      ctx.spec.path.join(' '),
    );
  }
  return value;
}

/** A non-negative integer flag (`--limit`, `--max`); a bad one is a usage error naming the flag. */
export function intFlag(ctx: CommandContext, name: string): number | undefined {
  const text = ctx.text(name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new UsageError('error.notCount', { flag: `--${name}`, value: text }, ctx.spec.path.join(' '));
  }
  return Number(text);
}
