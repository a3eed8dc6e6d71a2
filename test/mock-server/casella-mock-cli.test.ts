// The casella-mock command, spawned as a user runs it: flags, seeds, faults, and a clean exit.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zimbraSeeds } from '@casella/mock-server';
import { afterEach, describe, expect, it } from 'vitest';
import { adminToken, faultCode, soap } from './soap-helpers.ts';

const BIN = join(import.meta.dirname, '../../mock-server/dist/cli.js');

interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  /** Resolves when stdout has printed a line matching `pattern`. */
  waitFor(pattern: RegExp): Promise<void>;
}

const running: ChildProcessWithoutNullStreams[] = [];

function waitForOutput(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = pattern.exec(out);
      if (m) {
        child.stdout.off('data', onData);
        resolve(m[0]);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`casella-mock exited (${code}) before printing ${pattern}`)),
    );
  });
}

async function start(...args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [BIN, '--port', '0', ...args]);
  running.push(child);
  const line = await waitForOutput(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
  const url = /http:\/\/127\.0\.0\.1:\d+/.exec(line)?.[0] ?? '';
  return { child, url, waitFor: (p) => waitForOutput(child, p).then(() => undefined) };
}

/** Runs the command to its end and returns its exit code and stderr. */
function runToExit(...args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args]);
    running.push(child);
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

describe('casella-mock command', () => {
  afterEach(async () => {
    for (const child of running.splice(0)) {
      if (child.exitCode !== null) continue;
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
    await fetch(`${mock.url}/__mock/faults`, { method: 'POST', body: JSON.stringify({ failureRate: 0 }) });
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
      ['--seed', join(tmpdir(), 'no-such-seed-casella.json')],
      ['--no-such-flag'],
    ]) {
      const { code, stderr } = await runToExit('--port', '0', ...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.trim().split('\n')[0]).toMatch(/^casella-mock: /);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});
