// Benchmark of the terminal UI. Prints figures; asserts nothing.
//   node --import tsx bench/tui-render.ts
//
// (a) Time to the first frame of the real `casella` command in demo mode, in a real terminal (tmux):
//     from spawning the pane to the Home screen being on it. A pty-less spawn would not do: without a
//     TTY casella refuses to start. Also: the bare process start (`--version`, which loads the whole
//     module graph and exits) and the in-process part (demo mock + login, then Ink's first frame).
// (b) Keypress-to-frame time on the Mailboxes screen of a 100,000-mailbox domain, in-process: the
//     App rendered with Ink's own `render` (throttled output, as in production) into a fake TTY
//     stdout of 80×24; each key is written to a fake stdin and timed to the next write on stdout.

// Ink renders only the last frame when CI is set (is-in-ci is read when ink loads): clear it first.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
// Frames as a 256-colour terminal gets them (the bytes per frame include the colour codes).
process.env.FORCE_COLOR = '2';
// As the `casella` command does (tui/src/bin.tsx), before React is loaded.
process.env.NODE_ENV ??= 'production';

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { RenderOptions } from 'ink';
import type { OpenSession } from '../tui/src/services/connect.ts';
import {
  FakeStdin,
  FakeStdout,
  fmt,
  median,
  percentile,
  sleep,
  waitForFrame,
} from './support/tui-terminal.ts';

const RUNS = 5;
const BULK = 100_000;
const DOWN_PRESSES = 200;
const PAGE_PRESSES = 100;
/** Longer than Ink's 33 ms render throttle (maxFps 30), so each key gets the leading-edge render. */
const GAP_MS = 45;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEY = { enter: '\r', down: '\u001B[B', pgDn: '\u001B[6~' } as const;

function stats(label: string, values: readonly number[], unit = 'ms', digits = 2): string {
  return `${label}: median ${fmt(median(values), digits)} ${unit}, p95 ${fmt(percentile(values, 95), digits)} ${unit}, max ${fmt(Math.max(...values), digits)} ${unit} (n=${values.length})`;
}

// ---------------------------------------------------------------------------------------------
// (a) first frame of the real command

/**
 * Spawns `command` in tmux and returns the ms until `ready` shows on the screen (polled every few ms).
 * Defaults: casella in demo mode, ready when the Home screen with its footer is drawn.
 */
async function firstFrameInTmux(
  command = 'node --import tsx tui/src/bin.tsx --lang en',
  ready = (screen: string) => screen.includes('> Domains') && screen.includes('q quit'),
): Promise<number> {
  const { TmuxTerminal } = await import('../test/e2e/tmux.ts');
  const configDir = mkdtempSync(join(tmpdir(), 'casella-bench-'));
  const started = performance.now();
  const term = new TmuxTerminal(command, {
    cwd: ROOT,
    env: { CASELLA_CONFIG_DIR: configDir, LANG: 'C.UTF-8' },
  });
  try {
    for (;;) {
      const screen = term.screen();
      if (ready(screen)) return performance.now() - started;
      if (/EXIT=\d+/.test(screen)) throw new Error(`casella ended before its first frame:\n${screen}`);
      if (performance.now() - started > 60_000) throw new Error(`no Home screen after 60 s:\n${screen}`);
      await sleep(2);
    }
  } finally {
    term.close();
    rmSync(configDir, { recursive: true, force: true });
  }
}

