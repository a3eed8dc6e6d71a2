import type { MockServer } from '@casella/mock-server';
import { isPecApiError, PecApiError, PecPostmaster } from '@casella/sdk';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RecordingProxy, startRecordingProxy } from './proxy.ts';
import { DEMO_PASSWORD, failure, POSTMASTER, startPecMock } from './support.ts';

const isLogin = (e: { method: string; url: string }) => e.method === 'POST' && e.url === '/pec/v1/sessions';

describe('PEC transparent re-login on TOKEN_EXPIRED', () => {
  let mock: MockServer;
  let proxy: RecordingProxy | undefined;
  /** When true, the proxy expires every token just before it forwards a call other than a login. */
  let expireBeforeEachCall = false;
  beforeAll(async () => {
    mock = await startPecMock();
  });
  beforeEach(async () => {
    mock.reset();
    expireBeforeEachCall = false;
    proxy = await startRecordingProxy(mock.url, (e) => {
      if (expireBeforeEachCall && !isLogin(e)) mock.backend.expireAllTokens();
      return 'forward';
    });
  });
  afterEach(() => proxy?.close());
  afterAll(() => mock.close());

  const login = (p: RecordingProxy) =>
    PecPostmaster.login({ url: `${p.url}/pec`, username: POSTMASTER, password: DEMO_PASSWORD });

  it('logs in again exactly once after an expiry and repeats the call with the new token', async () => {
    const p = proxy as RecordingProxy;
    const pec = await login(p);
    mock.backend.expireAllTokens();
    await expect(pec.domain()).resolves.toMatchObject({ name: 'pec.example.it' });
    expect(p.exchanges.map((e) => `${e.method} ${e.url} ${e.status}`)).toEqual([
      'POST /pec/v1/sessions 201',
      'GET /pec/v1/domain 401',
      'POST /pec/v1/sessions 201',
      'GET /pec/v1/domain 200',
    ]);
    const [first, , , repeated] = p.exchanges;
    expect(repeated?.headers.authorization).not.toBe(first?.headers.authorization);
  });

  it('gives up with TOKEN_EXPIRED when the new token expires too, instead of logging in again and again', async () => {
    const p = proxy as RecordingProxy;
    const pec = await login(p);
    expireBeforeEachCall = true;
    const error = await failure(pec.domain());
    expect(error).toBeInstanceOf(PecApiError);
    expect(isPecApiError(error, 'TOKEN_EXPIRED')).toBe(true);
    expect(p.exchanges.filter(isLogin)).toHaveLength(2);
    expect(p.exchanges.filter((e) => !isLogin(e))).toHaveLength(2);
  });

  it('shares one re-login among calls that meet the same expiry together', async () => {
    const p = proxy as RecordingProxy;
    const pec = await login(p);
    mock.backend.expireAllTokens();
    await Promise.all([pec.domain(), pec.mailboxes.get('fatture'), pec.passwordPolicy()]);
    expect(p.exchanges.filter(isLogin)).toHaveLength(2);
  });

  it('does not log in again on TOKEN_INVALID: the server forgot the session, PecApiError says so', async () => {
    const p = proxy as RecordingProxy;
    const pec = await login(p);
    mock.reset();
    const error = await failure(pec.domain());
    expect(isPecApiError(error, 'TOKEN_INVALID')).toBe(true);
    expect(error.status).toBe(401);
    expect(p.exchanges.filter(isLogin)).toHaveLength(1);
  });
});
