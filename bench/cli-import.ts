// `casella import` of a big CSV through the real command against one mock process, in the same run:
// fault-free with the journal off (the floor), fault-free with the journal on, and under 10% injected
// faults (half before the mock acts, half answers lost after it acted) with every token expired each 5 s.
// Prints wall time, rows/s and the counts that must hold: created = rows, duplicates 0, lost 0, and a
// re-run that writes nothing. Rows: CASELLA_BENCH_ROWS (default 10,000).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pecSeeds, startMockServer, zimbraSeeds } from '@casella/mock-server';
import { ZimbraAdmin } from '@casella/sdk';

const ROWS = Number(process.env.CASELLA_BENCH_ROWS ?? 10_000);
const BIN = fileURLToPath(new URL('../tui/dist/bin.js', import.meta.url));
const PASSWORD = 'Casella-Demo-1!';
const dir = mkdtempSync(join(tmpdir(), 'casella-bench-cli-'));
const file = join(dir, 'mailboxes.csv');
const lines = Array.from(
  { length: ROWS },
  (_, i) => `u${i}@bulk.example.com;Bulk-Pass-42!;Utente;${i};Standard;1GB`,
);
writeFileSync(file, `\uFEFFaddress;password;givenName;sn;type;quota\n${lines.join('\n')}\n`);

const mock = await startMockServer({ seed: { zimbra: zimbraSeeds.bulk(0), pec: pecSeeds.empty() } });

interface Summary {
  counts: Record<string, number>;
  requests: { batches: number; writes: number; readBacks: number };
}

/** Runs `casella import FILE --json`; returns its wall time, the mock's CPU time, exit code and summary line. */
function runImport(
  journal: string,
): Promise<{ ms: number; mockCpuMs: number; code: number | null; summary: Summary | undefined }> {
  const started = performance.now();
  // This process hosts the mock: its CPU time during the run is the server's share.
  const cpu = process.cpuUsage();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [BIN, 'import', file, '--url', mock.url, '--user', 'admin@example.com', '--json'],
      {
        env: { ...process.env, CASELLA_PASSWORD: PASSWORD, CASELLA_JOURNAL: journal },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '{}';
      const summary = (JSON.parse(last) as { summary?: Summary }).summary;
      const used = process.cpuUsage(cpu);
      resolve({
        ms: performance.now() - started,
        mockCpuMs: (used.user + used.system) / 1000,
        code,
        summary,
      });
    });
  });
}

async function accountsInDomain(): Promise<number> {
  const admin = await ZimbraAdmin.login({ url: mock.url, username: 'admin@example.com', password: PASSWORD });
  try {
    return await admin.accounts.count({ domain: 'bulk.example.com' });
  } finally {
    await admin.close();
  }
}

function line(
  label: string,
  r: { ms: number; mockCpuMs: number; code: number | null; summary: Summary | undefined },
  extra = '',
) {
  const rate = Math.round((ROWS / r.ms) * 1000);
  const c = r.summary?.counts ?? {};
  console.log(
    `${label.padEnd(34)} ${(r.ms / 1000).toFixed(1).padStart(6)} s ${String(rate).padStart(6)} rows/s  mock CPU ${(r.mockCpuMs / 1000).toFixed(1)} s  exit ${r.code}  created ${c.created ?? 0}, already ${c.alreadyPresent ?? 0}, conflict ${c.conflict ?? 0}, failed ${c.failed ?? 0}; writes ${r.summary?.requests.writes ?? '?'}, read-backs ${r.summary?.requests.readBacks ?? '?'}${extra}`,
  );
}

try {
  console.log(
    `casella import of ${ROWS} rows, one mock process on loopback; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const floor = await runImport('off');
  line('fault-free, journal off', floor);
  mock.reset();
  const journaled = await runImport(join(dir, 'plain.ndjson'));
  line(
    'fault-free, journal on',
    journaled,
    `  (journal cost ${(((journaled.ms - floor.ms) / floor.ms) * 100).toFixed(0)}%)`,
  );
  mock.reset();
  mock.backend.faults.set({ failureRate: 0.05, failureMode: 'reset', lostAnswerRate: 0.05 });
  const expiry = setInterval(() => mock.backend.expireAllTokens(), 5000);
  const faulty = await runImport(join(dir, 'faulty.ndjson'));
  clearInterval(expiry);
  const stats = mock.backend.faults.stats;
  mock.backend.faults.clear();
  const inDirectory = await accountsInDomain();
  const c = faulty.summary?.counts ?? {};
  line('10% faults + token expiry / 5 s', faulty, `  (${(faulty.ms / journaled.ms).toFixed(2)}x fault-free)`);
  console.log(
    `  injected: ${stats.failed} failed before the mock, ${stats.lostAnswers} answers lost after it acted, of ${stats.requests} requests`,
  );
  console.log(
    `  directory: ${inDirectory} accounts for ${ROWS} rows; duplicates ${c.conflict ?? 0} (must be 0), lost ${ROWS - inDirectory} (must be 0)`,
  );
  const again = await runImport(join(dir, 'faulty.ndjson'));
  line('re-run of the same file', again, `  (must write nothing: writes ${again.summary?.requests.writes})`);
  const ok = inDirectory === ROWS && (c.conflict ?? 0) === 0 && again.summary?.requests.writes === 0;
  console.log(ok ? 'exactly once: yes' : 'EXACTLY-ONCE VIOLATED');
  process.exitCode = ok ? 0 : 1;
} finally {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
}
