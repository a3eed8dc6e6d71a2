import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pecSeeds, zimbraSeeds } from '@casella/mock-server';
import { ZimbraAccount, ZimbraAdmin } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, ndjson, useCliMock } from './run-casella.ts';

// The demo directory plus bulk.example.com, a domain without mailbox limits.
const cli = useCliMock({ seed: { zimbra: zimbraSeeds.bulk(0), pec: pecSeeds.empty() } });

const PASSWORD = 'Bulk-Pass-42!';

interface Outcome {
  line: number;
  address: string;
  kind: string;
  code?: string;
  resumed: boolean;
}
interface Summary {
  summary: { total: number; counts: Record<string, number>; requests: { writes: number } };
}

/** A CSV of `n` Standard mailboxes in bulk.example.com, `;`-separated with a BOM, as Italian spreadsheets save it. */
function csvOf(n: number, first = 1): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const k = String(first + i).padStart(3, '0');
    return `utente${k}@bulk.example.com;${PASSWORD};Utente;Numero ${k};Standard;1GB`;
  });
  return `\uFEFFaddress;password;givenName;sn;type;quota\r\n${rows.join('\r\n')}\r\n`;
}

async function addresses(domain: string): Promise<string[]> {
  const admin = await ZimbraAdmin.login({
    url: cli.mock.url,
    username: 'admin@example.com',
    password: DEMO_PASSWORD,
  });
  try {
    const out: string[] = [];
    for await (const a of admin.accounts.search({ domain })) out.push(a.name);
    return out.sort();
  } finally {
    await admin.close();
  }
}

function split(stdout: string): { outcomes: Outcome[]; summary: Summary['summary'] } {
  const lines = ndjson<Outcome | Summary>(stdout);
  const summary = lines.find((l): l is Summary => 'summary' in l);
  if (!summary) throw new Error(`no summary line in:\n${stdout}`);
  return { outcomes: lines.filter((l): l is Outcome => !('summary' in l)), summary: summary.summary };
}

