import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@casella/mock-server';
import { TransportError } from '@casella/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, loginAs, type Recorder, startRecorder } from './zimbra-fixtures.ts';

describe('TLS to a server with a self-signed certificate (like Zimbra on 7071)', () => {
  let mock: MockServer;
  let https: Recorder;
  let cert: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casella-tls-'));
    try {
      // A throwaway certificate for 127.0.0.1, valid one day.
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
        ],
        { stdio: 'ignore' },
      );
      cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
      const key = readFileSync(join(dir, 'key.pem'), 'utf8');
      mock = await startMockServer({ seed: 'demo' });
      https = await startRecorder(mock.url, { key, cert });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  afterAll(async () => {
    await https.close();
    await mock.close();
  });

  it('refuses the certificate by default', async () => {
    const error = await failure(loginAs(mock, 'admin@example.com', { url: https.url }));
    expect(error).toBeInstanceOf(TransportError);
    expect(error.message).toMatch(/SELF_SIGNED|certificate/i);
  });

  it('trusts it when given as ca', async () => {
    const admin = await loginAs(mock, 'admin@example.com', { url: https.url, ca: cert });
    expect((await admin.domains.get('example.com')).status).toBe('active');
    await admin.close();
  });

  it('accepts it only with an explicit insecureSkipTlsVerify', async () => {
    const admin = await loginAs(mock, 'admin@example.com', { url: https.url, insecureSkipTlsVerify: true });
    expect((await admin.cos.list()).length).toBeGreaterThan(0);
    await admin.close();
  });
});
