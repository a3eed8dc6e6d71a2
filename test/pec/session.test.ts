import { isPecApiError, PecApiError, PecPostmaster, ValidationError } from '@casella/sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD, failure, loginDemo, POSTMASTER, raw, rawToken, usePecMock } from './support.ts';

describe('PEC postmaster session', () => {
  const demo = usePecMock({ resetEach: true });
  afterEach(() => vi.useRealTimers());

  it('logs the postmaster in, scoped to the PEC domain of the address', async () => {
    const pec = await loginDemo(demo.mock);
    expect(pec.address).toBe(POSTMASTER);
    expect(pec.domainName).toBe('pec.example.it');
  });

  it('answers a login with a 900 second bearer token and no caching', async () => {
    const res = await raw(demo.mock, 'POST', '/sessions', {
      body: { username: POSTMASTER, password: DEMO_PASSWORD },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, domain: 'pec.example.it' });
    expect(res.body.principal).toEqual({ address: POSTMASTER, role: 'postmaster' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a wrong password with INVALID_CREDENTIALS', async () => {
    const error = await failure(loginDemo(demo.mock, { password: 'Wrong-Password-1!' }));
    expect(isPecApiError(error, 'INVALID_CREDENTIALS')).toBe(true);
    expect(error.status).toBe(401);
  });

  it('refuses an unknown domain with the same INVALID_CREDENTIALS, revealing nothing', async () => {
    const error = await failure(
      PecPostmaster.login({
        url: `${demo.mock.url}/pec`,
        username: 'postmaster@pec.nowhere.it',
        password: DEMO_PASSWORD,
      }),
    );
    expect(isPecApiError(error, 'INVALID_CREDENTIALS')).toBe(true);
  });

  it('refuses an ordinary mailbox that logs in with its right password: NOT_POSTMASTER', async () => {
    const error = await failure(
      PecPostmaster.login({
        url: `${demo.mock.url}/pec`,
        username: 'mario.rossi@pec.example.it',
        password: DEMO_PASSWORD,
      }),
    );
    expect(isPecApiError(error, 'NOT_POSTMASTER')).toBe(true);
    expect(error.status).toBe(403);
  });

  it('locks the username after five failed logins, even for the right password, then lifts it after 15 minutes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    for (let i = 0; i < 5; i++) {
      expect((await failure(loginDemo(demo.mock, { password: `Wrong-${i}-Password!` }))).code).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    const locked = await failure(loginDemo(demo.mock));
    expect(isPecApiError(locked, 'ACCOUNT_LOCKED')).toBe(true);
    expect(locked.status).toBe(423);
    const res = await raw(demo.mock, 'POST', '/sessions', {
      body: { username: POSTMASTER, password: DEMO_PASSWORD },
    });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    vi.setSystemTime(Date.now() + 15 * 60 * 1000 + 1000);
    await expect(loginDemo(demo.mock)).resolves.toBeInstanceOf(PecPostmaster);
  });

  it('refuses malformed login options before the wire, naming the field', async () => {
    const badUrl = await failure(
      PecPostmaster.login({ url: 'ftp://x', username: POSTMASTER, password: 'x' }),
    );
    expect(badUrl).toBeInstanceOf(ValidationError);
    expect(badUrl.field).toBe('url');
    const badUser = await failure(
      PecPostmaster.login({ url: `${demo.mock.url}/pec`, username: 'postmaster', password: 'x' }),
    );
    expect(badUser.field).toBe('username');
  });

  it('answers a login body that is not JSON, or has wrong types, with VALIDATION_FAILED naming each field', async () => {
    const notJson = await raw(demo.mock, 'POST', '/sessions', { rawBody: '{"username":' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('VALIDATION_FAILED');
    const types = await raw(demo.mock, 'POST', '/sessions', { body: { username: 42 } });
    expect(types.body.error.details).toEqual([
      expect.objectContaining({ field: 'username', rule: 'type' }),
      expect.objectContaining({ field: 'password', rule: 'required' }),
    ]);
  });

  it('logs out: the server forgets the token and the client refuses further calls', async () => {
    const token = await rawToken(demo.mock);
    expect((await raw(demo.mock, 'DELETE', '/sessions/current', { token })).status).toBe(204);
    const after = await raw(demo.mock, 'GET', '/domain', { token });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('TOKEN_INVALID');

    const pec = await loginDemo(demo.mock);
    await pec.logout();
    expect((await failure(pec.domain())).code).toBe('SESSION_CLOSED');
  });

  it('answers a missing or unknown bearer token with TOKEN_INVALID', async () => {
    expect((await raw(demo.mock, 'GET', '/domain')).body.error.code).toBe('TOKEN_INVALID');
    const bogus = await raw(demo.mock, 'GET', '/domain', { token: 'not-a-token' });
    expect(bogus.status).toBe(401);
    expect(bogus.body.error.code).toBe('TOKEN_INVALID');
  });

  it('answers an expired token with TOKEN_EXPIRED', async () => {
    const token = await rawToken(demo.mock);
    demo.mock.backend.expireAllTokens();
    const res = await raw(demo.mock, 'GET', '/domain', { token });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('TOKEN_EXPIRED');
  });

  it('logs in again by itself, once, when the token expires, and repeats the call', async () => {
    const pec = await loginDemo(demo.mock);
    demo.mock.backend.expireAllTokens();
    await expect(pec.domain()).resolves.toMatchObject({ name: 'pec.example.it' });
  });

  it('logs in again after the 900 seconds of a session have passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const pec = await loginDemo(demo.mock);
    vi.setSystemTime(Date.now() + 901_000);
    await expect(pec.mailboxes.get('fatture')).resolves.toMatchObject({ address: 'fatture@pec.example.it' });
  });

  it('gives up with the login error when the re-login itself is refused', async () => {
    const pec = await loginDemo(demo.mock);
    demo.mock.backend.expireAllTokens();
    // Five failures lock the postmaster, so the transparent re-login is refused.
    for (let i = 0; i < 5; i++) await failure(loginDemo(demo.mock, { password: `Wrong-${i}-Password!` }));
    const error = await failure(pec.domain());
    expect(error).toBeInstanceOf(PecApiError);
    expect(error.code).toBe('ACCOUNT_LOCKED');
  });

  it('treats logging out of an already expired session as done', async () => {
    const pec = await loginDemo(demo.mock);
    demo.mock.backend.expireAllTokens();
    await expect(pec.logout()).resolves.toBeUndefined();
  });
});