describe('casella import', { timeout: 120_000 }, () => {
  it('creates every row of a ;-separated CSV with a BOM given only --url, --user and CASELLA_PASSWORD', async () => {
    const file = join(cli.dir, 'new.csv');
    writeFileSync(file, csvOf(5));
    const run = await cli.run(['import', file, '--url', cli.mock.url, '--user', 'admin@example.com']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${file}: 5 rows: 5 created.\n`);
    expect(await addresses('bulk.example.com')).toEqual(
      ['001', '002', '003', '004', '005'].map((k) => `utente${k}@bulk.example.com`),
    );
    const get = await cli.run(['accounts', 'get', 'utente003@bulk.example.com', ...cli.admin, '--json']);
    expect(JSON.parse(get.stdout)).toMatchObject({
      givenName: 'Utente',
      sn: 'Numero 003',
      type: 'Standard',
      quotaBytes: 1024 ** 3,
    });
    await ZimbraAccount.changePassword({
      url: cli.mock.url,
      endpoint: 'admin',
      username: 'utente003@bulk.example.com',
      oldPassword: PASSWORD,
      newPassword: 'Cambiata-Ora-1!',
    });
  });

  it('writes nothing on a second run of the same file: every row already present, no intent journaled', async () => {
    const file = join(cli.dir, 'again.csv');
    writeFileSync(file, csvOf(4));
    expect((await cli.run(['import', file, ...cli.admin])).code).toBe(0);
    const before = ndjson<{ outcome: string }>(readFileSync(cli.journal, 'utf8'));
    const again = await cli.run(['import', file, ...cli.admin, '--json']);
    expect(again.code).toBe(0);
    const { outcomes, summary } = split(again.stdout);
    expect(outcomes.map((o) => o.kind)).toEqual([
      'alreadyPresent',
      'alreadyPresent',
      'alreadyPresent',
      'alreadyPresent',
    ]);
    expect(summary.requests.writes).toBe(0);
    const added = ndjson<{ outcome: string }>(readFileSync(cli.journal, 'utf8')).slice(before.length);
    expect(added.filter((e) => e.outcome === 'pending')).toEqual([]);
  });

  it('journals every row (intent, then outcome) with the admin and server, and never a password', async () => {
    const file = join(cli.dir, 'journaled.csv');
    writeFileSync(file, csvOf(3));
    expect((await cli.run(['import', file, ...cli.admin])).code).toBe(0);
    const text = readFileSync(cli.journal, 'utf8');
    expect(text).not.toContain(PASSWORD);
    const entries = ndjson<{
      operation: string;
      outcome: string;
      target: string;
      admin: string;
      server: string;
    }>(text);
    expect(
      entries
        .filter((e) => e.outcome === 'pending')
        .map((e) => e.target)
        .sort(),
    ).toEqual(['001', '002', '003'].map((k) => `utente${k}@bulk.example.com`));
    expect(entries.filter((e) => e.outcome === 'ok')).toHaveLength(3);
    for (const e of entries) {
      expect(e).toMatchObject({
        operation: 'import.create',
        admin: 'admin@example.com',
        server: new URL(cli.mock.url).host,
      });
    }
    const log = await cli.run(['log', '--operation', 'import.', '--json']);
    expect(ndjson(log.stdout)).toHaveLength(6);
  });

  it('refuses a file that needs more Professional slots than are free, with the numbers, and writes nothing', async () => {
    const file = join(cli.dir, 'pro.csv');
    const rows = Array.from({ length: 50 }, (_, i) => `pro${i}@example.com,${PASSWORD},Professional`);
    writeFileSync(file, `address,password,type\n${rows.join('\n')}\n`);
    const run = await cli.run(['import', file, ...cli.admin, '--json']);
    expect(run.code).toBe(4);
    const { error } = JSON.parse(run.stderr) as { error: { code: string; capacity: unknown[] } };
    expect(error.code).toBe('BULK_REFUSED');
    // Both limits apply: the type's (10 of 10 used) and the domain's overall one (40 of 60 used).
    expect(error.capacity).toHaveLength(2);
    expect(error.capacity).toEqual(
      expect.arrayContaining([
        { domain: 'example.com', type: 'Professional', needed: 50, free: 0, used: 10, max: 10 },
        { domain: 'example.com', needed: 50, free: 20, used: 40, max: 60 },
      ]),
    );
    const human = await cli.run(['import', file, ...cli.admin]);
    expect(human.stderr).toContain('example.com: 50 Professional mailboxes needed, 0 free (10 used of 10).');
    expect((await addresses('example.com')).filter((a) => a.startsWith('pro'))).toEqual([]);
  });

  it('refuses a bad row naming its line and column, and creates none of the others', async () => {
    const file = join(cli.dir, 'bad.csv');
    writeFileSync(file, `${csvOf(2)}utente099@bulk.example.com;${PASSWORD};A;B;Standard;lots\r\n`);
    const run = await cli.run(['import', file, ...cli.admin, '--lang', 'it']);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/riga 4, colonna quota: /);
    expect(await addresses('bulk.example.com')).toEqual([]);
  });

  it('with --skip-invalid creates the good rows, reports the bad one, and exits 3 (partly done)', async () => {
    const file = join(cli.dir, 'skip.csv');
    writeFileSync(file, `${csvOf(2)}utente099@bulk.example.com;${PASSWORD};A;B;Standard;lots\r\n`);
    const report = join(cli.dir, 'report.ndjson');
    const run = await cli.run(['import', file, ...cli.admin, '--skip-invalid', '--report', report]);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('line 4: utente099@bulk.example.com: refused');
    const rows = ndjson<Outcome>(readFileSync(report, 'utf8'));
    expect(rows.map((r) => [r.line, r.kind])).toEqual(
      expect.arrayContaining([
        [2, 'created'],
        [3, 'created'],
        [4, 'refused'],
      ]),
    );
    expect(statSync(report).mode & 0o777).toBe(0o600);
  });

  it('reports an existing mailbox that differs from its row as a conflict and leaves it untouched', async () => {
    const file = join(cli.dir, 'conflict.csv');
    writeFileSync(
      file,
      `address,password,givenName,sn,type\nmario.rossi@example.com,${PASSWORD},Marco,Bianchi,Standard\n`,
    );
    const run = await cli.run(['import', file, ...cli.admin, '--json']);
    expect(run.code).toBe(1);
    expect(split(run.stdout).outcomes).toMatchObject([
      { address: 'mario.rossi@example.com', kind: 'conflict' },
    ]);
    const get = await cli.run(['accounts', 'get', 'mario.rossi@example.com', ...cli.admin, '--json']);
    expect(JSON.parse(get.stdout)).toMatchObject({ givenName: 'Mario', sn: 'Rossi' });
  });

  it('shows the dry run’s verdict per row and changes nothing', async () => {
    const file = join(cli.dir, 'dry.ndjson');
    writeFileSync(
      file,
      [
        { address: 'nuova@bulk.example.com', password: PASSWORD, type: 'Standard' },
        {
          address: 'mario.rossi@example.com',
          password: PASSWORD,
          givenName: 'Mario',
          sn: 'Rossi',
          type: 'Standard',
        },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const run = await cli.run(['import', file, ...cli.admin, '--dry-run', '--json']);
    expect(run.code).toBe(0);
    const lines = ndjson<{ address?: string; verdict?: string; summary?: { writes: number } }>(run.stdout);
    expect(lines.slice(0, 2).map((l) => [l.address, l.verdict])).toEqual([
      ['nuova@bulk.example.com', 'write'],
      ['mario.rossi@example.com', 'alreadyPresent'],
    ]);
    expect(lines[2]?.summary?.writes).toBe(1);
    expect(await addresses('bulk.example.com')).toEqual([]);
  });

  it('generates passwords for rows without one into a 0600 file, never to stdout or the journal', async () => {
    const file = join(cli.dir, 'nopw.csv');
    writeFileSync(
      file,
      'address,givenName,sn,type\ngen1@bulk.example.com,Gen,Uno,Standard\ngen2@bulk.example.com,Gen,Due,Standard\n',
    );
    const passwords = join(cli.dir, 'passwords.csv');
    const run = await cli.run([
      'import',
      file,
      ...cli.admin,
      '--generate-passwords',
      '--password-file',
      passwords,
    ]);
    expect(run.code).toBe(0);
    expect(statSync(passwords).mode & 0o777).toBe(0o600);
    const pairs = readFileSync(passwords, 'utf8')
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(pairs.map(([a]) => a).sort()).toEqual(['gen1@bulk.example.com', 'gen2@bulk.example.com']);
    for (const [address, password] of pairs) {
      expect(run.stdout + run.stderr + readFileSync(cli.journal, 'utf8')).not.toContain(password ?? '');
      await ZimbraAccount.changePassword({
        url: cli.mock.url,
        endpoint: 'admin',
        username: address ?? '',
        oldPassword: password ?? '',
        newPassword: 'Cambiata-Ora-1!',
      });
    }
  });
});
