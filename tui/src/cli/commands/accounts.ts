import { ACCOUNT_STATUSES, type ModifyAccountInput, type ZimbraAdmin } from '@casella/sdk';
import { accountView, cosNames } from './account-view.ts';
import { InputRefused } from './cli-errors.ts';
import { confirmAddress, confirmYes } from './confirm.ts';
import type { CommandContext } from './context.ts';
import { EXIT } from './exit-codes.ts';
import { NEW_PASSWORD_FLAGS } from './flags.ts';
import { newPassword, withNewPassword } from './new-password.ts';
import { arg, intFlag } from './positionals.ts';
import { formatSize, parseSize } from './sizes.ts';
import type { CommandSpec, FlagSpec } from './spec.ts';

const ADDRESS = [{ name: 'ADDRESS' }] as const;

/** Flags that set an account's fields, shared by create and modify. */
const FIELD_FLAGS: readonly FlagSpec[] = [
  { name: 'given-name', type: 'string', value: 'TEXT', help: 'flag.givenName' },
  { name: 'sn', type: 'string', value: 'TEXT', help: 'flag.sn' },
  { name: 'display-name', type: 'string', value: 'TEXT', help: 'flag.displayName' },
  { name: 'type', type: 'string', value: 'COS', help: 'flag.type' },
  { name: 'quota', type: 'string', value: 'SIZE', help: 'flag.quota' },
];

const MUST_CHANGE: FlagSpec = { name: 'must-change', type: 'boolean', help: 'flag.mustChange' };

/** The field flags as SDK input; a bad `--quota` is refused before anything is sent. */
function fields(ctx: CommandContext): ModifyAccountInput {
  const quota = ctx.text('quota');
  const quotaBytes = quota === undefined ? undefined : parseSize(quota);
  if (quota !== undefined && quotaBytes === undefined) {
    throw new InputRefused('VALIDATION', 'error.badSize', { flag: '--quota', value: quota });
  }
  const given = ctx.text('given-name');
  const sn = ctx.text('sn');
  const display = ctx.text('display-name');
  const type = ctx.text('type');
  return {
    ...(given !== undefined ? { givenName: given } : {}),
    ...(sn !== undefined ? { sn } : {}),
    ...(display !== undefined ? { displayName: display } : {}),
    ...(type !== undefined ? { cos: type } : {}),
    ...(quotaBytes !== undefined ? { quotaBytes } : {}),
  };
}

/** Prints one account as JSON or as `label: value` lines. */
async function show(ctx: CommandContext, admin: ZimbraAdmin, address: string): Promise<void> {
  const v = accountView(await admin.accounts.get(address), await cosNames(admin));
  if (ctx.json) {
    ctx.out.json(v);
    return;
  }
  ctx.out.record([
    [ctx.t('col.address'), v.address],
    [ctx.t('col.name'), v.displayName ?? ''],
    [ctx.t('col.givenName'), v.givenName ?? ''],
    [ctx.t('col.sn'), v.sn ?? ''],
    [ctx.t('col.status'), v.status ?? ''],
    [ctx.t('col.type'), v.type ?? ctx.t('word.default')],
    [ctx.t('col.quota'), v.quotaBytes ? formatSize(v.quotaBytes) : ctx.t('word.unlimited')],
    [ctx.t('col.id'), v.id],
  ]);
}

/** After a change: the account as JSON, or one sentence (and where a generated password went). */
async function done(
  ctx: CommandContext,
  admin: ZimbraAdmin,
  address: string,
  key: Parameters<CommandContext['t']>[0],
  file?: string,
) {
  if (ctx.json) {
    const v = accountView(await admin.accounts.get(address), await cosNames(admin));
    ctx.out.json(file ? { ...v, passwordFile: file } : v);
  } else {
    ctx.out.line(ctx.t(key, { address }));
    if (file) ctx.out.line(ctx.t('done.passwordFile', { file }));
  }
  return EXIT.ok;
}

async function accepts(admin: ZimbraAdmin, cos: string | { account: string }, user: string) {
  const policy =
    typeof cos === 'string' ? await admin.passwordPolicy({ cos }) : await admin.passwordPolicy(cos.account);
  return (pw: string) => policy.check(pw, user).length === 0;
}

/** The COS a new account of this domain gets: `--type`, else the domain's default, else `default`. */
async function typeFor(admin: ZimbraAdmin, address: string, type: string | undefined): Promise<string> {
  if (type) return type;
  const domain = await admin.domains.get(address.split('@')[1] ?? '');
  return domain.defaultCosId ?? 'default';
}

const mustChangeAttrs = { attrs: { zimbraPasswordMustChange: 'TRUE' } } as const;

