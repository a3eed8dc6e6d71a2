import { type MockServer, startMockServer } from '@casella/mock-server';
import { isZimbraFault, TimeoutError, TransportError, type ZimbraAdmin, zimbraBatch } from '@casella/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failure, GOOD_PASSWORD, loginAs, startRecorder } from './zimbra-fixtures.ts';

describe('re-login, retries and time limits', () => {
  let mock: MockServer;
  let admin: ZimbraAdmin;
  let standardId: string;
  beforeAll(async () => {
    mock = await startMockServer({ seed: 'demo' });
    admin = await loginAs(mock);
    standardId = (await admin.cos.get('Standard')).id;
  });
  beforeEach(() => mock.reset());
  afterAll(async () => {
    await admin.close();
    await mock.close();
  });

  const createOffline = (name: string) =>
    admin.accounts.create({ name, password: GOOD_PASSWORD, cos: standardId }, { policy: false });

  it('logs in again by itself when every token has expired', async () => {
    await admin.accounts.get('mario.rossi@example.com');
    mock.backend.expireAllTokens();
    expect((await admin.accounts.get('mario.rossi@example.com')).sn).toBe('Rossi');
  });

  it('replays a write after re-login exactly once, creating the account once', async () => {
    mock.backend.expireAllTokens();
    const created = await createOffline('dopo.scadenza@example.com');
    expect(created.name).toBe('dopo.scadenza@example.com');
    expect(await admin.accounts.count({ domain: 'example.com', query: '(uid=dopo.scadenza)' })).toBe(1);
  });

  it('shares one AuthRequest among concurrent calls that meet an expired token', async () => {
    const recorder = await startRecorder(mock.url);
    const viaRecorder = await loginAs(mock, 'admin@example.com', { url: recorder.url });
    try {
      mock.backend.expireAllTokens();
      recorder.bodies.length = 0;
      const names = ['mario.rossi', 'giulia.bianchi', 'admin', 'domainadmin'].map((n) => `${n}@example.com`);
      const accounts = await Promise.all(names.map((n) => viaRecorder.accounts.get(n)));
      expect(accounts.map((a) => a.name)).toEqual(names);
      expect(recorder.bodies.filter((b) => b.includes('<AuthRequest'))).toHaveLength(1);
    } finally {
      await viaRecorder.close();
      await recorder.close();
    }
  });

  it('retries a read after an injected 503 and after a dropped connection', async () => {
    mock.backend.faults.set({ failNext: 2 });
    expect((await admin.accounts.get('mario.rossi@example.com')).givenName).toBe('Mario');
    mock.backend.faults.set({ failNext: 1, failureMode: 'reset' });
    expect((await admin.domains.list()).length).toBeGreaterThan(0);
  });

  it('gives up on a read after its retries with a TransportError carrying the status', async () => {
    mock.backend.faults.set({ failNext: 3 });
    const error = await failure(admin.accounts.get('mario.rossi@example.com'));
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ status: 503 });
  });

  it('never retries a create: an injected 503 is a TransportError and nothing was created', async () => {
    mock.backend.faults.set({ failNext: 1 });
    const error = await failure(createOffline('una.volta@example.com'));
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ status: 503 });
    expect(mock.backend.faults.settings.failNext).toBe(0);
    expect(
      isZimbraFault(await failure(admin.accounts.get('una.volta@example.com')), 'account.NO_SUCH_ACCOUNT'),
    ).toBe(true);
  });

  it('never retries a create after a dropped connection', async () => {
    mock.backend.faults.set({ failNext: 1, failureMode: 'reset' });
    expect(await failure(createOffline('reset.volta@example.com'))).toBeInstanceOf(TransportError);
    mock.backend.faults.clear();
    expect(
      isZimbraFault(await failure(admin.accounts.get('reset.volta@example.com')), 'account.NO_SUCH_ACCOUNT'),
    ).toBe(true);
  });

  it('never retries a batch after an injected 503', async () => {
    mock.backend.faults.set({ failNext: 1 });
    const error = await failure(
      admin.batch([
        zimbraBatch.createAccount({ name: 'lotto@example.com', password: GOOD_PASSWORD, cos: standardId }),
      ]),
    );
    expect(error).toBeInstanceOf(TransportError);
    expect(mock.backend.faults.settings.failNext).toBe(0);
  });

  it('stops waiting after timeoutMs with a TimeoutError', async () => {
    const slow = await loginAs(mock, 'admin@example.com', { timeoutMs: 100 });
    try {
      mock.backend.faults.set({ latencyMs: 400 });
      const error = await failure(slow.cos.list());
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error).toMatchObject({ timeoutMs: 100, code: 'TIMEOUT' });
    } finally {
      mock.backend.faults.clear();
      await slow.close();
    }
  });

  it('reports an unreachable server as a TransportError', async () => {
    const closed = await startMockServer({ seed: 'demo' });
    const url = closed.url;
    await closed.close();
    const error = await failure(loginAs({ ...mock, url }));
    expect(error).toBeInstanceOf(TransportError);
    expect(error.message).toMatch(/ECONNREFUSED/);
  });
});
