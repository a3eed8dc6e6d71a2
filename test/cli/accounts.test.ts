import { ZimbraAccount, ZimbraAdmin } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, ndjson, useCliMock } from './run-casella.ts';

const cli = useCliMock();

/** Proves the account's password is `password`: only then does Zimbra accept it as the old one. */
async function passwordWorks(url: string, username: string, password: string): Promise<boolean> {
  try {
    await ZimbraAccount.changePassword({
      url,
      endpoint: 'admin',
      username,
      oldPassword: password,
      newPassword: 'Checked-Once-9!',
    });
    return true;
  } catch {
    return false;
  }
}

describe('casella accounts', { timeout: 60_000 }, () => {
  it('lists the mailboxes of a domain as a table, and as NDJSON with --json', async () => {
    const table = await cli.run(['accounts', 'list', ...cli.admin, '--domain', 'example.com']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^ADDRESS\s+NAME\s+TYPE\s+STATUS$/);
    expect(table.stdout).toMatch(/mario\.rossi@example\.com\s+Mario Rossi\s+Standard\s+active/);
    const json = await cli.run(['accounts', 'list', ...cli.admin, '--domain', 'example.com', '--json']);
    expect(json.code).toBe(0);
    const rows = ndjson<{ address: string; type: string | null }>(json.stdout);
    expect(rows).toHaveLength(40);
    expect(rows.find((r) => r.address === 'giulia.bianchi@example.com')?.type).toBe('Professional');
  });

  it('stops a list after --limit rows', async () => {
    const run = await cli.run([
      'accounts',
      'list',
      ...cli.admin,
      '--domain',
      'example.com',
      '--limit',
      '3',
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(ndjson(run.stdout)).toHaveLength(3);
  });

  it('shows one mailbox as one JSON document', async () => {
    const run = await cli.run(['accounts', 'get', 'mario.rossi@example.com', ...cli.admin, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      address: 'mario.rossi@example.com',
      givenName: 'Mario',
      sn: 'Rossi',
      displayName: 'Mario Rossi',
      status: 'active',
      type: 'Standard',
      quotaBytes: 5 * 1024 ** 3,
    });
  });

  it('creates a mailbox with the fields given and the password read from stdin', async () => {
    const run = await cli.run(
      [
        'accounts',
        'create',
        'anna.verdi@example.com',
        ...cli.admin,
        '--given-name',
        'Anna',
        '--sn',
        'Verdi',
        '--display-name',
        'Anna Verdi',
        '--type',
        'Standard',
        '--quota',
        '2GB',
        '--new-password-stdin',
        '--json',
      ],
      { stdin: 'Anna-Secret-77!\n' },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      address: 'anna.verdi@example.com',
      givenName: 'Anna',
      sn: 'Verdi',
      displayName: 'Anna Verdi',
      type: 'Standard',
      quotaBytes: 2 * 1024 ** 3,
    });
    expect(await passwordWorks(cli.mock.url, 'anna.verdi@example.com', 'Anna-Secret-77!')).toBe(true);
  });

  it('refuses a password that breaks the policy with exit 4, naming the field and rule, and creates nothing', async () => {
    const run = await cli.run(
      ['accounts', 'create', 'weak@example.com', ...cli.admin, '--new-password-stdin', '--json'],
      { stdin: 'short\n' },
    );
    expect(run.code).toBe(4);
    const { error } = JSON.parse(run.stderr) as { error: { code: string; field: string; rule: string } };
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'password', rule: 'zimbraPasswordMinLength' });
    const get = await cli.run(['accounts', 'get', 'weak@example.com', ...cli.admin]);
    expect(get.code).toBe(1);
    expect(get.stderr).toContain('[account.NO_SUCH_ACCOUNT]');
  });

  it('reports the backend refusal of a full type with exit 1 and the code account.TOO_MANY_ACCOUNTS', async () => {
    const run = await cli.run(
      [
        'accounts',
        'create',
        'one.more@example.com',
        ...cli.admin,
        '--type',
        'Professional',
        '--new-password-stdin',
      ],
      { stdin: 'Anna-Secret-77!\n' },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^casella: no free mailbox slot of this type: .*\[account\.TOO_MANY_ACCOUNTS\]\n$/,
    );
    expect(run.stdout).toBe('');
  });

  it('refuses a quota that is not a size before logging in', async () => {
    const run = await cli.run([
      'accounts',
      'modify',
      'mario.rossi@example.com',
      ...cli.admin,
      '--quota',
      'lots',
    ]);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('--quota must be bytes or a size such as 500MB or 2GB, not lots.');
  });

  it('modifies names, quota and status and reads them back exactly', async () => {
    const run = await cli.run([
      'accounts',
      'modify',
      'mario.rossi@example.com',
      ...cli.admin,
      '--given-name',
      'Mário',
      '--display-name',
      'Mário Rossi (Roma)',
      '--quota',
      '500MB',
      '--status',
      'maintenance',
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      givenName: 'Mário',
      displayName: 'Mário Rossi (Roma)',
      quotaBytes: 500 * 1024 ** 2,
      status: 'maintenance',
    });
  });

  it('sets a new password from CASELLA_NEW_PASSWORD, and the owner must change it with --must-change', async () => {
    const run = await cli.run(
      ['accounts', 'passwd', 'luca.ferrari@example.com', ...cli.admin, '--must-change'],
      {
        env: { CASELLA_NEW_PASSWORD: 'Luca-Nuova-42!' },
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('New password set for luca.ferrari@example.com.\n');
    const admin = await ZimbraAdmin.login({
      url: cli.mock.url,
      username: 'admin@example.com',
      password: DEMO_PASSWORD,
    });
    try {
      const account = await admin.accounts.get('luca.ferrari@example.com');
      expect(account.attrs.zimbraPasswordMustChange).toBe('TRUE');
    } finally {
      await admin.close();
    }
    expect(await passwordWorks(cli.mock.url, 'luca.ferrari@example.com', 'Luca-Nuova-42!')).toBe(true);
  });

  it('renames a mailbox', async () => {
    const run = await cli.run([
      'accounts',
      'rename',
      'sara.greco@example.com',
      's.greco@example.com',
      ...cli.admin,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Renamed to s.greco@example.com.\n');
    const get = await cli.run(['accounts', 'get', 's.greco@example.com', ...cli.admin, '--json']);
    expect(JSON.parse(get.stdout).displayName).toBe('Sara Greco');
  });

  it('deletes only with --confirm repeating the address; without it exit 4 and the mailbox stays', async () => {
    const refused = await cli.run(['accounts', 'delete', 'marco.marino@example.com', ...cli.admin]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('needs --confirm marco.marino@example.com; nothing was changed');
    const wrong = await cli.run([
      'accounts',
      'delete',
      'marco.marino@example.com',
      ...cli.admin,
      '--confirm',
      'marco.marini@example.com',
    ]);
    expect(wrong.code).toBe(4);
    expect((await cli.run(['accounts', 'get', 'marco.marino@example.com', ...cli.admin])).code).toBe(0);
    const done = await cli.run([
      'accounts',
      'delete',
      'marco.marino@example.com',
      ...cli.admin,
      '--confirm',
      'marco.marino@example.com',
      '--json',
    ]);
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toEqual({ address: 'marco.marino@example.com', deleted: true });
    expect((await cli.run(['accounts', 'get', 'marco.marino@example.com', ...cli.admin])).code).toBe(1);
  });

  it('locks only with --yes, and unlocks', async () => {
    const refused = await cli.run(['accounts', 'lock', 'chiara.ricci@example.com', ...cli.admin]);
    expect(refused.code).toBe(4);
    const locked = await cli.run([
      'accounts',
      'lock',
      'chiara.ricci@example.com',
      ...cli.admin,
      '--yes',
      '--json',
    ]);
    expect(locked.code).toBe(0);
    expect(JSON.parse(locked.stdout).status).toBe('locked');
    const unlocked = await cli.run([
      'accounts',
      'unlock',
      'chiara.ricci@example.com',
      ...cli.admin,
      '--json',
    ]);
    expect(unlocked.code).toBe(0);
    expect(JSON.parse(unlocked.stdout).status).toBe('active');
  });
});
