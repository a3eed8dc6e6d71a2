import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { PecPostmaster, TransportError, ValidationError } from '@casella/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCertificates, type TestCertificates } from '../mock-server/tls-certificates.ts';
import { FAKE_PASSWORD, FAKE_POSTMASTER } from './hostile-pec.ts';
import { failure } from './support.ts';

describe('PEC TLS verification cannot be turned off by a look-alike value', () => {
  let certificates: TestCertificates;
  let server: Server;
  let url: string;
  let requests = 0;
  beforeAll(async () => {
    certificates = makeTestCertificates();
    // The certificate is signed by a CA the client is not told about: only skipping verification gets through.
    server = createServer({ cert: certificates.cert, key: certificates.key }, (req, res) => {
      requests++;
      req.resume();
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          token: 't0ken-t0ken',
          tokenType: 'Bearer',
          expiresIn: 60,
          domain: 'pec.example.it',
          principal: { address: FAKE_POSTMASTER, role: 'postmaster' },
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/pec`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    certificates.remove();
  });

  const login = (extra: Record<string, unknown>) =>
    PecPostmaster.login({ url, username: FAKE_POSTMASTER, password: FAKE_PASSWORD, ...extra } as never);

  it('refuses insecureSkipTlsVerify: "false" before connecting, instead of turning verification off', async () => {
    const error = await failure(login({ insecureSkipTlsVerify: 'false' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'insecureSkipTlsVerify', rule: 'type' });
    expect(requests).toBe(0);
  });

  it('refuses the untrusted certificate when verification is on', async () => {
    expect(await failure(login({ insecureSkipTlsVerify: false }))).toBeInstanceOf(TransportError);
    expect(requests).toBe(0);
  });

  it('connects when verification is turned off with the boolean true', async () => {
    const pec = await login({ insecureSkipTlsVerify: true });
    expect(pec.domainName).toBe('pec.example.it');
    expect(requests).toBe(1);
  });
});
