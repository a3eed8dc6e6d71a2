import type { MockServer } from '@casella/mock-server';
import { PecPostmaster, ValidationError } from '@casella/sdk';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Exchange, type RecordingProxy, startRecordingProxy } from './proxy.ts';
import { DEMO_PASSWORD, failure, GOOD_PASSWORD, loginDemo, POSTMASTER, startPecMock } from './support.ts';

const pair = { password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD };
const creates = (p: RecordingProxy): Exchange[] =>
  p.exchanges.filter((e) => e.method === 'POST' && e.url === '/pec/v1/mailboxes');

describe('PEC create retried only with the same Idempotency-Key', () => {
  let mock: MockServer;
  let proxy: RecordingProxy | undefined;
  /** How many answers of a create the proxy still cuts after the mock acted. */
  let dropCreateAnswers = 0;
  beforeAll(async () => {
    mock = await startPecMock();
  });
  beforeEach(async () => {
    mock.reset();
    dropCreateAnswers = 0;
    proxy = await startRecordingProxy(mock.url, (e) => {
      if (e.method === 'POST' && e.url === '/pec/v1/mailboxes' && dropCreateAnswers > 0) {
        dropCreateAnswers--;
        return 'drop-answer';
      }
      return 'forward';
    });
  });
  afterEach(() => proxy?.close());
  afterAll(() => mock.close());

  const login = (p: RecordingProxy) =>
    PecPostmaster.login({
      url: `${p.url}/pec`,
      username: POSTMASTER,
      password: DEMO_PASSWORD,
      retry: { backoffMs: 5 },
    });

  it('repeats a create whose answer was lost with the same key, and gets the mailbox created once', async () => {
    const p = proxy as RecordingProxy;
    const pec = await login(p);
    dropCreateAnswers = 1;
    const created = await pec.mailboxes.create({ localPart: 'gare', ...pair });
    expect(created).toMatchObject({ address: 'gare@pec.example.it', status: 'active' });
    const [lost, repeated] = creates(p);
    expect(creates(p)).toHaveLength(2);
    expect(lost?.status).toBeUndefined();
    expect(repeated?.status).toBe(201);
    expect(repeated?.headers['idempotency-key']).toBe(lost?.headers['idempotency-key']);
    expect((await pec.domain()).mailboxCount).toBe(14);
  });

  it('sends a fresh key with every create call, so two calls never replay each other', async () => {
    const p = proxy as RecordingProxy;
    const pec = await login(p);
    await pec.mailboxes.create({ localPart: 'gare', ...pair });
    await pec.mailboxes.create({ localPart: 'bandi', ...pair });
    const keys = creates(p).map((e) => e.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[\x21-\x7e]{1,255}$/);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('keeps the key of a create repeated after a transparent re-login', async () => {
    const p = proxy as RecordingProxy;
    const pec = await login(p);
    await pec.passwordPolicy();
    mock.backend.expireAllTokens();
    await pec.mailboxes.create({ localPart: 'gare', ...pair }, { idempotencyKey: 'gare-2026-01' });
    expect(creates(p).map((e) => [e.status, e.headers['idempotency-key']])).toEqual([
      [401, 'gare-2026-01'],
      [201, 'gare-2026-01'],
    ]);
  });

  it('refuses an Idempotency-Key the contract does not allow before the wire', async () => {
    const pec = await loginDemo(mock);
    for (const idempotencyKey of ['', 'has space', 'k'.repeat(256), 'chiave-è']) {
      const error = await failure(pec.mailboxes.create({ localPart: 'gare', ...pair }, { idempotencyKey }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: 'idempotencyKey', rule: 'regex' });
    }
    expect((await pec.domain()).mailboxCount).toBe(13);
  });
});
