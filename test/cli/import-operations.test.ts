// `casella import --operation modify|passwd|delete`: a file drives every bulk operation, through the real command.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pecSeeds, zimbraSeeds } from '@casella/mock-server';
import { ZimbraAccount, ZimbraAdmin } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, ndjson, useCliMock } from './run-casella.ts';

const cli = useCliMock({ seed: { zimbra: zimbraSeeds.bulk(0), pec: pecSeeds.empty() } });
const PASSWORD = 'Bulk-Pass-42!';
const ADDRESSES = ['op1@bulk.example.com', 'op2@bulk.example.com', 'op3@bulk.example.com'];

interface Line {
  address?: string;
  kind?: string;
  summary?: { total: number; counts: Record<string, number> };
}

async function withAdmin<T>(work: (admin: ZimbraAdmin) => Promise<T>): Promise<T> {
  const admin = await ZimbraAdmin.login({
    url: cli.mock.url,
    username: 'admin@example.com',
    password: DEMO_PASSWORD,
  });
  try {
    return await work(admin);
  } finally {
    await admin.close();
  }
}

function kinds(stdout: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of ndjson<Line>(stdout)) if (l.address && l.kind) out[l.address] = l.kind;
  return out;
}

function file(name: string, text: string): string {
  const path = join(cli.dir, name);
  writeFileSync(path, text);
  return path;
}

describe('casella import --operation', { timeout: 120_000 }, () => {
  it('creates, modifies, sets generated passwords for, and deletes the accounts a file names', async () => {
    const create = file(
      'create.csv',
      `address,password,givenName,sn,type\n${ADDRESSES.map((a) => `${a},${PASSWORD},Op,Uno,Standard`).join('\n')}\n`,
    );
    const created = await cli.run(['import', create, ...cli.admin, '--json']);
    expect(created.code).toBe(0);
    expect(Object.values(kinds(created.stdout))).toEqual(['created', 'created', 'created']);

    // modify: one row changes its type and locks, one already has what it asks for.
    const modify = file(
      'modify.csv',
      'address,type,status,displayName\nop1@bulk.example.com,Professional,locked,Op Primo\nop2@bulk.example.com,Standard,,\n',
    );
    const dry = await cli.run(['import', modify, ...cli.admin, '--operation', 'modify', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('1 to modify, nothing changed.');
    const modified = await cli.run(['import', modify, ...cli.admin, '--operation', 'modify', '--json']);
    expect(modified.code).toBe(0);
    expect(kinds(modified.stdout)).toEqual({
      'op1@bulk.example.com': 'updated',
      'op2@bulk.example.com': 'unchanged',
    });
    const op1 = await withAdmin((admin) => admin.accounts.get('op1@bulk.example.com'));
    expect(op1.status).toBe('locked');
    expect(op1.displayName).toBe('Op Primo');

    // passwd: generated passwords go only to the 0600 file, and work (after the must-change flag).
    const passwd = file('passwd.csv', 'address\nop2@bulk.example.com\nop3@bulk.example.com\n');
    const out = join(cli.dir, 'new-passwords.csv');
    const set = await cli.run([
      'import',
      passwd,
      ...cli.admin,
      '--operation',
      'passwd',
      '--generate-passwords',
      '--password-file',
      out,
      '--json',
    ]);
    expect(set.code).toBe(0);
    expect(kinds(set.stdout)).toEqual({
      'op2@bulk.example.com': 'updated',
      'op3@bulk.example.com': 'updated',
    });
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const pairs = readFileSync(out, 'utf8')
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(pairs.map(([a]) => a).sort()).toEqual(['op2@bulk.example.com', 'op3@bulk.example.com']);
    // Zimbra's must-change-at-next-login flag is set with each password.
    const op3 = await withAdmin((admin) => admin.accounts.get('op3@bulk.example.com'));
    expect(op3.attrs.zimbraPasswordMustChange).toBe('TRUE');
    for (const [address, password] of pairs) {
      expect(password).toMatch(/^.{8,}$/);
      expect(set.stdout + set.stderr + readFileSync(cli.journal, 'utf8')).not.toContain(password ?? '');
      // The password works: the owner can change it, as the must-change flag asks at first login.
      await ZimbraAccount.changePassword({
        url: cli.mock.url,
        endpoint: 'admin',
        username: address ?? '',
        oldPassword: password ?? '',
        newPassword: 'Cambiata-Ora-1!',
      });
    }

    // delete: refused without the count, refused with a wrong count, done with the right one.
    const remove = file('delete.csv', `address\n${ADDRESSES.join('\n')}\n`);
    const noCount = await cli.run(['import', remove, ...cli.admin, '--operation', 'delete']);
    expect(noCount.code).toBe(2);
    expect(noCount.stderr).toContain('--operation delete needs --confirm-count N');
    const wrong = await cli.run([
      'import',
      remove,
      ...cli.admin,
      '--operation',
      'delete',
      '--confirm-count',
      '2',
    ]);
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toContain('confirmCount');
    expect(await withAdmin(async (admin) => (await admin.accounts.get('op1@bulk.example.com')).name)).toBe(
      'op1@bulk.example.com',
    );
    const deleted = await cli.run([
      'import',
      remove,
      ...cli.admin,
      '--operation',
      'delete',
      '--confirm-count',
      '3',
      '--json',
    ]);
    expect(deleted.code).toBe(0);
    expect(Object.values(kinds(deleted.stdout))).toEqual(['deleted', 'deleted', 'deleted']);
    expect(await withAdmin((admin) => admin.accounts.count({ domain: 'bulk.example.com' }))).toBe(0);
    // Run again: every account is already gone, nothing is written.
    const again = await cli.run([
      'import',
      remove,
      ...cli.admin,
      '--operation',
      'delete',
      '--confirm-count',
      '3',
      '--json',
    ]);
    expect(again.code).toBe(0);
    expect(Object.values(kinds(again.stdout))).toEqual(['absent', 'absent', 'absent']);
  });

  it('refuses --generate-passwords with --operation modify before logging in', async () => {
    const modify = file('gen-modify.csv', 'address,type\nop1@bulk.example.com,Standard\n');
    const run = await cli.run([
      'import',
      modify,
      ...cli.admin,
      '--operation',
      'modify',
      '--generate-passwords',
      '--password-file',
      join(cli.dir, 'never.csv'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--generate-passwords works with --operation create or passwd only.');
  });
});