/** Spawns `casella --version`: node start, tsx, the whole module graph, exit. */
function versionRun(): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'tui/src/bin.tsx', '--version'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`casella --version failed: ${run.stderr}`);
  return performance.now() - started;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  console.log(`TUI benchmark (node ${process.version}, ${RUNS} runs where a median is given)\n`);

  // (a) real command
  console.log('(a) time to the first frame in demo mode');
  const cold = await firstFrameInTmux();
  const spawnRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) spawnRuns.push(await firstFrameInTmux());
  const versionRuns = Array.from({ length: RUNS }, versionRun);
  const baseline: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    baseline.push(await firstFrameInTmux('echo BENCH-READY', (screen) => screen.includes('BENCH-READY')));
  }
  console.log(
    `    real command in tmux 80×24, spawn → Home on screen: median ${fmt(median(spawnRuns), 0)} ms`,
  );
  console.log(
    `        runs: ${spawnRuns.map((v) => fmt(v, 0)).join(', ')} ms (first run before them: ${fmt(cold, 0)} ms)`,
  );
  console.log(`    of which tmux + sh + polling (echo in the pane): median ${fmt(median(baseline), 0)} ms`);
  console.log(
    `    of which process start + module load (casella --version): median ${fmt(median(versionRuns), 0)} ms`,
  );

  // In-process part: the modules are loaded once here, then demo session + first frame per run.
  const importStarted = performance.now();
  const [
    { render },
    { createElement },
    { App },
    { startDemoSession },
    { connectSession },
    profileStore,
    mock,
  ] = await Promise.all([
    import('ink'),
    import('react'),
    import('../tui/src/app.tsx'),
    import('../tui/src/services/demo.ts'),
    import('../tui/src/services/connect.ts'),
    import('../tui/src/services/profile-store.ts'),
    import('@casella/mock-server'),
  ]);
  const importMs = performance.now() - importStarted;
  const configDir = mkdtempSync(join(tmpdir(), 'casella-bench-'));
  const profiles = profileStore.createProfileStore(configDir);
  // The App on a fake 80×24 terminal, with the Ink options casella uses.
  const renderOnFakeTerminal = (session: OpenSession, onRender?: RenderOptions['onRender']) => {
    const stdout = new FakeStdout();
    const stdin = new FakeStdin();
    const app = render(createElement(App, { session, lang: 'en' }), {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      exitOnCtrlC: false,
      patchConsole: false,
      ...(onRender ? { onRender } : {}),
    });
    return { app, stdout, stdin };
  };

  const sessionRuns: number[] = [];
  const renderRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const session = await startDemoSession(profiles);
    const t1 = performance.now();
    const { app, stdout } = renderOnFakeTerminal(session);
    const t2 = await waitForFrame(stdout, '> Domains');
    sessionRuns.push(t1 - t0);
    renderRuns.push(t2 - t1);
    app.unmount();
    await session.close();
  }
  console.log(`    in-process: loading ink + app + SDK + mock modules (once): ${fmt(importMs, 0)} ms`);
  console.log(
    `    in-process: demo mock start + admin login: first ${fmt(sessionRuns[0] ?? Number.NaN, 1)} ms, median ${fmt(median(sessionRuns), 1)} ms`,
  );
  console.log(
    `    in-process: render() → first Home frame written: first ${fmt(renderRuns[0] ?? Number.NaN, 1)} ms, median ${fmt(median(renderRuns), 1)} ms`,
  );
  console.log(`    (React build: NODE_ENV=${process.env.NODE_ENV ?? 'unset'}, as casella sets it)`);

  // (b) scrolling 100,000 mailboxes
  console.log(
    `\n(b) keypress → frame on the Mailboxes screen of ${fmt(BULK, 0)} mailboxes (in-process, 80×24)`,
  );
  const seedStarted = performance.now();
  const server = await mock.startMockServer({
    seed: { zimbra: mock.zimbraSeeds.bulk(BULK), pec: mock.pecSeeds.demo() },
  });
  const seedMs = performance.now() - seedStarted;
  const session = await connectSession({
    url: server.url,
    user: 'admin@example.com',
    password: mock.DEMO_PASSWORD,
    pecUrl: `${server.url}/pec`,
    profiles,
    demo: true,
  });
  const renderTimes: number[] = [];
  const { app, stdout, stdin } = renderOnFakeTerminal(session, ({ renderTime }) =>
    renderTimes.push(renderTime),
  );
  try {
    await waitForFrame(stdout, '> Domains');
    stdin.write(KEY.enter);
    await waitForFrame(stdout, 'bulk.example.com');
    stdin.write(KEY.enter);
    await waitForFrame(stdout, 'Mail service:');
    const dashboardShown = performance.now();
    stdin.write(KEY.enter);
    await waitForFrame(stdout, `(${BULK} of ${BULK})`);
    const listMs = performance.now() - dashboardShown;
    await sleep(200);

    const measure = async (key: string, presses: number) => {
      const latency: number[] = [];
      const bytes: number[] = [];
      const inkRender: number[] = [];
      for (let i = 0; i < presses; i++) {
        const firstWrite = stdout.writes.length;
        const firstRender = renderTimes.length;
        const written = stdout.nextWrite();
        const pressed = performance.now();
        stdin.write(key);
        latency.push((await written) - pressed);
        await sleep(GAP_MS);
        bytes.push(stdout.writes.slice(firstWrite).reduce((sum, w) => sum + w.bytes, 0));
        inkRender.push(...renderTimes.slice(firstRender));
      }
      return { latency, bytes, inkRender };
    };

    const down = await measure(KEY.down, DOWN_PRESSES);
    const afterDown =
      stdout
        .lastFrame()
        .split('\n')
        .find((l) => l.startsWith('> ')) ?? '?';
    const page = await measure(KEY.pgDn, PAGE_PRESSES);
    const afterPage =
      stdout
        .lastFrame()
        .split('\n')
        .find((l) => l.startsWith('> ')) ?? '?';

    console.log(`    mock seeded with demo + ${fmt(BULK, 0)} accounts in ${fmt(seedMs, 0)} ms`);
    console.log(
      `    dashboard → Mailboxes list of ${fmt(BULK, 0)} shown: ${fmt(listMs, 0)} ms (requests + render, as the service loads it)`,
    );
    console.log(`    Down ×${DOWN_PRESSES} (one key every ${GAP_MS} ms, outside Ink's 33 ms throttle):`);
    console.log(`      ${stats('key → next write', down.latency)}`);
    console.log(`      ${stats('Ink render (layout + output)', down.inkRender)}`);
    console.log(`      ${stats('bytes per frame', down.bytes, 'B', 0)}`);
    console.log(`      selected row after: ${afterDown.trimEnd()}`);
    console.log(`    PgDn ×${PAGE_PRESSES}:`);
    console.log(`      ${stats('key → next write', page.latency)}`);
    console.log(`      ${stats('Ink render (layout + output)', page.inkRender)}`);
    console.log(`      ${stats('bytes per frame', page.bytes, 'B', 0)}`);
    console.log(`      selected row after: ${afterPage.trimEnd()}`);
  } finally {
    app.unmount();
    await session.close();
    await server.close();
    rmSync(configDir, { recursive: true, force: true });
  }
}

await main();
