import { type MockServer, startMockServer } from '@casella/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCliMock } from './run-casella.ts';

const cli = useCliMock();
let broken: MockServer;

beforeAll(async () => {
  broken = await startMockServer({ seed: 'demo', faults: { failureRate: 1, failureMode: 'reset' } });
});
afterAll(async () => {
  await broken.close();
});

describe('exit codes and error messages', { timeout: 60_000 }, () => {
  it('prints the overview with casella help and each group’s verbs with --help (exit 0)', async () => {
    const help = await cli.run(['help']);
    expect(help.code).toBe(0);
    for (const group of ['accounts', 'domains', 'quota', 'cos', 'export', 'pec', 'log', 'completion']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${group}\\s`, 'm'));
    }
    expect(help.stdout).toMatch(/^ {2}5\s+login failed$/m);
    const group = await cli.run(['pec', '--help']);
    expect(group.code).toBe(0);
    expect(group.stdout).toContain('casella pec mailboxes delete MAILBOX');
    const verb = await cli.run(['accounts', 'create', '--help']);
    expect(verb.code).toBe(0);
    expect(verb.stdout).toContain('Usage: casella accounts create ADDRESS [flags]');
    expect(verb.stdout).toMatch(/--new-password-stdin\s+read the new password from the next line of stdin/);
  });

  it('exits 2 for an unknown verb, an unknown flag, a missing or an extra argument', async () => {
    const verb = await cli.run(['accounts', 'frobnicate']);
    expect(verb.code).toBe(2);
    expect(verb.stderr).toBe(
      'casella: unknown command frobnicate after "accounts". Try casella accounts --help.\n',
    );
    const flag = await cli.run(['accounts', 'list', '--colour']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--colour'");
    const missing = await cli.run(['accounts', 'get', ...cli.admin]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing ADDRESS.');
    const extra = await cli.run(['accounts', 'get', 'a@example.com', 'b@example.com', ...cli.admin]);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('unexpected argument b@example.com.');
  });

  it('exits 5 when the login is refused, with the backend’s code', async () => {
    const run = await cli.run(['domains', 'list', ...cli.admin], {
      env: { CASELLA_PASSWORD: 'Wrong-Pass-1!' },
    });
    expect(run.code).toBe(5);
    expect(run.stderr).toContain(`login to ${cli.mock.url} failed: wrong user or password`);
    expect(run.stderr).toContain('[account.AUTH_FAILED]');
  });

  it('exits 6 when the server cannot be reached', async () => {
    const run = await cli.run([
      'domains',
      'list',
      '--url',
      broken.url,
      '--user',
      'admin@example.com',
      '--json',
    ]);
    expect(run.code).toBe(6);
    const { error } = JSON.parse(run.stderr) as { error: { code: string; exit: number } };
    expect(error).toMatchObject({ code: 'TRANSPORT', exit: 6 });
  });

  it('exits 1 for a backend refusal and 4 for input refused before the wire', async () => {
    const missing = await cli.run(['accounts', 'get', 'nobody@example.com', ...cli.admin]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such mailbox: .*\[account\.NO_SUCH_ACCOUNT\]/);
    const bad = await cli.run(['accounts', 'get', 'not an address', ...cli.admin, '--json']);
    expect(bad.code).toBe(4);
    expect(JSON.parse(bad.stderr).error).toMatchObject({
      code: 'VALIDATION',
      field: 'ref',
      rule: 'accountRef',
    });
  });

  it('speaks Italian with --lang it, keeping the backend’s code', async () => {
    const missing = await cli.run(['accounts', 'get', 'nobody@example.com', ...cli.admin, '--lang', 'it']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^casella: casella inesistente: .*\[account\.NO_SUCH_ACCOUNT\]\n$/);
    const usage = await cli.run(['accounts', 'frobnicate'], { env: { LANG: 'it_IT.UTF-8' } });
    expect(usage.stderr).toBe(
      'casella: comando sconosciuto frobnicate dopo "accounts". Prova casella accounts --help.\n',
    );
  });
});
