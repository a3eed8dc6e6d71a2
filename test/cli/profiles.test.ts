import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliMock } from './run-casella.ts';

const cli = useCliMock();

/** Saves profiles where the TUI's profile store reads them (CASELLA_CONFIG_DIR/config.json). */
function saveProfiles(profiles: Record<string, { url: string; user: string; lang?: string }>): void {
  const dir = join(cli.dir, 'config');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ profiles }), { mode: 0o600 });
}

describe('casella commands with --profile', { timeout: 60_000 }, () => {
  it('connect with a saved profile’s URL and user, and speak its language', async () => {
    saveProfiles({ lab: { url: cli.mock.url, user: 'domainadmin@example.com', lang: 'it' } });
    const run = await cli.run(['domains', 'capacity', 'example.com', '--profile', 'lab']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^TIPO\s+USATE\s+MASSIMO\s+LIBERE$/m);
    const log = await cli.run([
      'accounts',
      'unlock',
      'fabio.rinaldi@example.com',
      '--profile',
      'lab',
      '--json',
    ]);
    expect(log.code).toBe(0);
    expect(JSON.parse(log.stdout).status).toBe('active');
  });

  it('let --url and --user override the profile', async () => {
    saveProfiles({ lab: { url: 'http://127.0.0.1:1', user: 'nobody@example.com' } });
    const run = await cli.run(['cos', 'list', '--profile', 'lab', ...cli.admin]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Professional');
  });

  it('name the saved profiles when the one asked for is missing (exit 2)', async () => {
    saveProfiles({
      lab: { url: cli.mock.url, user: 'admin@example.com' },
      prod: { url: cli.mock.url, user: 'x@y.it' },
    });
    const run = await cli.run(['domains', 'list', '--profile', 'staging']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no profile named staging. Profiles: lab, prod.');
  });
});
