import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pecSeeds, zimbraSeeds } from '@casella/mock-server';
import { ZimbraAdmin } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, ndjson, useCliMock } from './run-casella.ts';

// Every answer takes a little while, so a run of small batches is still going when it is interrupted.
const cli = useCliMock({
  seed: { zimbra: zimbraSeeds.bulk(0), pec: pecSeeds.empty() },
  faults: { latencyMs: 40 },
});

const ROWS = 40;

function writeCsv(): string {
  const file = join(cli.dir, 'mailboxes.csv');
  const rows = Array.from(
    { length: ROWS },
    (_, i) => `r${String(i).padStart(2, '0')}@bulk.example.com,Bulk-Pass-42!,Riga,${i},Standard`,
  );
  writeFileSync(file, `address,password,givenName,sn,type\n${rows.join('\n')}\n`);
  return file;
}

/** Every account of bulk.example.com with the attributes an import sets, sorted. */
async function directory(): Promise<string[]> {
  const admin = await ZimbraAdmin.login({
    url: cli.mock.url,
    username: 'admin@example.com',
    password: DEMO_PASSWORD,
  });
  try {
    const out: string[] = [];
    for await (const a of admin.accounts.search({ domain: 'bulk.example.com' }))
      out.push(`${a.name}|${a.givenName}|${a.sn}`);
    return out.sort();
  } finally {
    await admin.close();
  }
}

const expected = Array.from(
  { length: ROWS },
  (_, i) => `r${String(i).padStart(2, '0')}@bulk.example.com|Riga|${i}`,
).sort();

interface Line {
  kind?: string;
  resumed?: boolean;
  summary?: { counts: Record<string, number>; total: number };
}

/** Runs the import with small batches and sends `signal` once a few rows have an outcome. */
async function interrupted(file: string, signal: NodeJS.Signals) {
  let sent = false;
  return cli.run(['import', file, ...cli.admin, '--json', '--batch-size', '2', '--concurrency', '1'], {
    onStdout(stdout, pid) {
      if (!sent && stdout.split('\n').length > 6) {
        sent = true;
        process.kill(pid, signal);
      }
    },
  });
}

describe('an interrupted casella import', { timeout: 120_000 }, () => {
  it('stops cleanly on Ctrl+C (exit 130), and --resume ends with every row created exactly once', async () => {
    const file = writeCsv();
    const first = await interrupted(file, 'SIGINT');
    expect(first.code).toBe(130);
    expect(first.stderr).toContain('Run the same command with --resume to finish.');
    const partial = await directory();
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(ROWS);

    const resumed = await cli.run(['import', file, ...cli.admin, '--json', '--resume']);
    expect(resumed.code).toBe(0);
    const lines = ndjson<Line>(resumed.stdout);
    const outcomes = lines.filter((l) => l.kind !== undefined);
    expect(outcomes).toHaveLength(ROWS);
    expect(outcomes.filter((o) => o.kind === 'conflict' || o.kind === 'failed')).toEqual([]);
    expect(outcomes.filter((o) => o.resumed).length).toBeGreaterThanOrEqual(partial.length - 2);
    expect(await directory()).toEqual(expected);
  });

  it('resumes a run killed outright (SIGKILL) to the same state as an uninterrupted one', async () => {
    const file = writeCsv();
    const first = await interrupted(file, 'SIGKILL');
    expect(first.code).toBeNull();
    expect((await directory()).length).toBeLessThan(ROWS);
    const resumed = await cli.run(['import', file, ...cli.admin, '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/40 rows: /);
    expect(await directory()).toEqual(expected);
    // And the file once more: nothing left to write.
    const again = await cli.run(['import', file, ...cli.admin, '--json']);
    const summary = ndjson<Line>(again.stdout).find((l) => l.summary)?.summary;
    expect(summary?.counts.alreadyPresent).toBe(ROWS);
  });

  it('refuses --resume when the journal is off', async () => {
    const run = await cli.run(['import', writeCsv(), ...cli.admin, '--resume', '--no-journal']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--resume needs the journal');
  });
});
