// Finding 1 of the hardening issue: a redirect is never followed, so no body, password or token reaches its target.
import { TransportError, ZimbraAccount, ZimbraAdmin } from '@casella/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestCertificates } from '../mock-server/tls-certificates.ts';
import { failure } from './zimbra-fixtures.ts';
import { authResponse, type HostileServer, sendXml, startHostile } from './zimbra-hostile-server.ts';

const PASSWORD = 'Segreta-Redirect-1!';
const TOKEN = '0_token_that_must_not_travel_42';

describe('redirects from a Zimbra endpoint', () => {
  const servers: HostileServer[] = [];
  const start = async (...args: Parameters<typeof startHostile>) => {
    const server = await startHostile(...args);
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  it.each([301, 302, 303, 307, 308])(
    'refuses a %i on login with a TransportError naming the target, which never hears from the SDK',
    async (status) => {
      const target = await start((_seen, res) => sendXml(res, authResponse()));
      const origin = await start((_seen, res) => {
        res.writeHead(status, { location: `${target.url}/service/admin/soap?token=leak` });
        res.end();
      });
      const error = await failure(
        ZimbraAdmin.login({ url: origin.url, username: 'admin@example.com', password: PASSWORD }),
      );
      expect(error).toBeInstanceOf(TransportError);
      expect(error).toMatchObject({
        status,
        location: `${target.url}/service/admin/soap`,
        mayHaveBeenProcessed: false,
      });
      expect(error.message).toContain(`${target.url}/service/admin/soap`);
      expect(error.message).not.toContain('leak');
      expect(origin.requests).toHaveLength(1);
      expect(target.requests).toHaveLength(0);
    },
  );

  it('sends exactly one request to a server that redirects to itself (a 308 loop)', async () => {
    const loop = await start((seen, res) => {
      res.writeHead(308, { location: seen.path });
      res.end();
    });
    const error = await failure(
      ZimbraAdmin.login({ url: loop.url, username: 'admin@example.com', password: PASSWORD }),
    );
    expect(error).toBeInstanceOf(TransportError);
    expect(loop.requests).toHaveLength(1);
  });

  it('never sends the password in clear when an https endpoint redirects to http', async () => {
    const plain = await start((_seen, res) => sendXml(res, authResponse()));
    const certs = makeTestCertificates();
    certs.remove();
    const secure = await start(
      (_seen, res) => {
        res.writeHead(307, { location: `${plain.url}/service/admin/soap` });
        res.end();
      },
      { key: certs.key, cert: certs.cert },
    );
    const error = await failure(
      ZimbraAdmin.login({ url: secure.url, username: 'admin@example.com', password: PASSWORD, ca: certs.ca }),
    );
    expect(error).toMatchObject({ status: 307, location: `${plain.url}/service/admin/soap` });
    expect(secure.requests).toHaveLength(1);
    expect(plain.requests).toHaveLength(0);
  });

  it('does not carry the token of a logged-in client to a redirect target', async () => {
    const target = await start((_seen, res) => sendXml(res, authResponse()));
    const origin = await start((_seen, res, i) => {
      if (i === 0) return sendXml(res, authResponse(TOKEN));
      res.writeHead(307, { location: `${target.url}/service/admin/soap` });
      res.end();
    });
    const admin = await ZimbraAdmin.login({
      url: origin.url,
      username: 'admin@example.com',
      password: PASSWORD,
    });
    const error = await failure(admin.accounts.get('mario.rossi@example.com'));
    expect(error).toMatchObject({ status: 307, mayHaveBeenProcessed: false });
    expect(target.requests).toHaveLength(0);
    await admin.logout();
    await admin.close();
  });

  it('refuses a redirect on an owner password change: the new password goes nowhere else', async () => {
    const target = await start((_seen, res) => {
      res.end();
    });
    const origin = await start((_seen, res) => {
      res.writeHead(302, { location: `${target.url}/service/soap` });
      res.end();
    });
    const error = await failure(
      ZimbraAccount.changePassword({
        url: origin.url,
        username: 'mario.rossi@example.com',
        oldPassword: PASSWORD,
        newPassword: 'Nuova-Redirect-2!',
      }),
    );
    expect(error).toBeInstanceOf(TransportError);
    expect(origin.requests).toHaveLength(1);
    expect(target.requests).toHaveLength(0);
  });
});
