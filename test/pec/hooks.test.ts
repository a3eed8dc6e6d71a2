import { PecPostmaster, type PecRequestEvent, type PecResponseEvent } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { startRecordingProxy } from './proxy.ts';
import { DEMO_PASSWORD, failure, GOOD_PASSWORD, POSTMASTER, usePecMock } from './support.ts';

describe('PEC request and response hooks', () => {
  const demo = usePecMock({ resetEach: true });

  it('see every call with method, path, attempt, status and duration, and never a secret', async () => {
    const proxy = await startRecordingProxy(demo.mock.url);
    const requests: PecRequestEvent[] = [];
    const responses: PecResponseEvent[] = [];
    try {
      const pec = await PecPostmaster.login({
        url: `${proxy.url}/pec`,
        username: POSTMASTER,
        password: DEMO_PASSWORD,
        hooks: { onRequest: (e) => requests.push(e), onResponse: (e) => responses.push(e) },
      });
      await pec.domain();
      const pair = { password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD };
      await pec.mailboxes.create({ localPart: 'gare', ...pair });
      const { temporaryPassword } = await pec.mailboxes.resetPassword('gare');
      const refused = await failure(pec.mailboxes.create({ localPart: 'gare', ...pair }));
      await pec.mailboxes.page({ q: 'gare', pageSize: 5 });
      await pec.logout();

      expect(requests.map((e) => `${e.method} ${e.path} #${e.attempt}`)).toEqual([
        'POST sessions #1',
        'GET domain #1',
        'GET password-policy #1',
        'POST mailboxes #1',
        'POST mailboxes/gare/password-reset #1',
        'POST mailboxes #1',
        'GET mailboxes?page=1&pageSize=5&q=gare #1',
        'DELETE sessions/current #1',
      ]);
      expect(responses.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
        'POST sessions 201',
        'GET domain 200',
        'GET password-policy 200',
        'POST mailboxes 201',
        'POST mailboxes/gare/password-reset 200',
        'POST mailboxes 409',
        'GET mailboxes?page=1&pageSize=5&q=gare 200',
        'DELETE sessions/current 204',
      ]);
      expect(requests[3]?.body).toEqual({
        localPart: 'gare',
        password: '[REDACTED]',
        passwordConfirm: '[REDACTED]',
      });
      expect(responses[0]?.body).toMatchObject({ token: '[REDACTED]', principal: { address: POSTMASTER } });
      expect(responses[4]?.body).toMatchObject({ temporaryPassword: '[REDACTED]' });
      expect(responses[5]?.error).toBe(refused);
      expect(responses[5]?.requestId).toBe(refused.requestId);
      for (const e of responses) expect(e.durationMs).toBeGreaterThanOrEqual(0);

      const seen = JSON.stringify([requests, responses]);
      const tokens = proxy.exchanges.flatMap(
        (e) => /^Bearer (.+)$/.exec(e.headers.authorization ?? '')?.[1] ?? [],
      );
      expect(tokens.length).toBeGreaterThan(0);
      for (const secret of [DEMO_PASSWORD, GOOD_PASSWORD, temporaryPassword, ...tokens]) {
        expect(seen).not.toContain(secret);
      }
    } finally {
      await proxy.close();
    }
  });

  it('counts each retry of a read as a new attempt and reports the final outcome once', async () => {
    const requests: PecRequestEvent[] = [];
    const responses: PecResponseEvent[] = [];
    const pec = await PecPostmaster.login({
      url: `${demo.mock.url}/pec`,
      username: POSTMASTER,
      password: DEMO_PASSWORD,
      retry: { backoffMs: 5, limit: 2 },
      hooks: { onRequest: (e) => requests.push(e), onResponse: (e) => responses.push(e) },
    });
    demo.mock.backend.faults.set({ failNext: 1 });
    await pec.domain();
    const reads = requests.filter((e) => e.path === 'domain');
    expect(reads.map((e) => e.attempt)).toEqual([1, 2]);
    expect(responses.filter((e) => e.path === 'domain').map((e) => e.status)).toEqual([200]);
  });

  it('cannot break a call by throwing', async () => {
    const pec = await PecPostmaster.login({
      url: `${demo.mock.url}/pec`,
      username: POSTMASTER,
      password: DEMO_PASSWORD,
      hooks: {
        onRequest: () => {
          throw new Error('logger down');
        },
        onResponse: () => {
          throw new Error('logger down');
        },
      },
    });
    expect((await pec.domain()).name).toBe('pec.example.it');
  });
});
