import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@casella/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, runCasella, useCliMock } from './run-casella.ts';

const cli = useCliMock();
let slow: MockServer;

beforeAll(async () => {
  // Answers take a second, so the command is still running while `ps` looks at it.
  slow = await startMockServer({ seed: 'demo', faults: { latencyMs: 1000 } });
});
afterAll(async () => {
  await slow.close();
});

/** Every process's command line as `ps` shows it to other users. */
function psArgs(): string {
  return execFileSync('ps', ['-ww', '-eo', 'pid,args'], { encoding: 'utf8' });
}

describe('secrets on the command line', { timeout: 60_000 }, () => {
  it('keeps the login and the new password out of ps, stdout, stderr and the journal', async () => {
    const newPassword = 'Segreto-Nuovo-91!';
    const journal = join(cli.dir, 'journal.ndjson');
    const seen: string[] = [];
    let timer: NodeJS.Timeout | undefined;
    const run = await runCasella(
      [
        'accounts',
        'create',
        'riservato@example.com',
        '--url',
        slow.url,
        '--user',
        'admin@example.com',
        '--new-password-stdin',
      ],
      {
        stdin: `${newPassword}\n`,
        env: { CASELLA_PASSWORD: DEMO_PASSWORD, CASELLA_JOURNAL: journal },
        onSpawn(pid) {
          timer = setInterval(() => {
            const line = psArgs()
              .split('\n')
              .find((l) => l.trim().startsWith(`${pid} `));
            if (line) seen.push(line);
          }, 200);
        },
      },
    );
    clearInterval(timer);
    expect(run.code).toBe(0);
    // ps did see the running command, with its real arguments...
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.join('\n')).toContain('accounts create riservato@example.com');
    // ...and neither password anywhere.
    for (const place of [seen.join('\n'), run.stdout, run.stderr, readFileSync(journal, 'utf8')]) {
      expect(place).not.toContain(DEMO_PASSWORD);
      expect(place).not.toContain(newPassword);
    }
  });

  it('reads the login password from the first line of stdin with --password-stdin', async () => {
    const run = await cli.run(['domains', 'list', ...cli.admin, '--password-stdin'], {
      stdin: `${DEMO_PASSWORD}\n`,
      env: { CASELLA_PASSWORD: '' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('example.com');
  });

  it('has no flag that takes a password: --password is an unknown flag (exit 2)', async () => {
    const run = await cli.run(['domains', 'list', ...cli.admin, `--password=${DEMO_PASSWORD}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown option '--password'");
    expect(run.stderr).not.toContain(DEMO_PASSWORD);
  });

  it('says where to put the password when none is given and there is no terminal (exit 2)', async () => {
    const run = await cli.run(['domains', 'list', ...cli.admin], { env: { CASELLA_PASSWORD: '' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no password: set CASELLA_PASSWORD, pipe it with --password-stdin');
  });

  it('writes a generated password only to a new 0600 file, and it is the account’s password', async () => {
    const file = join(cli.dir, 'new.pw');
    const run = await cli.run([
      'accounts',
      'create',
      'generato@example.com',
      ...cli.admin,
      '--type',
      'Standard',
      '--generate',
      '--password-file',
      file,
      '--json',
    ]);
    expect(run.code).toBe(0);
    const password = readFileSync(file, 'utf8').trim();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(run.stdout).passwordFile).toBe(file);
    expect(run.stdout + run.stderr + readFileSync(cli.journal, 'utf8')).not.toContain(password);
    // Standard's policy: upper, lower, digit, punctuation.
    expect(password).toMatch(/[A-Z]/);
    expect(password).toMatch(/[a-z]/);
    expect(password).toMatch(/[0-9]/);
    expect(password).toMatch(/[^A-Za-z0-9]/);
  });

  it('never overwrites an existing password file, and changes nothing then (exit 4)', async () => {
    const file = join(cli.dir, 'old.pw');
    writeFileSync(file, 'earlier secret\n', { mode: 0o600 });
    const run = await cli.run([
      'accounts',
      'passwd',
      'mario.rossi@example.com',
      ...cli.admin,
      '--generate',
      '--password-file',
      file,
    ]);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(`${file} exists; casella never overwrites a password file.`);
    expect(readFileSync(file, 'utf8')).toBe('earlier secret\n');
  });

  it('refuses --generate without --password-file: a generated password is never printed', async () => {
    const run = await cli.run(['accounts', 'passwd', 'mario.rossi@example.com', ...cli.admin, '--generate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--generate needs --password-file FILE');
  });

  it('removes the generated password’s file when the change fails', async () => {
    const file = join(cli.dir, 'failed.pw');
    const run = await cli.run([
      'accounts',
      'create',
      'mario.rossi@example.com',
      ...cli.admin,
      '--generate',
      '--password-file',
      file,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[account.ACCOUNT_EXISTS]');
    expect(() => statSync(file)).toThrow();
  });
});
