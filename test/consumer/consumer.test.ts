// Casella as a user gets it: the three packages packed with `npm pack`, installed from the tarballs into a
// fresh project outside the workspace, then used with no loader on Node 20, 22 and 24.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TmuxTerminal } from '../e2e/tmux.ts';
import { installProject, packWorkspaces, REPO, removeAll } from './install.ts';
import { nodeBinary } from './node-binaries.ts';

const FIXTURE = fileURLToPath(new URL('./fixture', import.meta.url));
const DEMO_PASSWORD = 'Casella-Demo-1!';
const SETUP_TIMEOUT = 300_000;
const STEP_TIMEOUT = 120_000;

let project = '';
let tarballs = '';

/** Runs a command in the consumer project with `node` (and so `npx`) of the given binary first on the PATH. */
function run(
  node: string,
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): string {
  return execFileSync(command, [...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...pathWith(node), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Like {@link run} for `node args`, without blocking the test runner; resolves with the exit code and output. */
function runAsync(node: string, args: readonly string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(node, [...args], {
      cwd: project,
      env: pathWith(node),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.once('close', (code) => resolve({ code, output }));
  });
}

function pathWith(node: string): NodeJS.ProcessEnv {
  const { CI: _ci, FORCE_COLOR: _fc, NODE_OPTIONS: _no, VITEST: _v, ...rest } = process.env;
  return { ...rest, PATH: `${dirname(node)}:${process.env.PATH ?? ''}`, npm_config_update_notifier: 'false' };
}

beforeAll(() => {
  // The packages are built by `npm test` (npm run build) before vitest starts; pack what a user would get.
  const packed = packWorkspaces();
  tarballs = packed.dir;
  // From the tarballs, plus what a consumer adds itself: msw 2 (the optional peer) and Node's types for tsc.
  project = installProject([...Object.values(packed.files), 'msw@^2.12.0', '@types/node@^20.19.0'], FIXTURE);
  // The consumer's own test runner: the workspace's copy, linked (it is not a Casella dependency).
  symlinkSync(join(REPO, 'node_modules/vitest'), join(project, 'node_modules/vitest'));
}, SETUP_TIMEOUT);

afterAll(() => removeAll(project, tarballs));

it('installs no TypeScript loader and ships JavaScript, declarations and a licence', () => {
  const installed = join(project, 'node_modules');
  expect(existsSync(join(installed, 'tsx'))).toBe(false);
  expect(existsSync(join(installed, 'esbuild'))).toBe(false);
  for (const pkg of ['@casella/sdk', '@casella/mock-server', 'casella']) {
    expect(existsSync(join(installed, pkg, 'dist'))).toBe(true);
    expect(existsSync(join(installed, pkg, 'LICENSE'))).toBe(true);
    expect(existsSync(join(installed, pkg, 'README.md'))).toBe(true);
  }
  expect(existsSync(join(installed, '@casella/sdk/dist/index.d.ts'))).toBe(true);
});

describe.each(['20', '22', '24'] as const)('on Node %s', (major) => {
  let node = '';
  beforeAll(() => {
    node = nodeBinary(major);
    expect(execFileSync(node, ['--version'], { encoding: 'utf8' })).toMatch(new RegExp(`^v${major}\\.`));
  }, SETUP_TIMEOUT);

  it('imports the SDK and the mock server as plain ES modules', () => {
    const exports = JSON.parse(run(node, 'node', ['esm.mjs'])) as { sdk: string[]; mock: string[] };
    expect(exports.sdk).toEqual(
      expect.arrayContaining(['ZimbraAdmin', 'ZimbraAccount', 'PecPostmaster', 'isZimbraFault']),
    );
    expect(exports.mock).toEqual(expect.arrayContaining(['startMockServer', 'createMockBackend']));
  });

  it('requires the SDK and the mock server from CommonJS', () => {
    const exports = JSON.parse(run(node, 'node', ['cjs.cjs'])) as { sdk: string[]; mock: string[] };
    expect(exports.sdk).toContain('ZimbraAdmin');
    expect(exports.mock).toContain('startMockServer');
  });

  it(
    'type-checks a consumer under module nodenext and moduleResolution bundler, strict, skipLibCheck off',
    async () => {
      const tsc = join(REPO, 'node_modules/typescript/bin/tsc');
      // Both at once: with skipLibCheck off each reads every declaration file of Node, msw and the SDK.
      const checks = ['tsconfig.nodenext.json', 'tsconfig.bundler.json'].map((config) =>
        runAsync(node, [tsc, '-p', config]),
      );
      for (const result of await Promise.all(checks)) expect(result).toEqual({ code: 0, output: '' });
    },
    STEP_TIMEOUT,
  );

  it(
    'logs in to casella-mock started with npx and reads a domain capacity, with no loader',
    async () => {
      const mock = await startMock(node);
      try {
        const capacity = JSON.parse(
          run(node, 'node', ['capacity.mjs'], { MOCK_URL: mock.url, CASELLA_PASSWORD: DEMO_PASSWORD }),
        ) as { types: { cos: { name: string }; free: number | null }[] };
        expect(capacity.types.find((t) => t.cos.name === 'Professional')?.free).toBe(0);
      } finally {
        await mock.stop();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'runs a vitest suite of its own over the msw handlers and over startMockServer',
    () => {
      const vitest = join(project, 'node_modules/vitest/vitest.mjs');
      const out = run(node, 'node', [vitest, 'run', '--config', 'vitest.config.mjs'], {
        CASELLA_PASSWORD: DEMO_PASSWORD,
      });
      // vitest colours its summary even without a terminal here: compare the text without the codes.
      expect(out.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/Tests\s+2 passed/);
    },
    STEP_TIMEOUT,
  );

  it(
    'answers curl on casella-mock --port 0 and leaves no listener after SIGTERM to the started process',
    async () => {
      const mock = await startMock(node);
      const health = execFileSync(
        'curl',
        ['-s', '-o', '/dev/null', '-w', '%{http_code}', `${mock.url}/__mock/health`],
        {
          encoding: 'utf8',
        },
      );
      expect(health).toBe('200');
      const auth = execFileSync(
        'curl',
        [
          '-s',
          '-H',
          'content-type: application/soap+xml',
          '--data-binary',
          '@-',
          `${mock.url}/service/admin/soap`,
        ],
        {
          encoding: 'utf8',
          input:
            '<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>' +
            `<AuthRequest xmlns="urn:zimbraAdmin" name="admin@example.com" password="${DEMO_PASSWORD}"/>` +
            '</soap:Body></soap:Envelope>',
        },
      );
      expect(auth).toContain('<authToken>');
      await mock.stop();
      expect(await listening(mock.port)).toBe(false);
    },
    STEP_TIMEOUT,
  );

  it(
    'opens the demo with npx casella in an 80×24 terminal and quits cleanly',
    async () => {
      const config = mkdtempSync(join(tmpdir(), 'casella-consumer-config-'));
      const term = new TmuxTerminal('npx casella --demo --lang en', {
        cwd: project,
        env: {
          PATH: `${dirname(node)}:${process.env.PATH ?? ''}`,
          CASELLA_CONFIG_DIR: config,
          LANG: 'C.UTF-8',
        },
      });
      try {
        const home = await term.waitFor(/DEMO[\s\S]*> Domains[\s\S]*Quit/, 60_000);
        expect(home).not.toMatch(/ReferenceError|Error:/);
        term.keys('Enter');
        await term.waitFor('oldshop.it');
        term.keys('Enter');
        const dashboard = await term.waitFor('Professional');
        expect(dashboard).toContain('example.com');
        // q quits at once unless a form holds typed input, when it asks first: answer if asked.
        term.keys('q');
        const after = await term.waitFor(/EXIT=\d+|\(y\/N\)/);
        if (!/EXIT=/.test(after)) term.keys('y');
        expect(await term.waitFor(/EXIT=\d+/)).toMatch(/EXIT=0/);
      } finally {
        term.close();
        rmSync(config, { recursive: true, force: true });
      }
    },
    STEP_TIMEOUT,
  );
});

interface StartedMock {
  readonly url: string;
  readonly port: number;
  /** SIGTERM to the process the test started (npx), then waits for the port to close. */
  stop(): Promise<void>;
}

/** `npx casella-mock --port 0`, reading the URL from its first line of standard output. */
function startMock(node: string): Promise<StartedMock> {
  const child: ChildProcess = spawn('npx', ['casella-mock', '--port', '0', '--seed', 'demo'], {
    cwd: project,
    env: pathWith(node),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.once('exit', (code) => reject(new Error(`casella-mock exited (${code}) before listening: ${err}`)));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /^casella-mock listening on (http:\/\/127\.0\.0\.1:(\d+))/m.exec(out);
      if (!match?.[1] || !match[2]) return;
      const port = Number(match[2]);
      resolve({
        url: match[1],
        port,
        async stop() {
          child.kill('SIGTERM');
          for (let i = 0; i < 100 && (await listening(port)); i++)
            await new Promise((r) => setTimeout(r, 100));
        },
      });
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
