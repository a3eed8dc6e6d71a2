// The casella-mock command, spawned as a user runs it: flags, seeds, faults, and a clean exit.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zimbraSeeds } from '@casella/mock-server';
import { afterEach, describe, expect, it } from 'vitest';
import { adminToken, faultCode, soap } from './soap-helpers.ts';

const BIN = join(import.meta.dirname, '../../mock-server/dist/cli.js');

interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  /** Everything printed on stdout so far. */
  stdout(): string;
  /** Resolves when stderr has printed a line matching `pattern`. */
  waitFor(pattern: RegExp): Promise<void>;
  /** Resolves with the exit code and signal. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: ChildProcessWithoutNullStreams[] = [];

/** Resolves with the first match of `pattern` in what `stream` prints, rejecting if the process exits first. */
function waitForOutput(
  child: ChildProcessWithoutNullStreams,
  stream: 'stdout' | 'stderr',
  pattern: RegExp,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = pattern.exec(out);
      if (m) {
        child[stream].off('data', onData);
        resolve(m[0]);
      }
    };
    child[stream].on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`casella-mock exited (${code}) before printing ${pattern} on ${stream}`)),
    );
  });
}

const LISTENING = /^casella-mock listening on (http:\/\/127\.0\.0\.1:\d+)\n/;

async function start(...args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [BIN, '--port', '0', ...args]);
  running.push(child);
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const line = await waitForOutput(child, 'stdout', LISTENING);
  const url = LISTENING.exec(line)?.[1] ?? '';
  return {
    child,
    url,
    stdout: () => stdout,
    waitFor: (p) => waitForOutput(child, 'stderr', p).then(() => undefined),
    exited: () => exit,
  };
}

/** Runs the command to its end and returns its exit code, stdout and stderr. */
function runToExit(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args]);
    running.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** True while something accepts connections at `url`. */
async function listening(url: string): Promise<boolean> {
  return fetch(`${url}/__mock/health`).then(
    () => true,
    () => false,
  );
}

