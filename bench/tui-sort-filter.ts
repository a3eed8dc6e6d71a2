// Benchmark of sorting and filtering the Mailboxes table of a 100,000-mailbox domain. Prints figures;
// asserts nothing.
//   node --import tsx bench/tui-sort-filter.ts
//
// The App is rendered with Ink's own `render` (throttled output, as in production) into a fake 80×24
// TTY; keys are written to a fake stdin. For each key it prints
//   - key → next frame: how soon the UI answers the key (the goal: ≤ 30 ms median), and
//   - key → first row of the new order/filter on screen: the server round trip included, since sorting
//     and filtering go to the server (SearchDirectory sortBy/sortAscending and an LDAP filter; quota use
//     through GetQuotaUsage sortBy="percentUsed", its threshold filter counted by one-row reads).
// The peer in the same run: sorting a client-side copy of the 100,000 rows, which the UI never makes.

delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
process.env.FORCE_COLOR = '2';
process.env.NODE_ENV ??= 'production';

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FakeStdin, FakeStdout, fmt, percentile, sleep, until } from './support/tui-terminal.ts';

const BULK = 100_000;
const ROUNDS = 10;
/** Longer than Ink's 33 ms render throttle, so each key gets its own leading-edge render. */
const GAP_MS = 45;

const stats = (values: readonly number[]) =>
  `median ${fmt(percentile(values, 50), 2)} ms, p95 ${fmt(percentile(values, 95), 2)} ms (n=${values.length})`;

/** The selected row's address, once the row is loaded (not the `…` placeholder). */
function selectedAddress(frame: string): string | null {
  const line = frame.split('\n').find((l) => l.startsWith('> '));
  return /^> (\S+@\S+)/.exec(line ?? '')?.[1] ?? null;
}

/**
 * Child mode: the mock with the bulk seed in its own process, as a real server is (its work never blocks
 * the UI's event loop); prints its URL and runs until killed.
 */
async function serveMock(): Promise<void> {
  const mock = await import('@casella/mock-server');
  const server = await mock.startMockServer({
    seed: { zimbra: mock.zimbraSeeds.bulk(BULK), pec: mock.pecSeeds.demo() },
  });
  console.log(`MOCK ${server.url}`);
}

/** Starts {@link serveMock} in a child process and resolves with its URL and a stop function. */
function startMockProcess(): Promise<{ url: string; stop: () => void }> {
  const script = new URL(import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--serve-mock'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const url = /MOCK (\S+)/.exec(out)?.[1];
      if (url) resolve({ url, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`the mock process ended (${code})`)));
  });
}

