import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PecPostmaster } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, ndjson, useCliMock } from './run-casella.ts';

const cli = useCliMock();

/** Proves a PEC mailbox's password through the pec-admin login (a user mailbox is refused as NOT_POSTMASTER). */
async function loginCode(url: string, username: string, password: string): Promise<string> {
  try {
    const pec = await PecPostmaster.login({ url: `${url}/pec`, username, password });
    await pec.logout();
    return 'OK';
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('casella pec mailboxes', { timeout: 60_000 }, () => {
  it('lists the mailboxes of the postmaster’s domain, and filters them with --query', async () => {
    const all = await cli.run(['pec', 'mailboxes', 'list', ...cli.postmaster, '--json']);
    expect(all.code).toBe(0);
    const rows = ndjson<{ address: string; role: string }>(all.stdout);
    expect(rows.length).toBe(13);
    expect(rows.find((r) => r.role === 'postmaster')?.address).toBe('postmaster@pec.example.it');
    const some = await cli.run(['pec', 'mailboxes', 'list', ...cli.postmaster, '--query', 'esposito']);
    expect(some.code).toBe(0);
    expect(some.stdout).toMatch(/^luca\.esposito@pec\.example\.it\s+user/m);
    expect(some.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('creates a mailbox with the password from stdin, after the login password on the first line', async () => {
    const run = await cli.run(
      [
        'pec',
        'mailboxes',
        'create',
        'ufficio',
        ...cli.postmaster,
        '--password-stdin',
        '--new-password-stdin',
        '--json',
      ],
      { stdin: `${DEMO_PASSWORD}\nUfficio-Pec-2026!\n`, env: { CASELLA_PASSWORD: '' } },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      address: 'ufficio@pec.example.it',
      role: 'user',
      status: 'active',
    });
    // The password is the one typed: the login gets past the password check and stops at the role.
    expect(await loginCode(cli.mock.url, 'ufficio@pec.example.it', 'Ufficio-Pec-2026!')).toBe(
      'NOT_POSTMASTER',
    );
    expect(await loginCode(cli.mock.url, 'ufficio@pec.example.it', 'Wrong-Pec-2026!')).toBe(
      'INVALID_CREDENTIALS',
    );
  });

  it('refuses a PEC password against the server’s policy with exit 4', async () => {
    const run = await cli.run(
      ['pec', 'mailboxes', 'create', 'ufficio', ...cli.postmaster, '--new-password-stdin'],
      {
        stdin: 'nospecial1A\n',
      },
    );
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('password: at least one of');
  });

  it('changes a password with a generated one written to a 0600 file, never to stdout', async () => {
    const file = join(cli.dir, 'acquisti.pw');
    const run = await cli.run([
      'pec',
      'mailboxes',
      'passwd',
      'acquisti',
      ...cli.postmaster,
      '--generate',
      '--password-file',
      file,
    ]);
    expect(run.code).toBe(0);
    const password = readFileSync(file, 'utf8').trim();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(run.stdout + run.stderr).not.toContain(password);
    expect(await loginCode(cli.mock.url, 'acquisti@pec.example.it', password)).toBe('NOT_POSTMASTER');
  });

  it('resets a password only with --yes, and writes the temporary one to a 0600 file', async () => {
    const file = join(cli.dir, 'reset.pw');
    const refused = await cli.run([
      'pec',
      'mailboxes',
      'reset',
      'acquisti',
      ...cli.postmaster,
      '--password-file',
      file,
    ]);
    expect(refused.code).toBe(4);
    expect(() => statSync(file)).toThrow();
    const run = await cli.run([
      'pec',
      'mailboxes',
      'reset',
      'acquisti',
      ...cli.postmaster,
      '--password-file',
      file,
      '--yes',
    ]);
    expect(run.code).toBe(0);
    const temporary = readFileSync(file, 'utf8').trim();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(temporary).not.toBe('');
    expect(run.stdout).toContain(`the temporary password is in ${file}`);
    expect(run.stdout + run.stderr).not.toContain(temporary);
    expect(await loginCode(cli.mock.url, 'acquisti@pec.example.it', temporary)).toBe('NOT_POSTMASTER');
  });

  it('will not reset the postmaster: exit 1 with POSTMASTER_PROTECTED, and no file left behind', async () => {
    const file = join(cli.dir, 'pm.pw');
    const run = await cli.run([
      'pec',
      'mailboxes',
      'reset',
      'postmaster',
      ...cli.postmaster,
      '--password-file',
      file,
      '--yes',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[POSTMASTER_PROTECTED]');
    expect(() => statSync(file)).toThrow();
  });

  it('deletes only with --confirm and the full address', async () => {
    const refused = await cli.run([
      'pec',
      'mailboxes',
      'delete',
      'acquisti',
      ...cli.postmaster,
      '--confirm',
      'acquisti',
    ]);
    expect(refused.code).toBe(4);
    const run = await cli.run([
      'pec',
      'mailboxes',
      'delete',
      'acquisti',
      ...cli.postmaster,
      '--confirm',
      'acquisti@pec.example.it',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Deleted acquisti@pec.example.it.\n');
    const again = await cli.run([
      'pec',
      'mailboxes',
      'list',
      ...cli.postmaster,
      '--query',
      'acquisti',
      '--json',
    ]);
    expect(ndjson(again.stdout)).toEqual([]);
  });

  it('needs --pec-user (exit 2)', async () => {
    const run = await cli.run(['pec', 'mailboxes', 'list', '--url', cli.mock.url]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('say which postmaster: --pec-user ADDRESS.');
  });
});
