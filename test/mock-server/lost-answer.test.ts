// Lost answers: the request is handled and its effects kept, then the answer never arrives.
import { createMockBackend, type MockServer, startMockServer } from '@casella/mock-server';
import { createHandlers } from '@casella/mock-server/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, DEMO_PASSWORD, faultCode, soap } from './soap-helpers.ts';

const create = (name: string) =>
  `<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>${name}</name><password>${DEMO_PASSWORD}</password></CreateAccountRequest>`;
const get = (name: string) =>
  `<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">${name}</account></GetAccountRequest>`;

/** A random source that plays back the given values, in order, round and round. */
function sequence(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] as number;
}

async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('lost answers over real HTTP', () => {
  const started: MockServer[] = [];
  const start = async (options: Parameters<typeof startMockServer>[0] = {}) => {
    const mock = await startMockServer({ seed: 'demo', ...options });
    started.push(mock);
    return mock;
  };
  afterEach(async () => {
    for (const mock of started.splice(0)) await mock.close();
  });

  it('drops the connection after a CreateAccount was done, and the account exists afterwards', async () => {
    const mock = await start();
    const token = await adminToken(mock.url);
    expect((await postJson(`${mock.url}/__mock/faults`, { loseNext: 1 })).status).toBe(200);
    await expect(soap(mock.url, create('perso.risposta@example.com'), token)).rejects.toThrow();
    const read = await soap(mock.url, get('perso.risposta@example.com'), token);
    expect(read.status).toBe(200);
    expect(read.text).toContain('<account name="perso.risposta@example.com"');
    const again = await soap(mock.url, create('perso.risposta@example.com'), token);
    expect(faultCode(again.text)).toBe('account.ACCOUNT_EXISTS');
    const stats = await (await fetch(`${mock.url}/__mock/stats`)).json();
    expect(stats).toMatchObject({ lostAnswers: 1, failed: 0, stalled: 0 });
  });

  it('loses exactly the answers the injected random picks at lostAnswerRate, and counts them', async () => {
    const mock = await start({ random: sequence(0.2, 0.7, 0.4, 0.9) });
    const token = await adminToken(mock.url);
    expect((await postJson(`${mock.url}/__mock/faults`, { lostAnswerRate: 0.5 })).status).toBe(200);
    const outcomes: string[] = [];
    for (const n of [1, 2, 3, 4]) {
      outcomes.push(
        await soap(mock.url, create(`giro.${n}@example.com`), token).then(
          (a) => String(a.status),
          () => 'lost',
        ),
      );
    }
    expect(outcomes).toEqual(['lost', '200', 'lost', '200']);
    mock.backend.faults.set({ lostAnswerRate: 0 });
    for (const n of [1, 2, 3, 4]) {
      expect((await soap(mock.url, get(`giro.${n}@example.com`), token)).status).toBe(200);
    }
    expect(mock.backend.faults.stats).toMatchObject({ lostAnswers: 2 });
  });

  it('keeps a PEC mailbox whose create answer was lost', async () => {
    const mock = await start();
    const login = await postJson(`${mock.url}/pec/v1/sessions`, {
      username: 'postmaster@pec.example.it',
      password: DEMO_PASSWORD,
    });
    const { token } = (await login.json()) as { token: string };
    mock.backend.faults.set({ loseNext: 1 });
    const pair = { password: 'Nuova-Casella-2026!', passwordConfirm: 'Nuova-Casella-2026!' };
    await expect(
      fetch(`${mock.url}/pec/v1/mailboxes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ localPart: 'persa', ...pair }),
      }),
    ).rejects.toThrow();
    const read = await fetch(`${mock.url}/pec/v1/mailboxes/persa`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(read.status).toBe(200);
    expect((await read.json()).address).toBe('persa@pec.example.it');
  });

  it('counts failures before handling apart from lost answers, and zeroes the counts on reset', async () => {
    const mock = await start();
    mock.backend.faults.set({ failNext: 1, loseNext: 1 });
    expect((await soap(mock.url, '<GetAllCosRequest xmlns="urn:zimbraAdmin"/>')).status).toBe(503);
    await expect(soap(mock.url, '<GetAllCosRequest xmlns="urn:zimbraAdmin"/>')).rejects.toThrow();
    expect(mock.backend.faults.stats).toEqual({
      requests: 2,
      failed: 1,
      rateLimited: 0,
      lostAnswers: 1,
      stalled: 0,
    });
    expect((await postJson(`${mock.url}/__mock/reset`, {})).status).toBe(204);
    expect(mock.backend.faults.stats).toEqual({
      requests: 0,
      failed: 0,
      rateLimited: 0,
      lostAnswers: 0,
      stalled: 0,
    });
  });
});

describe('lost answers through msw', () => {
  const ORIGIN = 'https://zimbra.casella.test:7071';
  const backend = createMockBackend({ seed: 'demo' });
  const server = setupServer(...createHandlers(backend));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('answers a network error after handling, with the effects kept', async () => {
    const token = await adminToken(ORIGIN);
    backend.faults.set({ loseNext: 1 });
    await expect(soap(ORIGIN, create('msw.persa@example.com'), token)).rejects.toThrow();
    expect((await soap(ORIGIN, get('msw.persa@example.com'), token)).status).toBe(200);
    expect(backend.faults.stats.lostAnswers).toBe(1);
  });
});
