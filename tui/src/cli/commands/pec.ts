import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import type { PecMailbox, PecPostmaster } from '@casella/sdk';
import { InputRefused, UsageError } from './cli-errors.ts';
import { confirmAddress, confirmYes } from './confirm.ts';
import type { CommandContext } from './context.ts';
import { EXIT } from './exit-codes.ts';
import { NEW_PASSWORD_FLAGS } from './flags.ts';
import { newPassword, withNewPassword } from './new-password.ts';
import { arg } from './positionals.ts';
import { formatSize } from './sizes.ts';
import type { CommandSpec } from './spec.ts';

const MAILBOX = [{ name: 'MAILBOX' }] as const;

function mailboxView(m: PecMailbox) {
  return {
    address: m.address,
    localPart: m.localPart,
    role: m.role,
    status: m.status,
    usedBytes: m.quota.usedBytes,
    limitBytes: m.quota.limitBytes,
    createdAt: m.createdAt,
  };
}

/** A local part or an address → the full address inside the postmaster's domain. */
function addressOf(pec: PecPostmaster, ref: string): string {
  return (ref.includes('@') ? ref : `${ref}@${pec.domainName}`).toLowerCase();
}

async function accepts(pec: PecPostmaster) {
  const policy = await pec.passwordPolicy();
  return (pw: string) => policy.check(pw).length === 0;
}

async function printed(
  ctx: CommandContext,
  pec: PecPostmaster,
  ref: string,
  key: Parameters<CommandContext['t']>[0],
  file?: string,
) {
  const address = addressOf(pec, ref);
  if (ctx.json)
    ctx.out.json({ ...mailboxView(await pec.mailboxes.get(ref)), ...(file ? { passwordFile: file } : {}) });
  else {
    ctx.out.line(ctx.t(key, { address }));
    if (file) ctx.out.line(ctx.t('done.passwordFile', { file }));
  }
  return EXIT.ok;
}

/** `casella pec mailboxes …`: the GestioneMail panel's postmaster operations. */
export const pecCommands: readonly CommandSpec[] = [
  {
    path: ['pec', 'mailboxes', 'list'],
    args: [],
    summary: 'cmd.pec.list',
    backend: 'pec',
    flags: [{ name: 'query', type: 'string', value: 'TEXT', help: 'flag.pecQuery' }],
    async run(ctx) {
      const pec = await ctx.pec();
      const q = ctx.text('query');
      const rows: string[][] = [];
      for await (const m of pec.mailboxes.search(q ? { q } : {})) {
        if (ctx.json) ctx.out.ndjson(mailboxView(m));
        else
          rows.push([
            m.address,
            m.role,
            m.status,
            `${formatSize(m.quota.usedBytes)} / ${formatSize(m.quota.limitBytes)}`,
          ]);
      }
      if (!ctx.json) {
        ctx.out.table(
          [ctx.t('col.address'), ctx.t('col.role'), ctx.t('col.status'), ctx.t('col.quota')],
          rows,
        );
      }
      return EXIT.ok;
    },
  },
  {
    path: ['pec', 'mailboxes', 'create'],
    args: [{ name: 'LOCAL_PART' }],
    summary: 'cmd.pec.create',
    backend: 'pec',
    flags: NEW_PASSWORD_FLAGS,
    async run(ctx) {
      const localPart = arg(ctx, 0);
      const pec = await ctx.pec();
      const pw = await newPassword(ctx, await accepts(pec));
      const created = await withNewPassword(pw, () =>
        ctx.change('pec.mailboxes.create', addressOf(pec, localPart), () =>
          pec.mailboxes.create({ localPart, password: pw.password, passwordConfirm: pw.password }),
        ),
      );
      return printed(ctx, pec, created.address, 'done.created', pw.file);
    },
  },
  {
    path: ['pec', 'mailboxes', 'passwd'],
    args: MAILBOX,
    summary: 'cmd.pec.passwd',
    backend: 'pec',
    flags: NEW_PASSWORD_FLAGS,
    async run(ctx) {
      const ref = arg(ctx, 0);
      const pec = await ctx.pec();
      const pw = await newPassword(ctx, await accepts(pec));
      await withNewPassword(pw, () =>
        ctx.change('pec.mailboxes.passwd', addressOf(pec, ref), () =>
          pec.mailboxes.changePassword(ref, { password: pw.password, passwordConfirm: pw.password }),
        ),
      );
      return printed(ctx, pec, ref, 'done.passwordSet', pw.file);
    },
  },
  {
    path: ['pec', 'mailboxes', 'reset'],
    args: MAILBOX,
    summary: 'cmd.pec.reset',
    backend: 'pec',
    flags: [
      { name: 'password-file', type: 'string', value: 'FILE', file: true, help: 'flag.resetFile' },
      { name: 'yes', type: 'boolean', help: 'flag.yes' },
    ],
    async run(ctx) {
      const ref = arg(ctx, 0);
      const file = ctx.text('password-file');
      if (!file)
        throw new UsageError('error.missingFlag', { flag: '--password-file' }, 'pec mailboxes reset');
      const pec = await ctx.pec();
      const address = addressOf(pec, ref);
      await confirmYes(ctx, ctx.t('prompt.reset', { address }));
      // The file exists (0600, empty) before the reset: the temporary password is shown once and must land.
      let fd: number;
      try {
        fd = openSync(file, 'wx', 0o600);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new InputRefused('PASSWORD_FILE', code === 'EEXIST' ? 'error.fileExists' : 'error.fileWrite', {
          file,
          reason: code ?? String(error),
        });
      }
      try {
        const reset = await ctx.change('pec.mailboxes.reset', address, () =>
          pec.mailboxes.resetPassword(ref),
        );
        writeSync(fd, `${reset.temporaryPassword}\n`);
        closeSync(fd);
        if (ctx.json)
          ctx.out.json({ address, passwordFile: file, mustChangeAtNextLogin: reset.mustChangeAtNextLogin });
        else ctx.out.line(ctx.t('done.reset', { address, file }));
      } catch (error) {
        closeSync(fd);
        rmSync(file, { force: true });
        throw error;
      }
      return EXIT.ok;
    },
  },
  {
    path: ['pec', 'mailboxes', 'delete'],
    args: MAILBOX,
    summary: 'cmd.pec.delete',
    backend: 'pec',
    flags: [{ name: 'confirm', type: 'string', value: 'ADDRESS', help: 'flag.confirm' }],
    async run(ctx) {
      const ref = arg(ctx, 0);
      const pec = await ctx.pec();
      const address = addressOf(pec, ref);
      await confirmAddress(ctx, address);
      await ctx.change('pec.mailboxes.delete', address, () =>
        pec.mailboxes.delete(ref, { confirm: address }),
      );
      if (ctx.json) ctx.out.json({ address, deleted: true });
      else ctx.out.line(ctx.t('done.deleted', { address }));
      return EXIT.ok;
    },
  },
];
