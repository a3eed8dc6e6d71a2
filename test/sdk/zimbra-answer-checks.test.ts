// Finding 10 of the hardening issue: an answer is accepted only when it is what it claims to be.
import { ResponseValidationError, TransportError, ZimbraAdmin, zimbraBatch } from '@casella/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { failure, GOOD_PASSWORD } from './zimbra-fixtures.ts';
import { authResponse, type HostileServer, sendXml, soap, startHostile } from './zimbra-hostile-server.ts';

const PASSWORD = 'Segreta-Controlli-1!';
const APACHE_502 = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head><title>502 Proxy Error</title></head><body><h1>Proxy Error</h1></body></html>`;

describe('what the Zimbra clients accept as an answer', () => {
  const servers: HostileServer[] = [];
  const start = async (handler: Parameters<typeof startHostile>[0]) => {
    const server = await startHostile(handler);
    servers.push(server);
    return server;
  };
  const login = (url: string) =>
    ZimbraAdmin.login({ url, username: 'admin@example.com', password: PASSWORD, retries: 0 });
  /** A server that logs in, then answers every later request with `answer`. */
  const loggedIn = async (answer: (res: import('node:http').ServerResponse) => void) => {
    const server = await start((_seen, res, i) => (i === 0 ? sendXml(res, authResponse()) : answer(res)));
    return { server, admin: await login(server.url) };
  };
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  it('does not log in with an envelope cut off inside the token', async () => {
    const full = authResponse('0_ababababababababab');
    const cut = full.slice(0, full.indexOf('0_abab') + 8);
    const server = await start((_seen, res) => sendXml(res, cut));
    const error = await failure(login(server.url));
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ status: 200, mayHaveBeenProcessed: true });
  });

  it('refuses XML whose closing tags do not match their opening tags', async () => {
    const server = await start((_seen, res) =>
      sendXml(res, authResponse().replace('</authToken>', '</lifetime>')),
    );
    expect(await failure(login(server.url))).toBeInstanceOf(TransportError);
  });

  it('refuses an envelope in a namespace that is not SOAP', async () => {
    const server = await start((_seen, res) =>
      sendXml(res, authResponse().replace('http://www.w3.org/2003/05/soap-envelope', 'urn:not-soap')),
    );
    expect(await failure(login(server.url))).toBeInstanceOf(TransportError);
  });

  it('refuses the right response element in the wrong namespace', async () => {
    const server = await start((_seen, res) =>
      sendXml(res, authResponse().replace('xmlns="urn:zimbraAdmin"', 'xmlns="urn:zimbraMail"')),
    );
    const error = await failure(login(server.url));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.message).toContain('urn:zimbraMail');
  });

  it('refuses a response element other than the one the request asks for', async () => {
    const server = await start((_seen, res) =>
      sendXml(
        res,
        soap('<GetAccountResponse xmlns="urn:zimbraAdmin"><authToken>x</authToken></GetAccountResponse>'),
      ),
    );
    const error = await failure(login(server.url));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.message).toContain('AuthResponse');
  });

  it('refuses a success body that comes with HTTP 500, saying the request may have been carried out', async () => {
    const server = await start((_seen, res) => sendXml(res, authResponse(), 500));
    const error = await failure(login(server.url));
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ status: 500, mayHaveBeenProcessed: true });
  });

  it('reports an Apache 502 page (with DOCTYPE) on a create as a TransportError that may have happened', async () => {
    const { admin } = await loggedIn((res) => {
      res.writeHead(502, { 'content-type': 'text/html; charset=iso-8859-1' });
      res.end(APACHE_502);
    });
    const error = await failure(
      admin.accounts.create({ name: 'nuova@example.com', password: GOOD_PASSWORD }, { policy: false }),
    );
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ status: 502, mayHaveBeenProcessed: true });
    await admin.close();
  });

  it('reports a 404 page as a TransportError that surely did nothing', async () => {
    const { admin } = await loggedIn((res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body>Not Found</body></html>');
    });
    const error = await failure(
      admin.batch([zimbraBatch.deleteAccount('6b3c1a2e-0c00-11d9-836a-000d93afea2a')]),
    );
    expect(error).toMatchObject({ status: 404, mayHaveBeenProcessed: false });
    await admin.close();
  });

  it('reports plain text and an empty body as TransportErrors carrying the status', async () => {
    for (const [status, body] of [
      [503, 'Service Unavailable'],
      [200, ''],
    ] as const) {
      const { admin } = await loggedIn((res) => {
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(body);
      });
      const error = await failure(admin.domains.list());
      expect(error).toBeInstanceOf(TransportError);
      expect(error).toMatchObject({ status });
      await admin.close();
    }
  });

  it('still refuses an envelope that carries a DOCTYPE of its own', async () => {
    const server = await start((_seen, res) =>
      sendXml(res, `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${authResponse()}`),
    );
    const error = await failure(login(server.url));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.message).toContain('DOCTYPE');
  });
});