/** Whether a process still runs (a zombie waiting for its new parent to reap it counts as gone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

/** Polls `check` every 50 ms until it is true (the test's own timeout bounds the wait). */
async function eventually(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('casella-mock command', () => {
  afterEach(async () => {
    for (const child of running.splice(0)) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('serves the demo seed on the port it picked, with the fault flags applied', async () => {
    const mock = await start(
      '--seed',
      'demo',
      '--latency',
      '5',
      '--failure-rate',
      '0.25',
      '--failure-mode',
      'reset',
    );
    const faults = await (await fetch(`${mock.url}/__mock/faults`)).json();
    expect(faults).toMatchObject({ latencyMs: 5, failureRate: 0.25, failureMode: 'reset' });
    expect(mock.stdout()).toBe(`casella-mock listening on ${mock.url}\n`);
    const cleared = await fetch(`${mock.url}/__mock/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failureRate: 0 }),
    });
    expect(cleared.status).toBe(200);
    expect((await adminToken(mock.url)).length).toBeGreaterThan(20);
  });

  it('fails every request with a bare 503 at --failure-rate 1', async () => {
    const mock = await start('--seed', 'empty', '--failure-rate', '1');
    const answer = await soap(mock.url, '<GetAllCosRequest xmlns="urn:zimbraAdmin"/>');
    expect(answer.status).toBe(503);
  });

  it('loads a JSON seed file, and expires every token on SIGUSR2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casella-mock-'));
    const file = join(dir, 'seed.json');
    writeFileSync(file, JSON.stringify({ zimbra: zimbraSeeds.demo() }));
    const mock = await start('--seed', file);
    const token = await adminToken(mock.url);
    const read =
      '<GetDomainRequest xmlns="urn:zimbraAdmin"><domain by="name">oldshop.it</domain></GetDomainRequest>';
    expect((await soap(mock.url, read, token)).status).toBe(200);
    const expired = mock.waitFor(/tokens expired/);
    mock.child.kill('SIGUSR2');
    await expired;
    expect(faultCode((await soap(mock.url, read, token)).text)).toBe('service.AUTH_EXPIRED');
  });

  it('refuses bad flags, a missing seed file and a seed with an unknown member, in one line with exit code 2', async () => {
    const typo = join(mkdtempSync(join(tmpdir(), 'casella-mock-')), 'typo.json');
    writeFileSync(typo, JSON.stringify({ zimbr: zimbraSeeds.demo() }));
    const typoRun = await runToExit('--port', '0', '--seed', typo);
    expect(typoRun.code).toBe(2);
    expect(typoRun.stderr).toMatch(/unknown member "zimbr"/);
    for (const args of [
      ['--failure-rate', '1.5'],
      ['--failure-mode', 'sometimes'],
      ['--lost-answer-rate', '2'],
      ['--stall-ms', '999999999'],
      ['--latency', '1e9'],
      ['--port', '70000'],
      ['--soap-request-max-size', '0'],
      ['--pec-request-max-bytes', '1.5'],
      ['--seed', join(tmpdir(), 'no-such-seed-casella.json')],
      ['--no-such-flag'],
    ]) {
      const { code, stderr } = await runToExit('--port', '0', ...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.trim().split('\n')[0]).toMatch(/^casella-mock: /);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)(
    'prints exactly one stdout line and on %s closes its port and exits 0',
    async (signal) => {
      const mock = await start('--seed', 'empty');
      expect(await listening(mock.url)).toBe(true);
      mock.child.kill(signal);
      expect(await mock.exited()).toEqual({ code: 0, signal: null });
      expect(mock.stdout()).toBe(`casella-mock listening on ${mock.url}\n`);
      expect(await listening(mock.url)).toBe(false);
    },
  );

  it('stops when the shell script that started it is killed, leaving no listener', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casella-mock-parent-'));
    const script = join(dir, 'run-mock.sh');
    // The mock runs in the foreground of a script, as a test suite's helper script would start it.
    writeFileSync(
      script,
      `#!/bin/sh\n"${process.execPath}" "${BIN}" --port 0 --seed empty\necho "mock ended"\n`,
    );
    chmodSync(script, 0o755);
    const parent = spawn('/bin/sh', [script]);
    running.push(parent);
    const line = await waitForOutput(parent, 'stdout', LISTENING);
    const url = LISTENING.exec(line)?.[1] ?? '';
    const pid = Number(/pid (\d+)/.exec(await waitForOutput(parent, 'stderr', /pid \d+/))?.[1]);
    expect(alive(pid)).toBe(true);
    parent.kill('SIGKILL');
    await eventually(() => !alive(pid));
    expect(await listening(url)).toBe(false);
  });

  it('stops when the stdin pipe it got closes, even behind a wrapper shell that stays alive (as npx leaves one)', async () => {
    // `; true` keeps the shell from exec-ing node, like the `sh -c` that npx runs the bin in.
    const wrapper = spawn('/bin/sh', ['-c', `"${process.execPath}" "${BIN}" --port 0 --seed empty; true`]);
    running.push(wrapper);
    const line = await waitForOutput(wrapper, 'stdout', LISTENING);
    const url = LISTENING.exec(line)?.[1] ?? '';
    const pid = Number(/pid (\d+)/.exec(await waitForOutput(wrapper, 'stderr', /pid \d+/))?.[1]);
    const ended = new Promise((resolve) => wrapper.once('exit', resolve));
    wrapper.stdin.end();
    await ended;
    expect(alive(pid)).toBe(false);
    expect(await listening(url)).toBe(false);
  });

  it('keeps running with --detached when its stdin closes, until it is sent SIGTERM', async () => {
    const mock = await start('--seed', 'empty', '--detached');
    mock.child.stdin.end();
    // The close is seen at once without --detached (test above); give it the same chance here.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await listening(mock.url)).toBe(true);
    mock.child.kill('SIGTERM');
    expect(await mock.exited()).toEqual({ code: 0, signal: null });
  });

  it('applies --lost-answer-rate and the stall flags, and serves no control plane with --no-control-plane', async () => {
    const mock = await start(
      '--seed',
      'empty',
      '--lost-answer-rate',
      '0.5',
      '--stall-rate',
      '0.1',
      '--stall-ms',
      '5000',
    );
    const faults = await (await fetch(`${mock.url}/__mock/faults`)).json();
    expect(faults).toMatchObject({ lostAnswerRate: 0.5, stallRate: 0.1, stallMs: 5000 });
    const closed = await start('--seed', 'empty', '--no-control-plane');
    expect((await fetch(`${closed.url}/__mock/faults`)).status).toBe(404);
    expect((await soap(closed.url, '<GetAllCosRequest xmlns="urn:zimbraAdmin"/>')).status).toBe(500);
  });

  it("applies --soap-request-max-size to Zimbra's request-size fault", async () => {
    const mock = await start('--seed', 'empty', '--soap-request-max-size', '100');
    const answer = await soap(mock.url, `<GetAllCosRequest xmlns="urn:zimbraAdmin"/>${' '.repeat(100)}`);
    expect(faultCode(answer.text)).toBe('service.INVALID_REQUEST');
    expect(answer.text).toContain('exceeded limit of 100 bytes set for zimbraSoapRequestMaxSize.');
  });

  it('prints its usage on stdout with --help and exits 0', async () => {
    const { code, stdout, stderr } = await runToExit('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^casella-mock: a stateful emulator/);
    expect(stdout).toContain('--lost-answer-rate');
    expect(stdout).toContain('--no-control-plane');
    expect(stderr).toBe('');
  });
});
