import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../tui/src/cli/args.ts';

const BIN = fileURLToPath(new URL('../../tui/dist/bin.js', import.meta.url));

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env, CI: 'false' },
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 20_000,
  });
}

describe('the casella command', () => {
  it('exits 2 with a clear message instead of hanging when there is no terminal', () => {
    const result = run(['--lang', 'en']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('casella needs an interactive terminal; use ssh -t');
  });

  it('says it in Italian with --lang it', () => {
    const result = run(['--lang', 'it']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('casella richiede un terminale interattivo; usa ssh -t');
  });

  it('prints usage with --help and the version with --version', () => {
    const help = run(['--help', '--lang', 'en']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--profile NAME');
    expect(help.stdout).toContain('demo mode');
    expect(help.stdout).toContain('--account-url URL  end-user URL for Change my password');
    const version = run(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('describes --account-url in the Italian usage too', () => {
    const help = run(['--help', '--lang', 'it']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--account-url URL  URL utente per Cambia la mia password');
    expect(help.stdout).toContain('/service/admin/soap');
  });

  it('refuses an unknown flag and a bad --lang with exit 2', () => {
    expect(run(['--bogus']).status).toBe(2);
    const bad = run(['--lang', 'fr']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--lang must be it or en');
  });

  it('parses every flag', () => {
    expect(
      parseCliArgs([
        '--profile',
        'p',
        '--url',
        'https://x:7071',
        '--user',
        'a@x',
        '--ca',
        'ca.pem',
        '--pec-url',
        'https://x/pec',
        '--account-url',
        'https://x',
        '--lang',
        'it',
      ]),
    ).toEqual({
      profile: 'p',
      url: 'https://x:7071',
      user: 'a@x',
      ca: 'ca.pem',
      pecUrl: 'https://x/pec',
      accountUrl: 'https://x',
      lang: 'it',
      demo: false,
      help: false,
      version: false,
    });
  });
});
