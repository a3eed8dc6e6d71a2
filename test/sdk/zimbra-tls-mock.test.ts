// The SDK's TLS options against the mock speaking HTTPS with a certificate from a private CA.
import { type MockServer, startMockServer } from '@casella/mock-server';
import { PecPostmaster, TransportError, ZimbraAdmin } from '@casella/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCertificates, type TestCertificates } from '../mock-server/tls-certificates.ts';
import { DEMO_PASSWORD, failure, WIRE } from './zimbra-fixtures.ts';

describe('SDK clients against the HTTPS mock', () => {
  let certs: TestCertificates;
  let mock: MockServer;
  beforeAll(async () => {
    certs = makeTestCertificates();
    mock = await startMockServer({ seed: 'demo', tls: { cert: certs.cert, key: certs.key } });
  });
  afterAll(async () => {
    await mock.close();
    certs.remove();
  });

  const admin = (extra: { ca?: string; insecureSkipTlsVerify?: boolean } = {}) =>
    ZimbraAdmin.login({
      wire: WIRE,
      url: mock.url,
      username: 'admin@example.com',
      password: DEMO_PASSWORD,
      retryDelayMs: 10,
      ...extra,
    });

  it('logs in to Zimbra and reads a domain when given the CA', async () => {
    const client = await admin({ ca: certs.ca });
    expect((await client.domains.get('example.com')).status).toBe('active');
    await client.close();
  });

  it('refuses the untrusted certificate with a TransportError that names the problem, and no password', async () => {
    const error = await failure(admin());
    expect(error).toBeInstanceOf(TransportError);
    expect(error.message).toContain('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(DEMO_PASSWORD);
  });

  it('accepts the certificate with an explicit insecureSkipTlsVerify', async () => {
    const client = await admin({ insecureSkipTlsVerify: true });
    expect((await client.cos.list()).map((cos) => cos.name)).toContain('Professional');
    await client.close();
  });

  it('logs in as the PEC postmaster and reads the domain when given the CA', async () => {
    const pec = await PecPostmaster.login({
      url: `${mock.url}/pec`,
      username: 'postmaster@pec.example.it',
      password: DEMO_PASSWORD,
      ca: certs.ca,
    });
    expect((await pec.domain()).name).toBe('pec.example.it');
    await pec.logout();
  });

  it('refuses the PEC login over the untrusted certificate with a TransportError', async () => {
    const error = await failure(
      PecPostmaster.login({
        url: `${mock.url}/pec`,
        username: 'postmaster@pec.example.it',
        password: DEMO_PASSWORD,
        retry: { backoffMs: 5 },
      }),
    );
    expect(error).toBeInstanceOf(TransportError);
    expect(error.message).toContain('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });
});
