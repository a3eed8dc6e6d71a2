import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pecSeeds, startMockServer, zimbraSeeds } from '@casella/mock-server';
import { isZimbraFault, TimeoutError, TransportError, zimbraBatch } from '@casella/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  failure,
  GOOD_PASSWORD,
  loginAs,
  sentRequest,
  startRecorder,
  useDemoAdmin,
} from './zimbra-fixtures.ts';

describe('re-login, retries and time limits', () => {
  const demo = useDemoAdmin({ resetEach: true });
  let standardId: string;
  beforeAll(async () => {
    standardId = (await demo.admin.cos.get('Standard')).id;
  });

  const createOffline = (name: string) =>
    demo.admin.accounts.create({ name, password: GOOD_PASSWORD, cos: standardId }, { policy: false });

  it('logs in again by itself when every token has expired', async () => {
    await demo.admin.accounts.get('mario.rossi@example.com');
    demo.mock.backend.expireAllTokens();
    expect((await demo.admin.accounts.get('mario.rossi@example.com')).sn).toBe('Rossi');
  });

  it('replays a write after re-login exactly once, creating the account once', async () => {
    demo.mock.backend.expireAllTokens();
    const created = await createOffline('dopo.scadenza@example.com');
    expect(created.name).toBe('dopo.scadenza@example.com');
    expect(await demo.admin.accounts.count({ domain: 'example.com', query: '(uid=dopo.scadenza)' })).toBe(1);
  });

  it('shares one AuthRequest among concurrent calls that meet an expired token', async () => {
    const recorder = await startRecorder(demo.mock.url);
    const viaRecorder = await loginAs(demo.mock, 'admin@example.com', { url: recorder.url });
    try {
      demo.mock.backend.expireAllTokens();
      recorder.bodies.length = 0;
      const names = ['mario.rossi', 'giulia.bianchi', 'admin', 'domainadmin'].map((n) => `${n}@example.com`);
      const accounts = await Promise.all(names.map((n) => viaRecorder.accounts.get(n)));
      expect(accounts.map((a) => a.name)).toEqual(names);
      expect(recorder.bodies.filter((b) => sentRequest(b).name === 'AuthRequest')).toHaveLength(1);
    } finally {
      await viaRecorder.close();
      await recorder.close();
    }
  });

  it('logs in again when the server no longer knows the token (service.AUTH_REQUIRED)', async () => {
    const recorder = await startRecorder(demo.mock.url);
    const viaRecorder = await loginAs(demo.mock, 'admin@example.com', { url: recorder.url });
    try {
      demo.mock.reset(); // forgets every token it issued: the next call is answered AUTH_REQUIRED
      recorder.bodies.length = 0;
      expect((await viaRecorder.accounts.get('mario.rossi@example.com')).sn).toBe('Rossi');
      expect(recorder.bodies.filter((b) => sentRequest(b).name === 'AuthRequest')).toHaveLength(1);
    } finally {
      await viaRecorder.close();
      await recorder.close();
    }
  });

  it('logs in again only once: a token that dies again reaches the caller as service.AUTH_EXPIRED', async () => {
    // Tokens of this server expire the moment they are issued.
    const zimbra = { ...zimbraSeeds.demo(), tokenLifetimes: { adminMs: 0 } };
    const dying = await startMockServer({ seed: { zimbra, pec: pecSeeds.empty() } });
    const recorder = await startRecorder(dying.url);
    try {
      const viaRecorder = await loginAs(dying, 'admin@example.com', { url: recorder.url });
      const error = await failure(viaRecorder.accounts.get('mario.rossi@example.com'));
      expect(isZimbraFault(error, 'service.AUTH_EXPIRED')).toBe(true);
      expect(recorder.bodies.filter((b) => sentRequest(b).name === 'AuthRequest')).toHaveLength(2);
      expect(recorder.bodies.filter((b) => sentRequest(b).name === 'GetAccountRequest')).toHaveLength(2);
      await viaRecorder.close();
    } finally {
      await recorder.close();
      await dying.close();
    }
  });

  it('retries a raw read but never a raw write after an injected 503', async () => {
    demo.mock.backend.faults.set({ failNext: 2 });
    const cos = await demo.admin.request('GetAllCosRequest');
    expect(Array.isArray(cos.cos)).toBe(true);
    demo.mock.backend.faults.set({ failNext: 2 });
    const error = await failure(
      demo.admin.request('ModifyAccountRequest', {
        id: '96a0f96b-12bc-4390-971e-996479adc7e7',
        a: { '@_n': 'displayName', '#text': 'Mai due volte' },
      }),
    );
    expect(error).toBeInstanceOf(TransportError);
    expect(demo.mock.backend.faults.settings.failNext).toBe(1);
  });

  it('retries a read after an injected 503 and after a dropped connection', async () => {
    demo.mock.backend.faults.set({ failNext: 2 });
    expect((await demo.admin.accounts.get('mario.rossi@example.com')).givenName).toBe('Mario');
    demo.mock.backend.faults.set({ failNext: 1, failureMode: 'reset' });
    expect((await demo.admin.domains.list()).length).toBeGreaterThan(0);
  });

  it('gives up on a read after its retries with a TransportError carrying the status', async () => {
    demo.mock.backend.faults.set({ failNext: 3 });
    const error = await failure(demo.admin.accounts.get('mario.rossi@example.com'));
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ status: 503 });
  });

  it('never retries a create: an injected 503 is a TransportError and nothing was created', async () => {
    demo.mock.backend.faults.set({ failNext: 1 });
    const error = await failure(createOffline('una.volta@example.com'));
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ status: 503 });
    expect(demo.mock.backend.faults.settings.failNext).toBe(0);
    expect(
      isZimbraFault(
        await failure(demo.admin.accounts.get('una.volta@example.com')),
        'account.NO_SUCH_ACCOUNT',
      ),
    ).toBe(true);
  });

  it('never retries a create after a dropped connection', async () => {
    demo.mock.backend.faults.set({ failNext: 1, failureMode: 'reset' });
    expect(await failure(createOffline('reset.volta@example.com'))).toBeInstanceOf(TransportError);
    demo.mock.backend.faults.clear();
    expect(
      isZimbraFault(
        await failure(demo.admin.accounts.get('reset.volta@example.com')),
        'account.NO_SUCH_ACCOUNT',
      ),
    ).toBe(true);
  });

  it('retries a batch of reads only (GetMailbox) after an injected 503', async () => {
    const mario = await demo.admin.accounts.get('mario.rossi@example.com');
    demo.mock.backend.faults.set({ failNext: 1 });
    const [size] = await demo.admin.batch([zimbraBatch.getMailbox(mario.id)]);
    expect(size?.ok).toBe(true);
    expect(demo.mock.backend.faults.settings.failNext).toBe(0);
  });

  it('never retries a batch holding a write after an injected 503', async () => {
    demo.mock.backend.faults.set({ failNext: 1 });
    const error = await failure(
      demo.admin.batch([
        zimbraBatch.createAccount({ name: 'lotto@example.com', password: GOOD_PASSWORD, cos: standardId }),
      ]),
    );
    expect(error).toBeInstanceOf(TransportError);
    expect(demo.mock.backend.faults.settings.failNext).toBe(0);
  });

  it('stops waiting after timeoutMs with a TimeoutError', async () => {
    // A limit the login itself meets even on a loaded CI machine, and a latency well past it.
    const slow = await loginAs(demo.mock, 'admin@example.com', { timeoutMs: 1000 });
    try {
      demo.mock.backend.faults.set({ latencyMs: 3000 });
      const error = await failure(slow.cos.list());
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ timeoutMs: 1000, code: 'TIMEOUT' });
    } finally {
      demo.mock.backend.faults.clear();
      await slow.close();
    }
  });

  it('stops waiting with a TimeoutError when the answer starts but its body stalls', async () => {
    // Headers and half an envelope, then nothing: the time limit covers the whole answer, not just its start.
    const stalled = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      res.write('<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>');
    });
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    const { port } = stalled.address() as AddressInfo;
    try {
      const error = await failure(
        loginAs({ ...demo.mock, url: `http://127.0.0.1:${port}` }, 'admin@example.com', { timeoutMs: 150 }),
      );
      expect(error).toBeInstanceOf(TimeoutError);
    } finally {
      stalled.closeAllConnections();
      await new Promise((resolve) => stalled.close(resolve));
    }
  });

  it('reports an unreachable server as a TransportError', async () => {
    const closed = await startMockServer({ seed: 'demo' });
    const url = closed.url;
    await closed.close();
    const error = await failure(loginAs({ ...demo.mock, url }));
    expect(error).toBeInstanceOf(TransportError);
    expect(error.message).toMatch(/ECONNREFUSED/);
  });
});
