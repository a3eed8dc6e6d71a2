// Stalls: the request is handled and its effects kept, and the answer comes only after stallMs.
import { type MockServer, startMockServer } from '@casella/mock-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminToken, DEMO_PASSWORD, envelope } from './soap-helpers.ts';

const create = (name: string) =>
  `<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>${name}</name><password>${DEMO_PASSWORD}</password></CreateAccountRequest>`;
const get = (name: string) =>
  `<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">${name}</account></GetAccountRequest>`;

function post(mock: MockServer, body: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${mock.url}/service/admin/soap`, {
    method: 'POST',
    headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
    body,
    ...(signal === undefined ? {} : { signal }),
  });
}

describe('stalled answers', () => {
  let mock: MockServer;
  let token: string;
  beforeAll(async () => {
    mock = await startMockServer({ seed: 'demo' });
  });
  beforeEach(async () => {
    mock.reset();
    token = await adminToken(mock.url);
  });
  afterAll(() => mock.close());

  it('has done the write when a client with a shorter timeout gives up waiting', async () => {
    mock.backend.faults.set({ stallNext: 1, stallMs: 60_000 });
    const gaveUp = post(mock, envelope(create('lenta@example.com'), token), AbortSignal.timeout(200));
    await expect(gaveUp).rejects.toThrow(/abort|timeout/i);
    const read = await post(mock, envelope(get('lenta@example.com'), token));
    expect(read.status).toBe(200);
    expect(await read.text()).toContain('<account name="lenta@example.com"');
    expect(mock.backend.faults.stats).toMatchObject({ stalled: 1, lostAnswers: 0 });
  });

  it('delivers the stalled answer to a client that waits, whole', async () => {
    mock.backend.faults.set({ stallNext: 1, stallMs: 150 });
    const answer = await post(mock, envelope(create('paziente@example.com'), token));
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('<CreateAccountResponse');
    expect(mock.backend.faults.settings.stallNext).toBe(0);
  });

  it('stalls the requests the injected random picks at stallRate, set through the control plane', async () => {
    const picky = await startMockServer({ seed: 'demo', random: () => 0.3 });
    try {
      const set = await fetch(`${picky.url}/__mock/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ stallRate: 0.5, stallMs: 50 }),
      });
      expect(await set.json()).toMatchObject({ stallRate: 0.5, stallMs: 50 });
      await adminToken(picky.url);
      const stats = await (await fetch(`${picky.url}/__mock/stats`)).json();
      expect(stats).toMatchObject({ requests: 1, stalled: 1 });
    } finally {
      await picky.close();
    }
  });

  it('lets close() end at once while an answer is stalled', async () => {
    const stalling = await startMockServer({ seed: 'demo', faults: { stallNext: 1, stallMs: 300_000 } });
    const pending = post(stalling, envelope('<GetAllCosRequest xmlns="urn:zimbraAdmin"/>')).catch(
      (e: Error) => e,
    );
    // Wait until the request is handled and its answer held back.
    while (stalling.backend.faults.stats.stalled === 0)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await stalling.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
