// Finding 9 of the hardening issue: logout() and close() end the session on the server, not only locally.
import { startMockServer } from '@casella/mock-server';
import { ZimbraAccount, ZimbraAdmin } from '@casella/sdk';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { loginAs, startRecorder } from './zimbra-fixtures.ts';
import {
  type HostileServer,
  type SeenRequest,
  sendXml,
  soap,
  startHostile,
} from './zimbra-hostile-server.ts';

const TOKEN = '0_session_token_to_end_0123456789';
const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false });

/** A server that answers AuthRequest, ChangePassword and EndSession as Zimbra does. */
function zimbraLike(seen: SeenRequest, res: import('node:http').ServerResponse): void {
  const ns = /<(\w+)Request xmlns="([^"]+)"/.exec(seen.body);
  const [name, namespace] = [ns?.[1] ?? '', ns?.[2] ?? ''];
  const inner =
    name === 'Auth'
      ? `<authToken>${TOKEN}</authToken><lifetime>43200000</lifetime>`
      : name === 'ChangePassword'
        ? `<authToken>${TOKEN}</authToken><lifetime>43200000</lifetime>`
        : '';
  sendXml(res, soap(`<${name}Response xmlns="${namespace}">${inner}</${name}Response>`));
}

function request(seen: SeenRequest) {
  const envelope = parser.parse(seen.body).Envelope;
  const [name] = Object.keys(envelope.Body);
  return { name, element: envelope.Body[name as string], context: envelope.Header.context };
}

describe('ending the Zimbra session on the server', () => {
  const servers: HostileServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });
  const start = async () => {
    const server = await startHostile(zimbraLike);
    servers.push(server);
    return server;
  };

  it('sends EndSessionRequest logoff="1" (urn:zimbraAccount, on the admin endpoint) with the token when an admin client closes', async () => {
    const server = await start();
    const admin = await ZimbraAdmin.login({
      url: server.url,
      username: 'admin@example.com',
      password: 'Segreta-Fine-1!',
    });
    const result = await admin.close();
    expect(result).toEqual({ ended: true });
    expect(server.requests).toHaveLength(2);
    const end = request(server.requests[1] as SeenRequest);
    expect(end.name).toBe('EndSessionRequest');
    expect(end.element).toMatchObject({ '@_logoff': '1' });
    expect(server.requests[1]?.path).toBe('/service/admin/soap');
    expect(server.requests[1]?.body).toContain('<EndSessionRequest xmlns="urn:zimbraAccount" logoff="1"/>');
    expect(end.context.authToken).toBe(TOKEN);
    // Zimbra ignores EndSession in a nosession context.
    expect(end.context).not.toHaveProperty('nosession');
  });

  it('ends the session on logout() and then refuses calls locally without another request', async () => {
    const server = await start();
    const admin = await ZimbraAdmin.login({
      url: server.url,
      username: 'admin@example.com',
      password: 'Segreta-Fine-1!',
    });
    expect(await admin.logout()).toEqual({ ended: true });
    await expect(admin.domains.list()).rejects.toMatchObject({ code: 'LOGGED_OUT' });
    expect(await admin.close()).toEqual({ ended: true });
    expect(server.requests.map((r) => request(r).name)).toEqual(['AuthRequest', 'EndSessionRequest']);
  });

  it('says when the server could not confirm the end of the session, without throwing', async () => {
    const server = await startHostile((seen, res, i) => {
      if (i === 0) zimbraLike(seen, res);
      else res.destroy();
    });
    servers.push(server);
    const admin = await ZimbraAdmin.login({
      url: server.url,
      username: 'admin@example.com',
      password: 'Segreta-Fine-1!',
    });
    const result = await admin.close();
    expect(result.ended).toBe(false);
    expect(result.error).toMatchObject({ code: 'TRANSPORT' });
  });

  it('ends the fresh session a ChangePassword hands back, in urn:zimbraAccount', async () => {
    const server = await start();
    await ZimbraAccount.changePassword({
      url: server.url,
      username: 'mario.rossi@example.com',
      oldPassword: 'Vecchia-Pass-1!',
      newPassword: 'Nuova-Pass-22!',
    });
    expect(server.requests).toHaveLength(2);
    const end = request(server.requests[1] as SeenRequest);
    expect(end.name).toBe('EndSessionRequest');
    expect(end.element).toMatchObject({ '@_logoff': '1' });
    expect(server.requests[1]?.body).toContain('<EndSessionRequest xmlns="urn:zimbraAccount" logoff="1"/>');
    expect(end.context.authToken).toBe(TOKEN);
  });
});

describe('the token after close(), against the mock', () => {
  it('is refused by the server once the client has closed', async () => {
    const mock = await startMockServer({ seed: 'demo' });
    const recorder = await startRecorder(mock.url);
    try {
      const admin = await loginAs(mock, 'admin@example.com', { url: recorder.url });
      await admin.cos.list();
      const token = tokenIn(recorder.bodies);
      expect(token.length).toBeGreaterThan(8);
      expect(await admin.close()).toEqual({ ended: true });
      const answer = await fetch(`${mock.url}/service/admin/soap`, {
        method: 'POST',
        headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
        body: `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header><context xmlns="urn:zimbra"><authToken>${token}</authToken></context></soap:Header><soap:Body><GetAllCosRequest xmlns="urn:zimbraAdmin"/></soap:Body></soap:Envelope>`,
      });
      const text = await answer.text();
      expect(answer.status).toBe(500);
      expect(text).toMatch(/service\.AUTH_(EXPIRED|REQUIRED)/);
    } finally {
      await recorder.close();
      await mock.close();
    }
  });
});

/** The token the client sent, in either wire. */
function tokenIn(bodies: readonly string[]): string {
  for (const body of bodies) {
    const m = /<authToken>([^<]+)<\/authToken>|"authToken":\{"_content":"([^"]+)"/.exec(body);
    const token = m?.[1] ?? m?.[2];
    if (token !== undefined) return token;
  }
  return '';
}
