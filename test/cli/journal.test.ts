import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ndjson, useCliMock } from './run-casella.ts';

const cli = useCliMock();

const KEYS = ['admin', 'code', 'detail', 'operation', 'outcome', 'server', 'target', 'time'];

function journalOf(path: string): Record<string, unknown>[] {
  return existsSync(path) ? ndjson(readFileSync(path, 'utf8')) : [];
}

describe('the audit journal', { timeout: 60_000 }, () => {
  it('records each change with time, server, admin, operation, target, outcome and the backend code', async () => {
    const created = await cli.run(
      ['accounts', 'create', 'nuovo@example.com', ...cli.admin, '--new-password-stdin'],
      {
        stdin: 'Nuovo-Utente-1!\n',
      },
    );
    expect(created.code).toBe(0);
    const refused = await cli.run(
      ['accounts', 'create', 'nuovo@example.com', ...cli.admin, '--new-password-stdin'],
      {
        stdin: 'Nuovo-Utente-1!\n',
      },
    );
    expect(refused.code).toBe(1);
    const entries = journalOf(cli.journal);
    expect(entries).toHaveLength(2);
    const host = new URL(cli.mock.url).host;
    expect(entries[0]).toMatchObject({
      server: host,
      admin: 'admin@example.com',
      operation: 'accounts.create',
      target: 'nuovo@example.com',
      outcome: 'ok',
    });
    expect(entries[1]).toMatchObject({ outcome: 'failed', code: 'account.ACCOUNT_EXISTS' });
    for (const e of entries) {
      expect(Date.parse(String(e.time))).not.toBeNaN();
      for (const key of Object.keys(e)) expect(KEYS).toContain(key);
    }
    expect(statSync(cli.journal).mode & 0o777).toBe(0o600);
  });

  it('records nothing for reads', async () => {
    await cli.run(['accounts', 'list', ...cli.admin, '--domain', 'oldshop.it']);
    await cli.run(['domains', 'capacity', 'example.com', ...cli.admin]);
    expect(journalOf(cli.journal)).toEqual([]);
  });

  it('is off with CASELLA_JOURNAL=off and with --no-journal', async () => {
    const off = await cli.run(['accounts', 'unlock', 'fabio.rinaldi@example.com', ...cli.admin], {
      env: { CASELLA_JOURNAL: 'off' },
    });
    expect(off.code).toBe(0);
    const flag = await cli.run([
      'accounts',
      'lock',
      'fabio.rinaldi@example.com',
      ...cli.admin,
      '--yes',
      '--no-journal',
    ]);
    expect(flag.code).toBe(0);
    expect(existsSync(cli.journal)).toBe(false);
    const log = await cli.run(['log'], { env: { CASELLA_JOURNAL: 'off' } });
    expect(log.code).toBe(0);
    expect(log.stderr).toContain('the journal is off');
  });

  it('lives in $XDG_STATE_HOME/casella/journal.ndjson, else ~/.local/state/casella/journal.ndjson', async () => {
    const xdg = join(cli.dir, 'state');
    await cli.run(['accounts', 'unlock', 'fabio.rinaldi@example.com', ...cli.admin], {
      env: { CASELLA_JOURNAL: '', XDG_STATE_HOME: xdg },
    });
    const inXdg = join(xdg, 'casella', 'journal.ndjson');
    expect(journalOf(inXdg)).toHaveLength(1);
    expect(statSync(join(xdg, 'casella')).mode & 0o777).toBe(0o700);
    const home = join(cli.dir, 'home');
    await cli.run(['accounts', 'unlock', 'fabio.rinaldi@example.com', ...cli.admin], {
      env: { CASELLA_JOURNAL: '', XDG_STATE_HOME: '', HOME: home },
    });
    expect(journalOf(join(home, '.local', 'state', 'casella', 'journal.ndjson'))).toHaveLength(1);
  });

  it('is read back by casella log, filtered by --since, --operation and --limit', async () => {
    const lines = [
      { time: '2026-11-01T08:00:00.000Z', operation: 'accounts.create', target: 'a@example.com' },
      { time: '2026-11-20T08:00:00.000Z', operation: 'accounts.delete', target: 'b@example.com' },
      { time: '2026-11-25T08:00:00.000Z', operation: 'pec.mailboxes.reset', target: 'c@pec.example.it' },
      { time: '2026-11-28T08:00:00.000Z', operation: 'accounts.lock', target: 'd@example.com' },
    ].map((l) =>
      JSON.stringify({ ...l, server: 'mail.example.com:7071', admin: 'admin@example.com', outcome: 'ok' }),
    );
    // A line torn by a crash is skipped, not fatal.
    writeFileSync(cli.journal, `${lines.join('\n')}\n{"time":"2026-11-29T`, { mode: 0o600 });
    const since = await cli.run(['log', '--since', '2026-11-15', '--json']);
    expect(since.code).toBe(0);
    expect(ndjson<{ target: string }>(since.stdout).map((e) => e.target)).toEqual([
      'b@example.com',
      'c@pec.example.it',
      'd@example.com',
    ]);
    const accounts = await cli.run(['log', '--operation', 'accounts.', '--limit', '2', '--json']);
    expect(ndjson<{ target: string }>(accounts.stdout).map((e) => e.target)).toEqual([
      'b@example.com',
      'd@example.com',
    ]);
    const table = await cli.run(['log', '--limit', '1', '--lang', 'it']);
    expect(table.stdout).toMatch(/^ORA\s+AMMINISTRATORE\s+OPERAZIONE\s+OGGETTO\s+ESITO\s+CODICE$/m);
    expect(table.stdout).toMatch(
      /2026-11-28T08:00:00\.000Z\s+admin@example\.com\s+accounts\.lock\s+d@example\.com\s+riuscita/,
    );
  });

  it('warns on stderr when the journal cannot be written, and still reports the change as done', async () => {
    // A directory that cannot be made: its parent is a plain file.
    const notDir = join(cli.dir, 'plain-file');
    writeFileSync(notDir, '');
    const run = await cli.run(['accounts', 'unlock', 'fabio.rinaldi@example.com', ...cli.admin], {
      env: { CASELLA_JOURNAL: join(notDir, 'journal.ndjson') },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Unlocked fabio.rinaldi@example.com.\n');
    expect(run.stderr).toMatch(
      /^casella: warning: the change was not written to the journal .*: E[A-Z]+\.\n$/,
    );
  });

  it('refuses a --since it cannot read (exit 2)', async () => {
    const run = await cli.run(['log', '--since', 'yesterday-ish']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--since must be 30m, 12h, 7d or a date, not yesterday-ish.');
  });
});
