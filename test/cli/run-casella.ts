// Runs the real `casella` command for the CLI tests: the one place that knows how it is started.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MockServer, type MockServerOptions, startMockServer } from '@casella/mock-server';
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** The package's bin, as npm installs it (built JavaScript: `npm run build` first, as `npm test` does). */
export const CASELLA_BIN = fileURLToPath(new URL('../../tui/dist/bin.js', import.meta.url));

/** Password of every demo account. */
export const DEMO_PASSWORD = 'Casella-Demo-1!';

/** What a run printed and how it ended. */
export interface CasellaRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Pid of the process, for tests that look at it while it runs. */
  readonly pid: number | undefined;
}

/** Options of {@link runCasella}. */
export interface RunOptions {
  /** Extra environment; the runner's CASELLA_* variables are never inherited. */
  readonly env?: Readonly<Record<string, string>>;
  /** Text written to stdin, then end of input (no terminal). */
  readonly stdin?: string;
  /** Called once the process is spawned (e.g. to read `ps` while it runs). */
  readonly onSpawn?: (pid: number) => void;
  /** Called with everything printed on stdout so far, each time more arrives (e.g. to interrupt it). */
  readonly onStdout?: (stdout: string, pid: number) => void;
}

/**
 * Spawns `casella …` asynchronously (the mock in this process keeps answering) with stdin, stdout and
 * stderr piped, `LANG=C.UTF-8`, and a guard that kills it if it hangs (not a timing assertion).
 */
export function runCasella(args: readonly string[], options: RunOptions = {}): Promise<CasellaRun> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('CASELLA_')),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CASELLA_BIN, ...args], {
      env: { ...inherited, LANG: 'C.UTF-8', LC_ALL: '', CI: 'false', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (child.pid !== undefined) options.onStdout?.(stdout, child.pid);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('spawn', () => {
      if (child.pid !== undefined) options.onSpawn?.(child.pid);
    });
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr, pid: child.pid });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

/** The NDJSON lines of a `--json` list, parsed. */
export function ndjson<T = Record<string, unknown>>(text: string): T[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** The demo mock over HTTP for a file's tests, reset before each, plus a private journal and config dir. */
export interface CliFixture {
  readonly mock: MockServer;
  /** A fresh directory per test (journal, password files). */
  readonly dir: string;
  /** The journal file of the current test. */
  readonly journal: string;
  /** `--url <mock> --user admin@example.com`. */
  readonly admin: readonly string[];
  /** `--url <mock> --pec-user postmaster@pec.example.it`. */
  readonly postmaster: readonly string[];
  /** runCasella with CASELLA_PASSWORD, the test's journal and config dir set (overridable). */
  run(args: readonly string[], options?: RunOptions): Promise<CasellaRun>;
}

/** Sets up a {@link CliFixture} for the surrounding file or `describe`; the demo seed unless told. */
export function useCliMock(options: MockServerOptions = { seed: 'demo' }): CliFixture {
  let mock: MockServer | undefined;
  let dir: string | undefined;
  const dirs: string[] = [];
  beforeAll(async () => {
    mock = await startMockServer(options);
  });
  beforeEach(() => {
    mock?.reset();
    dir = mkdtempSync(join(tmpdir(), 'casella-cli-'));
    dirs.push(dir);
  });
  afterAll(async () => {
    await mock?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const must = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`${what} is not ready: use the fixture inside a test`);
    return v;
  };
  return {
    get mock() {
      return must(mock, 'the mock');
    },
    get dir() {
      return must(dir, 'the test directory');
    },
    get journal() {
      return join(must(dir, 'the test directory'), 'journal.ndjson');
    },
    get admin() {
      return ['--url', must(mock, 'the mock').url, '--user', 'admin@example.com'];
    },
    get postmaster() {
      return ['--url', must(mock, 'the mock').url, '--pec-user', 'postmaster@pec.example.it'];
    },
    run(args, options = {}) {
      const d = must(dir, 'the test directory');
      return runCasella(args, {
        ...options,
        env: {
          CASELLA_PASSWORD: DEMO_PASSWORD,
          CASELLA_JOURNAL: join(d, 'journal.ndjson'),
          CASELLA_CONFIG_DIR: join(d, 'config'),
          ...options.env,
        },
      });
    },
  };
}