async function main(): Promise<void> {
  const [{ render }, { createElement }, { App }, { connectSession }, profileStore, mock] = await Promise.all([
    import('ink'),
    import('react'),
    import('../tui/src/app.tsx'),
    import('../tui/src/services/connect.ts'),
    import('../tui/src/services/profile-store.ts'),
    import('@casella/mock-server'),
  ]);
  console.log(`TUI sort and filter benchmark (node ${process.version}, ${fmt(BULK, 0)} mailboxes, 80×24)`);
  console.log('(the mock runs in a process of its own, as a server would)\n');
  const seeded = performance.now();
  const mockProcess = await startMockProcess();
  console.log(`  mock seeded and listening in ${fmt(performance.now() - seeded, 0)} ms`);
  const server = { url: mockProcess.url, close: async () => mockProcess.stop() };
  const configDir = mkdtempSync(join(tmpdir(), 'casella-bench-'));
  const session = await connectSession({
    url: server.url,
    user: 'admin@example.com',
    password: mock.DEMO_PASSWORD,
    pecUrl: `${server.url}/pec`,
    profiles: profileStore.createProfileStore(configDir),
    demo: true,
  });
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  const app = render(createElement(App, { session, lang: 'en' }), {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  try {
    await until(stdout, (f) => f.includes('> Domains'));
    stdin.write('\r');
    await until(stdout, (f) => f.includes('bulk.example.com'));
    stdin.write('\r');
    await until(stdout, (f) => f.includes('Mail service:'));
    stdin.write('\r');
    await until(stdout, (f) => f.includes(`(${BULK} of ${BULK})`) && selectedAddress(f) !== null);
    await sleep(200);

    /** Presses `key`; returns key → next write, and key → the selected row changed and loaded. */
    const press = async (key: string, changed: (frame: string, before: string | null) => boolean) => {
      const before = selectedAddress(stdout.lastFrame());
      const written = stdout.nextWrite();
      const pressed = performance.now();
      stdin.write(key);
      const frame = (await written) - pressed;
      const row = (await until(stdout, (f) => changed(f, before))) - pressed;
      await sleep(GAP_MS);
      return { frame, row };
    };
    const measure = async (
      label: string,
      keys: readonly string[],
      changed: (f: string, b: string | null) => boolean,
    ) => {
      const frames: number[] = [];
      const rows: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        for (const key of keys) {
          const r = await press(key, changed);
          frames.push(r.frame);
          rows.push(r.row);
        }
      }
      console.log(`  ${label}`);
      console.log(`    key → next frame:              ${stats(frames)}`);
      console.log(`    key → first row of the result: ${stats(rows)}`);
    };
    // A result is on screen when the header shows the order asked for and the rows are loaded.
    const settled = (f: string) => selectedAddress(f) !== null && !f.includes('Working…');
    let descending = false;
    const addressOrder = () => {
      descending = !descending;
      return (f: string) => settled(f) && f.includes('Address ▼') === descending && !f.includes('Name ▲');
    };
    // A reverses the address order each time, on the server.
    {
      const frames: number[] = [];
      const rows: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const ready = addressOrder();
        const r = await press('A', (f) => ready(f));
        frames.push(r.frame);
        rows.push(r.row);
      }
      console.log('  sort: A (address, reversed each time)');
      console.log(`    key → next frame:              ${stats(frames)}`);
      console.log(`    key → first row of the result: ${stats(rows)}`);
    }
    // N sorts by name (displayName on the server), A goes back to the address order.
    {
      const frames: number[] = [];
      const rows: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const byName = await press('N', (f) => settled(f) && f.includes('Name ▲'));
        // From another column, A starts ascending.
        const back = await press('A', (f) => settled(f) && !f.includes('▼') && !f.includes('▲'));
        frames.push(byName.frame, back.frame);
        rows.push(byName.row, back.row);
      }
      console.log('  sort: N then A (name, then address again)');
      console.log(`    key → next frame:              ${stats(frames)}`);
      console.log(`    key → first row of the result: ${stats(rows)}`);
    }
    // U sorts by quota use (GetQuotaUsage percentUsed, fullest first), r reverses it, A goes back.
    {
      const frames: number[] = [];
      const rows: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const byUse = await press('U', (f) => settled(f) && f.includes('Quota ▼'));
        const reversed = await press('r', (f) => settled(f) && f.includes('Quota ▲'));
        const back = await press('A', (f) => settled(f) && !f.includes('▼') && !f.includes('▲'));
        frames.push(byUse.frame, reversed.frame, back.frame);
        rows.push(byUse.row, reversed.row, back.row);
      }
      console.log('  sort: U, r, A (quota use fullest first, reversed, address again)');
      console.log(`    key → next frame:              ${stats(frames)}`);
      console.log(`    key → first row of the result: ${stats(rows)}`);
    }
    // u cycles the quota filter: ≥ 50 %, ≥ 80 %, ≥ 90 %, all (each count found by one-row reads).
    await measure(
      'filter: u (quota ≥ 50 % → 80 % → 90 % → all)',
      ['u', 'u', 'u', 'u'],
      (f) => /\d+\/\d+|\(0 of/.test(f) && !f.includes('Working…'),
    );
    // t cycles the type filter through the domain's types (an LDAP zimbraCOSId clause).
    await measure(
      'filter: t (each type → all)',
      ['t', 't', 't', 't'],
      (f) => /\d+\/\d+|\(0 of/.test(f) && !f.includes('Working…'),
    );
    // f cycles the status filter: active, locked (none in the bulk seed: an empty table), closed, all.
    await measure(
      'filter: f (status: active → locked → closed → all)',
      ['f', 'f', 'f', 'f'],
      (f) => /\d+\/\d+|\(0 of/.test(f) && !f.includes('Working…'),
    );
    // Typing a text filter: the query goes to the server 150 ms after the last key.
    const frames: number[] = [];
    const rows: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      stdin.write('/');
      await sleep(GAP_MS);
      const text = `user${String(i * 7919 + 1).padStart(6, '0')}`;
      const started = performance.now();
      for (const ch of text) {
        const written = stdout.nextWrite();
        const pressed = performance.now();
        stdin.write(ch);
        frames.push((await written) - pressed);
        await sleep(5);
      }
      stdin.write('\r');
      rows.push((await until(stdout, (f) => (selectedAddress(f) ?? '').includes(text))) - started);
      stdin.write('\u001B');
      await until(stdout, (f) => !f.includes('/user'));
      await sleep(GAP_MS);
    }
    console.log('  filter: typing "/userNNNNNN" (10 keys, one mailbox matches)');
    console.log(`    key → next frame:                           ${stats(frames)}`);
    console.log(`    first key → first matching row (debounced): ${stats(rows)}`);

    // The peer: what sorting a client-side copy would cost (rows as the table holds them).
    const copy = Array.from({ length: BULK }, (_, i) => ({
      address: `user${i}@bulk.example.com`,
      name: `User ${(i * 7919) % BULK}`,
    }));
    const sorts: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      [...copy].sort((a, b) => (i % 2 ? a.address.localeCompare(b.address) : a.name.localeCompare(b.name)));
      sorts.push(performance.now() - t0);
    }
    console.log(
      `  peer: sorting a client-side copy of ${fmt(BULK, 0)} rows (never done by the UI): ${stats(sorts)}`,
    );
  } finally {
    app.unmount();
    await session.close();
    await server.close();
    rmSync(configDir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--serve-mock')) await serveMock();
else await main();
