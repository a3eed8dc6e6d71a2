import { promptPassword } from '../prompt-password.ts';
import { InputRefused, UsageError } from './cli-errors.ts';
import type { CommandContext } from './context.ts';
import { generatePassword } from './generate-password.ts';
import { removeSecretFile, writeSecretFile } from './secret-file.ts';

/** A new password and, when it was generated, the 0600 file it was written to. */
export interface NewPassword {
  readonly password: string;
  /** The file holding the generated password; removed again by `discard` when the change failed. */
  readonly file: string | undefined;
  /** Removes the file of a generated password that was never set. */
  discard(): void;
}

/**
 * The new password of create/passwd, from (in order) `--new-password-stdin`, `--generate` (written to
 * `--password-file`, mode 0600, before anything is sent, so it is never lost), `CASELLA_NEW_PASSWORD`,
 * or a hidden prompt typed twice on a terminal. Never argv, never stdout.
 * @param accepts the target's policy, for the generator.
 */
export async function newPassword(
  ctx: CommandContext,
  accepts: (password: string) => boolean,
): Promise<NewPassword> {
  const keep = (password: string): NewPassword => ({ password, file: undefined, discard: () => undefined });
  if (ctx.flags['new-password-stdin'] === true) {
    const line = await ctx.lines.next();
    if (!line) throw new UsageError('error.emptyStdin', {}, ctx.spec.path.join(' '));
    return keep(line);
  }
  if (ctx.flags.generate === true) {
    const file = ctx.text('password-file');
    if (!file) throw new UsageError('error.generateNeedsFile', {}, ctx.spec.path.join(' '));
    const password = generatePassword(accepts);
    try {
      writeSecretFile(file, `${password}\n`);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputRefused('PASSWORD_FILE', code === 'EEXIST' ? 'error.fileExists' : 'error.fileWrite', {
        file,
        reason: code ?? String(error),
      });
    }
    return { password, file, discard: () => removeSecretFile(file) };
  }
  const fromEnv = ctx.io.env.CASELLA_NEW_PASSWORD;
  if (fromEnv) return keep(fromEnv);
  if (ctx.io.stdin.isTTY) {
    const first = await promptPassword(ctx.t('prompt.newPassword'), ctx.io.stdin);
    const again = await promptPassword(ctx.t('prompt.repeatPassword'), ctx.io.stdin);
    if (first !== again) throw new InputRefused('PASSWORD_MISMATCH', 'error.passwordMismatch');
    return keep(first);
  }
  throw new UsageError('error.needsNewPassword', {}, ctx.spec.path.join(' '));
}

/**
 * Runs a change that sets `pw`; a generated password's file is removed when the change fails, so the
 * file never holds a password that is not the account's.
 */
export async function withNewPassword<T>(pw: NewPassword, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    pw.discard();
    throw error;
  }
}
