import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { TransportError } from '@casella/sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCertificates, type TestCertificates } from '../mock-server/tls-certificates.ts';
import { FAKE_PASSWORD, loginFake, startFakePec } from './hostile-pec.ts';
import { type HostileServer, startHostileServer } from './hostile-server.ts';
import { failure, GOOD_PASSWORD } from './support.ts';

const servers: HostileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A server that records what reaches it and answers 200: where a redirect would lead. */
async function elsewhere(): Promise<HostileServer> {
  const s = await startHostileServer((_, res) => res.end('{}'));
  servers.push(s);
  return s;
}

describe('the PEC client never follows a redirect', () => {
  it.each([301, 302, 303, 307, 308])(
    'refuses a %i on login: one request on the wire, no password sent to the target',
    async (status) => {
      const target = await elsewhere();
      const server = await startFakePec({
        'POST /pec/v1/sessions': (_, res) => {
          res.writeHead(status, { location: `${target.url}/pec/v1/sessions` }).end();
        },
      });
      servers.push(server);
      const error = await failure(loginFake(server));
      expect(error).toBeInstanceOf(TransportError);
      expect(error).toMatchObject({ code: 'TRANSPORT', status, location: `${target.url}/pec/v1/sessions` });
      expect(error.message).toContain(`redirects to ${target.url}/pec/v1/sessions`);
      expect(error.message).not.toContain(FAKE_PASSWORD);
      expect(server.requests).toHaveLength(1);
      expect(target.requests).toHaveLength(0);
    },
  );

  it.each([307, 308])('refuses a %i on create: the new password never reaches the target', async (status) => {
    const target = await elsewhere();
    const server = await startFakePec({
      'POST /pec/v1/mailboxes': (_, res) => {
        res.writeHead(status, { location: `${target.url}/collect` }).end();
      },
    });
    servers.push(server);
    const pec = await loginFake(server);
    const error = await failure(
      pec.mailboxes.create({ localPart: 'ufficio', password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD }),
    );
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ status, location: `${target.url}/collect` });
    expect(server.requests.filter((r) => r.url === '/pec/v1/mailboxes')).toHaveLength(1);
    expect(target.requests).toHaveLength(0);
  });

  it('sends exactly one request into a 308 loop', async () => {
    const server = await startFakePec({
      'POST /pec/v1/mailboxes': (_, res) => {
        res.writeHead(308, { location: '/pec/v1/mailboxes' }).end();
      },
    });
    servers.push(server);
    const pec = await loginFake(server);
    const error = await failure(
      pec.mailboxes.create({ localPart: 'ufficio', password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD }),
    );
    expect(error).toMatchObject({ status: 308, location: `${server.url}/pec/v1/mailboxes` });
    expect(server.requests.filter((r) => r.url === '/pec/v1/mailboxes')).toHaveLength(1);
  });

  it('refuses a redirect on a read, which is otherwise retried, without a second request', async () => {
    const server = await startFakePec({
      'GET /pec/v1/domain': (_, res) => {
        res.writeHead(302, { location: '/login.html' }).end();
      },
    });
    servers.push(server);
    const pec = await loginFake(server);
    const error = await failure(pec.domain());
    expect(error).toMatchObject({ code: 'TRANSPORT', status: 302, location: `${server.url}/login.html` });
    expect(server.requests.filter((r) => r.url === '/pec/v1/domain')).toHaveLength(1);
  });

  describe('from https to http', () => {
    let certificates: TestCertificates;
    let https: ReturnType<typeof createHttpsServer>;
    let httpsUrl: string;
    let plain: HostileServer;
    beforeAll(async () => {
      certificates = makeTestCertificates();
      plain = await startHostileServer((_, res) => res.end('{}'));
      https = createHttpsServer({ cert: certificates.cert, key: certificates.key }, (req, res) => {
        req.resume();
        res.writeHead(307, { location: `${plain.url}${req.url}` }).end();
      });
      await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
      httpsUrl = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      https.closeAllConnections();
      await new Promise((resolve) => https.close(resolve));
      await plain.close();
      certificates.remove();
    });

    it('never sends the password in clear to the http target', async () => {
      const error = await failure(loginFake({ url: httpsUrl }, { ca: certificates.ca }));
      expect(error).toBeInstanceOf(TransportError);
      expect(error).toMatchObject({ status: 307, location: `${plain.url}/pec/v1/sessions` });
      expect(plain.requests).toHaveLength(0);
    });
  });
});
