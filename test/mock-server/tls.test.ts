// The mock over HTTPS (like Zimbra admin on 7071): a certificate the client must choose to trust.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@casella/mock-server';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, DEMO_PASSWORD, SOAP12 } from './soap-helpers.ts';
import { makeTestCertificates, type TestCertificates } from './tls-certificates.ts';

const BIN = join(import.meta.dirname, '../../mock-server/dist/cli.js');

/** The reason a fetch failed, e.g. UNABLE_TO_VERIFY_LEAF_SIGNATURE for an untrusted certificate. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as Error & { cause?: NodeJS.ErrnoException }).cause;
    return cause?.code ?? cause?.message ?? (error as Error).message;
  }
  throw new Error('expected the request to be refused');
}

describe('startMockServer with tls', () => {
  let certs: TestCertificates;
  let mock: MockServer;
  let trusting: Agent;
  beforeAll(async () => {
    certs = makeTestCertificates();
    mock = await startMockServer({ seed: 'demo', tls: { cert: certs.cert, key: Buffer.from(certs.key) } });
    trusting = new Agent({ connect: { ca: certs.ca } });
  });
  afterAll(async () => {
    await trusting.close();
    await mock.close();
    certs.remove();
  });

  it('serves on an https:// URL', () => {
    expect(mock.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('is refused by a client that does not trust its CA', async () => {
    expect(await refusal(fetch(`${mock.url}/__mock/health`))).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('answers Zimbra SOAP and pec-admin over TLS when the client trusts the CA', async () => {
    const health = await fetch(`${mock.url}/__mock/health`, { dispatcher: trusting } as RequestInit);
    expect(await health.json()).toEqual({ ok: true });
    const auth = await fetch(`${mock.url}/service/admin/soap`, {
      method: 'POST',
      headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
      body: `<soap:Envelope xmlns:soap="${SOAP12}"><soap:Body><AuthRequest xmlns="urn:zimbraAdmin"><name>${ADMIN}</name><password>${DEMO_PASSWORD}</password></AuthRequest></soap:Body></soap:Envelope>`,
      dispatcher: trusting,
    } as RequestInit);
    expect(auth.status).toBe(200);
    expect(await auth.text()).toMatch(/<authToken>[^<]{20,}<\/authToken>/);
    const pec = await fetch(`${mock.url}/pec/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'postmaster@pec.example.it', password: DEMO_PASSWORD }),
      dispatcher: trusting,
    } as RequestInit);
    expect(pec.status).toBe(201);
  });

  it('refuses to start with a key that does not belong to the certificate', async () => {
    const other = makeTestCertificates();
    try {
      await expect(startMockServer({ tls: { cert: certs.cert, key: other.key } })).rejects.toThrow(
        /cannot serve HTTPS: .*key values mismatch/,
      );
    } finally {
      other.remove();
    }
  });

  it('still speaks plain HTTP without tls', async () => {
    const plain = await startMockServer({ seed: 'empty' });
    try {
      expect(plain.url).toMatch(/^http:\/\//);
      expect((await fetch(`${plain.url}/__mock/health`)).status).toBe(200);
    } finally {
      await plain.close();
    }
  });
});

/** Waits for a spawned casella-mock to exit; its exit code and stderr. */
function runToExit(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

describe('casella-mock --tls-cert --tls-key', () => {
  let certs: TestCertificates;
  const children: ChildProcessWithoutNullStreams[] = [];
  beforeAll(() => {
    certs = makeTestCertificates();
  });
  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.exitCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
  afterAll(() => certs.remove());

  function run(...args: string[]): ChildProcessWithoutNullStreams {
    const child = spawn(process.execPath, [BIN, '--port', '0', '--seed', 'empty', ...args]);
    children.push(child);
    return child;
  }

  it('prints an https URL and answers a health check from a client that trusts the CA', async () => {
    const child = run('--tls-cert', certs.files.cert, '--tls-key', certs.files.key);
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /listening on (https:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
        if (found) resolve(found);
      });
      child.once('exit', (code) => reject(new Error(`casella-mock exited (${code}): ${out}`)));
    });
    const agent = new Agent({ connect: { ca: certs.ca } });
    try {
      const health = await fetch(`${url}/__mock/health`, { dispatcher: agent } as RequestInit);
      expect(await health.json()).toEqual({ ok: true });
    } finally {
      await agent.close();
    }
  });

  it('refuses half a pair, a missing file and a key that does not fit, with one line and exit code 2', async () => {
    const other = makeTestCertificates();
    try {
      const cases = [
        ['--tls-cert', certs.files.cert],
        ['--tls-key', certs.files.key],
        ['--tls-cert', join(certs.files.cert, '..', 'no-such.pem'), '--tls-key', certs.files.key],
        ['--tls-cert', certs.files.cert, '--tls-key', other.files.key],
      ];
      const results = await Promise.all(cases.map((args) => runToExit(run(...args))));
      for (const [i, { code, stderr }] of results.entries()) {
        expect(code, cases[i]?.join(' ')).toBe(2);
        expect(stderr.trim().split('\n')[0]).toMatch(/^casella-mock: .*(tls|TLS|key)/);
        expect(stderr).not.toMatch(/\n\s+at /);
        expect(stderr).not.toContain('PRIVATE KEY');
      }
    } finally {
      other.remove();
    }
  });
});
