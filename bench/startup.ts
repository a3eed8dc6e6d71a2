// Start-up and install footprint of Casella as a user installs it. Prints figures; asserts nothing.
//   npm run build && node --conditions=@casella/source --import tsx bench/startup.ts
//
// (a) `casella --version` and the demo's first frame (tmux 80×24, spawn → Home screen drawn), median of 7,
//     from the packed and installed `casella` tarball, against running the TypeScript sources through
//     tsx (how the command ran before it shipped built JavaScript), in the same run.
// (b) Install footprint of three consumers: only the SDK, only the mock server, and the TUI: the number
//     of packages in node_modules and their size on disk.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { installProject, packWorkspaces, REPO, removeAll } from '../test/consumer/install.ts';
import { TmuxTerminal } from '../test/e2e/tmux.ts';

const RUNS = 7;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function line(label: string, values: readonly number[]): string {
  return `${label.padEnd(44)} median ${fmt(median(values)).padStart(5)} ms  (min ${fmt(Math.min(...values))}, max ${fmt(Math.max(...values))}, n=${values.length})`;
}

/** ms from spawn to exit of `command --version` (node start, module graph, exit). */
function versionRun(cwd: string, args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [...args, '--version'], { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`--version failed: ${run.stderr}`);
  return performance.now() - started;
}

/** ms from creating the tmux pane to the demo's Home screen with its footer on it. */
async function firstFrame(cwd: string, command: string): Promise<number> {
  const config = mkdtempSync(join(tmpdir(), 'casella-bench-'));
  const started = performance.now();
  const term = new TmuxTerminal(`${command} --demo --lang en`, {
    cwd,
    env: { CASELLA_CONFIG_DIR: config, LANG: 'C.UTF-8' },
  });
  try {
    for (;;) {
      const screen = term.screen();
      if (screen.includes('> Domains') && /quit/i.test(screen)) return performance.now() - started;
      if (/EXIT=\d+/.test(screen)) throw new Error(`casella ended before its first frame:\n${screen}`);
      if (performance.now() - started > 60_000) throw new Error(`no Home screen after 60 s:\n${screen}`);
      await sleep(2);
    }
  } finally {
    term.close();
    rmSync(config, { recursive: true, force: true });
  }
}

/** Packages and bytes under a node_modules folder (a package is a folder with a package.json). */
function footprint(project: string): { packages: number; bytes: number } {
  let packages = 0;
  let bytes = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) walk(path);
      else {
        bytes += statSync(path).size;
        if (entry.name === 'package.json' && isPackageRoot(path)) packages += 1;
      }
    }
  };
  walk(join(project, 'node_modules'));
  return { packages, bytes };
}

// A package.json with a name and a version, directly under node_modules/<name> or node_modules/@scope/<name>.
function isPackageRoot(path: string): boolean {
  const parts = path.split('/');
  const at = parts.lastIndexOf('node_modules');
  const depth = parts.length - at - 2;
  const scoped = parts[at + 1]?.startsWith('@') ?? false;
  if (depth !== (scoped ? 2 : 1)) return false;
  const pkg = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
  return Boolean(pkg.name && pkg.version);
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`Node ${process.version}, ${new Date().toISOString()}, load average ${load()}`);

const packed = packWorkspaces();
// The TUI's tarball needs the other two: they are not on the registry, so all three are installed together.
const tui = installProject([packed.files.tui, packed.files.sdk, packed.files['mock-server']]);
const made = [packed.dir, tui];
try {
  const installedBin = ['node_modules/casella/dist/bin.js'];
  const sourceBin = ['--conditions=@casella/source', '--import', 'tsx', 'tui/src/bin.tsx'];
  // One warm-up each: the first spawn pays for the disk cache.
  versionRun(tui, installedBin);
  versionRun(REPO, sourceBin);
  const installed: number[] = [];
  const source: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    installed.push(versionRun(tui, installedBin));
    source.push(versionRun(REPO, sourceBin));
  }
  console.log('\n(a) start-up');
  console.log(line('casella --version, installed package', installed));
  console.log(line('casella --version, sources through tsx', source));
  const frameInstalled: number[] = [];
  const frameSource: number[] = [];
  await firstFrame(tui, 'npx casella');
  for (let i = 0; i < RUNS; i++) {
    frameInstalled.push(await firstFrame(tui, 'node node_modules/casella/dist/bin.js'));
    frameSource.push(await firstFrame(REPO, `node ${sourceBin.join(' ')}`));
  }
  const frameNpx: number[] = [];
  for (let i = 0; i < RUNS; i++) frameNpx.push(await firstFrame(tui, 'npx casella'));
  console.log(line('demo first frame, installed (node bin)', frameInstalled));
  console.log(line('demo first frame, installed (npx casella)', frameNpx));
  console.log(line('demo first frame, sources through tsx', frameSource));

  console.log('\n(b) install footprint (node_modules of a fresh project)');
  const consumers = [
    ['@casella/sdk only', [packed.files.sdk]],
    ['@casella/mock-server only', [packed.files['mock-server']]],
    [
      'casella (the TUI, with the SDK and the mock)',
      [packed.files.tui, packed.files.sdk, packed.files['mock-server']],
    ],
  ] as const;
  for (const [label, specs] of consumers) {
    const project = label.startsWith('casella (') ? tui : installProject(specs);
    if (project !== tui) made.push(project);
    const { packages, bytes } = footprint(project);
    console.log(
      `${label.padEnd(46)} ${String(packages).padStart(3)} packages, ${fmt(bytes / 1_048_576, 1)} MB`,
    );
  }
} finally {
  removeAll(...made);
}
