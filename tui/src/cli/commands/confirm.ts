import { createInterface } from 'node:readline/promises';
import { InputRefused } from './cli-errors.ts';
import type { CommandContext } from './context.ts';

async function ask(ctx: CommandContext, question: string): Promise<string> {
  const rl = createInterface({ input: ctx.io.stdin, output: ctx.io.stderr });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

function interactive(ctx: CommandContext): boolean {
  return ctx.io.stdin.isTTY === true && ctx.io.stderr.isTTY === true;
}

/**
 * A delete goes ahead only when `--confirm` repeats the exact address, or the address is typed at the
 * prompt of a terminal; otherwise nothing is sent.
 * @throws InputRefused `CONFIRMATION_REQUIRED` or `CONFIRMATION_MISMATCH`.
 */
export async function confirmAddress(ctx: CommandContext, address: string): Promise<void> {
  const given =
    ctx.text('confirm') ??
    (interactive(ctx) ? await ask(ctx, ctx.t('prompt.typeAddress', { address })) : undefined);
  if (given === undefined)
    throw new InputRefused('CONFIRMATION_REQUIRED', 'error.confirmRequired', { address });
  if (given.toLowerCase() !== address.toLowerCase()) {
    throw new InputRefused('CONFIRMATION_MISMATCH', 'error.confirmMismatch', { address });
  }
}

/**
 * A change that cuts someone off (lock, reset) goes ahead with `--yes`, or a `y` typed on a terminal.
 * @throws InputRefused `CONFIRMATION_REQUIRED`.
 */
export async function confirmYes(ctx: CommandContext, question: string): Promise<void> {
  if (ctx.flags.yes === true) return;
  if (interactive(ctx)) {
    const answer = (await ask(ctx, `${question} [y/N] `)).toLowerCase();
    if (answer === 'y' || answer === 'yes' || answer === 's' || answer === 'si' || answer === 'sì') return;
  }
  throw new InputRefused('CONFIRMATION_REQUIRED', 'error.yesRequired');
}
