import { describe, expect, it } from 'vitest';
import { ndjson, useCliMock } from './run-casella.ts';

const cli = useCliMock();

interface Capacity {
  domain: string;
  status: string;
  types: { cos: { name: string }; used: number; max: number | null; free: number | null }[];
  total: { used: number; max: number | null; free: number | null };
}

describe('casella domains, quota and cos', { timeout: 60_000 }, () => {
  it('lists the domains with status and overall limit, as NDJSON with --json', async () => {
    const run = await cli.run(['domains', 'list', ...cli.admin, '--json']);
    expect(run.code).toBe(0);
    const domains = ndjson<{ name: string; status: string; maxAccounts: number | null }>(run.stdout);
    expect(domains.map((d) => [d.name, d.status, d.maxAccounts])).toEqual([
      ['example.com', 'active', 60],
      ['oldshop.it', 'suspended', null],
    ]);
  });

  it('shows one domain', async () => {
    const run = await cli.run(['domains', 'get', 'oldshop.it', ...cli.admin]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^DOMAIN:\s+oldshop\.it$/m);
    expect(run.stdout).toMatch(/^STATUS:\s+suspended$/m);
  });

  it('shows the slots per type as the panel does: used, max and free, and the total', async () => {
    const run = await cli.run(['domains', 'capacity', 'example.com', ...cli.admin, '--json']);
    expect(run.code).toBe(0);
    const cap = JSON.parse(run.stdout) as Capacity;
    const pro = cap.types.find((t) => t.cos.name === 'Professional');
    expect(pro).toMatchObject({ used: 10, max: 10, free: 0 });
    expect(cap.total).toEqual({ used: 40, max: 60, free: 20 });
    const table = await cli.run(['domains', 'capacity', 'example.com', ...cli.admin]);
    expect(table.stdout).toMatch(/^Professional\s+10\s+10\s+0$/m);
    expect(table.stdout).toMatch(/^total\s+40\s+60\s+20$/m);
  });

  it('raises the Professional limit with set-limit, and the new free slots show at once', async () => {
    const run = await cli.run([
      'domains',
      'set-limit',
      'example.com',
      ...cli.admin,
      '--type',
      'Professional',
      '--max',
      '15',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const cap = JSON.parse(run.stdout) as Capacity;
    expect(cap.types.find((t) => t.cos.name === 'Professional')).toMatchObject({
      used: 10,
      max: 15,
      free: 5,
    });
    expect(cap.types.find((t) => t.cos.name === 'Standard')).toMatchObject({ max: 40 });
  });

  it('refuses set-limit without --max as a usage error (exit 2)', async () => {
    const run = await cli.run([
      'domains',
      'set-limit',
      'example.com',
      ...cli.admin,
      '--type',
      'Professional',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--max is required. Try casella domains set-limit --help.');
  });

  it('lists quota usage of a domain, fullest first with --sort percent, cut by --limit', async () => {
    const run = await cli.run([
      'quota',
      ...cli.admin,
      '--domain',
      'example.com',
      '--sort',
      'percent',
      '--limit',
      '5',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const rows = ndjson<{
      address: string;
      usedBytes: number;
      limitBytes: number;
      percentUsed: number | null;
    }>(run.stdout);
    expect(rows).toHaveLength(5);
    const percents = rows.map((r) => r.percentUsed ?? 0);
    expect([...percents].sort((a, b) => b - a)).toEqual(percents);
    for (const r of rows) expect(r.address).toMatch(/@example\.com$/);
  });

  it('refuses an unknown --sort value, naming the choices', async () => {
    const run = await cli.run(['quota', ...cli.admin, '--sort', 'size']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--sort must be one of percent, used, limit, not size.');
  });

  it('lists the mailbox types', async () => {
    const run = await cli.run(['cos', 'list', ...cli.admin, '--json']);
    expect(run.code).toBe(0);
    const types = ndjson<{ name: string; isDefault: boolean; quotaBytes: number | null }>(run.stdout);
    expect(types.map((t) => t.name).sort()).toEqual(['Professional', 'Standard', 'default']);
    expect(types.find((t) => t.name === 'Professional')?.quotaBytes).toBe(50 * 1024 ** 3);
    expect(types.find((t) => t.name === 'default')?.isDefault).toBe(true);
  });
});