/** `casella accounts …`. */
export const accountCommands: readonly CommandSpec[] = [
  {
    path: ['accounts', 'list'],
    args: [],
    summary: 'cmd.accounts.list',
    backend: 'zimbra',
    flags: [
      { name: 'domain', type: 'string', value: 'DOMAIN', help: 'flag.domain' },
      { name: 'query', type: 'string', value: 'LDAP', help: 'flag.query' },
      { name: 'limit', type: 'string', value: 'N', help: 'flag.limit' },
    ],
    async run(ctx) {
      const admin = await ctx.zimbra();
      const limit = intFlag(ctx, 'limit');
      const domain = ctx.text('domain');
      const query = ctx.text('query');
      const names = await cosNames(admin);
      const rows: string[][] = [];
      let n = 0;
      for await (const a of admin.accounts.search({
        ...(domain ? { domain } : {}),
        ...(query ? { query } : {}),
      })) {
        if (limit !== undefined && n >= limit) break;
        n++;
        const v = accountView(a, names);
        if (ctx.json) ctx.out.ndjson(v);
        else rows.push([v.address, v.displayName ?? '', v.type ?? ctx.t('word.default'), v.status ?? '']);
      }
      if (!ctx.json) {
        ctx.out.table(
          [ctx.t('col.address'), ctx.t('col.name'), ctx.t('col.type'), ctx.t('col.status')],
          rows,
        );
      }
      return EXIT.ok;
    },
  },
  {
    path: ['accounts', 'get'],
    args: ADDRESS,
    summary: 'cmd.accounts.get',
    backend: 'zimbra',
    flags: [],
    async run(ctx) {
      await show(ctx, await ctx.zimbra(), arg(ctx, 0));
      return EXIT.ok;
    },
  },
  {
    path: ['accounts', 'create'],
    args: ADDRESS,
    summary: 'cmd.accounts.create',
    backend: 'zimbra',
    flags: [...FIELD_FLAGS, MUST_CHANGE, ...NEW_PASSWORD_FLAGS],
    async run(ctx) {
      const address = arg(ctx, 0);
      const changes = fields(ctx);
      const admin = await ctx.zimbra();
      const user = address.split('@')[0] ?? address;
      const pw = await newPassword(
        ctx,
        await accepts(admin, await typeFor(admin, address, ctx.text('type')), user),
      );
      await withNewPassword(pw, () =>
        ctx.change('accounts.create', address, () =>
          admin.accounts.create({
            name: address,
            password: pw.password,
            ...changes,
            ...(ctx.flags['must-change'] === true ? mustChangeAttrs : {}),
          }),
        ),
      );
      return done(ctx, admin, address, 'done.created', pw.file);
    },
  },
  {
    path: ['accounts', 'modify'],
    args: ADDRESS,
    summary: 'cmd.accounts.modify',
    backend: 'zimbra',
    flags: [
      ...FIELD_FLAGS,
      { name: 'status', type: 'string', value: 'STATUS', choices: ACCOUNT_STATUSES, help: 'flag.status' },
    ],
    async run(ctx) {
      const address = arg(ctx, 0);
      const status = ctx.text('status') as ModifyAccountInput['status'];
      const changes = { ...fields(ctx), ...(status ? { status } : {}) };
      const admin = await ctx.zimbra();
      await ctx.change('accounts.modify', address, () => admin.accounts.modify(address, changes));
      return done(ctx, admin, address, 'done.modified');
    },
  },
  {
    path: ['accounts', 'passwd'],
    args: ADDRESS,
    summary: 'cmd.accounts.passwd',
    backend: 'zimbra',
    flags: [MUST_CHANGE, ...NEW_PASSWORD_FLAGS],
    async run(ctx) {
      const address = arg(ctx, 0);
      const admin = await ctx.zimbra();
      const pw = await newPassword(
        ctx,
        await accepts(admin, { account: address }, address.split('@')[0] ?? ''),
      );
      const result = await withNewPassword(pw, () =>
        ctx.change('accounts.passwd', address, () =>
          admin.accounts.setPassword(address, pw.password, { mustChange: ctx.flags['must-change'] === true }),
        ),
      );
      if (result.warning && !ctx.json)
        ctx.io.stderr.write(`${ctx.t('done.warning', { message: result.warning })}\n`);
      return done(ctx, admin, address, 'done.passwordSet', pw.file);
    },
  },
  {
    path: ['accounts', 'rename'],
    args: [{ name: 'ADDRESS' }, { name: 'NEW_ADDRESS' }],
    summary: 'cmd.accounts.rename',
    backend: 'zimbra',
    flags: [],
    async run(ctx) {
      const [from, to] = [arg(ctx, 0), arg(ctx, 1)];
      const admin = await ctx.zimbra();
      await ctx.change('accounts.rename', from, () => admin.accounts.rename(from, to), { newAddress: to });
      return done(ctx, admin, to, 'done.renamed');
    },
  },
  {
    path: ['accounts', 'delete'],
    args: ADDRESS,
    summary: 'cmd.accounts.delete',
    backend: 'zimbra',
    flags: [{ name: 'confirm', type: 'string', value: 'ADDRESS', help: 'flag.confirm' }],
    async run(ctx) {
      const address = arg(ctx, 0);
      await confirmAddress(ctx, address);
      const admin = await ctx.zimbra();
      await ctx.change('accounts.delete', address, () => admin.accounts.delete(address));
      if (ctx.json) ctx.out.json({ address, deleted: true });
      else ctx.out.line(ctx.t('done.deleted', { address }));
      return EXIT.ok;
    },
  },
  ...(['lock', 'unlock'] as const).map(
    (verb): CommandSpec => ({
      path: ['accounts', verb],
      args: ADDRESS,
      summary: verb === 'lock' ? 'cmd.accounts.lock' : 'cmd.accounts.unlock',
      backend: 'zimbra',
      flags: verb === 'lock' ? [{ name: 'yes', type: 'boolean', help: 'flag.yes' }] : [],
      async run(ctx) {
        const address = arg(ctx, 0);
        if (verb === 'lock') await confirmYes(ctx, ctx.t('prompt.lock', { address }));
        const admin = await ctx.zimbra();
        const status = verb === 'lock' ? 'locked' : 'active';
        await ctx.change(`accounts.${verb}`, address, () => admin.accounts.modify(address, { status }));
        return done(ctx, admin, address, verb === 'lock' ? 'done.locked' : 'done.unlocked');
      },
    }),
  ),
];
