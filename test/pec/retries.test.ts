import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockServer } from '@casella/mock-server';
import { isPecApiError, PecPostmaster, TimeoutError, TransportError } from '@casella/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, failure, loginDemo, POSTMASTER, startPecMock } from './support.ts';

describe('PEC client retries, timeouts and transport failures', () => {
  let mock: MockServer;
  /** Each pec request asks the rate limiter once: `draws` counts them, `limited` decides. */
  let draws = 0;
  let limited: (draw: number) => boolean = () => false;
  beforeAll(async () => {
    mock = await startPecMock(undefined, () => (limited(draws++) ? 0 : 0.999));
  });
  beforeEach(() => {
    mock.reset();
    draws = 0;
    limited = () => false;
  });
  afterAll(() => mock.close());

  it('honours a 429 and repeats the call, which then succeeds', async () => {
    const pec = await loginDemo(mock);
    mock.backend.faults.set({ rateLimitRate: 0.5, retryAfterSeconds: 0 });
    draws = 0;
    limited = (draw) => draw === 0;
    await expect(pec.domain()).resolves.toMatchObject({ name: 'pec.example.it' });
    expect(draws).toBe(2);
  });

  it("waits what the 429's Retry-After says, not its own backoff", async () => {
    // A ten-minute backoff: the call can only finish in time if Retry-After (0 s) decides the wait.
    const pec = await loginDemo(mock, { retry: { backoffMs: 600_000 } });
    mock.backend.faults.set({ rateLimitRate: 0.5, retryAfterSeconds: 0 });
    draws = 0;
    limited = (draw) => draw === 0;
    await expect(pec.mailboxes.get('fatture')).resolves.toMatchObject({ localPart: 'fatture' });
    expect(draws).toBe(2);
  });

  it('caps a long Retry-After instead of waiting an hour', async () => {
    const pec = await loginDemo(mock, { retry: { maxRetryAfterMs: 20 } });
    mock.backend.faults.set({ rateLimitRate: 0.5, retryAfterSeconds: 3600 });
    draws = 0;
    limited = (draw) => draw === 0;
    await expect(pec.mailboxes.get('fatture')).resolves.toMatchObject({ localPart: 'fatture' });
  });

  it('gives up after the retry limit with RATE_LIMITED', async () => {
    const pec = await loginDemo(mock, { retry: { limit: 2 } });
    mock.backend.faults.set({ rateLimitRate: 0.5, retryAfterSeconds: 0 });
    draws = 0;
    limited = () => true;
    const error = await failure(pec.domain());
    expect(isPecApiError(error, 'RATE_LIMITED')).toBe(true);
    expect(error.status).toBe(429);
    expect(draws).toBe(3);
  });

  it('retries a 429 on a password reset, which the server had not performed', async () => {
    const pec = await loginDemo(mock);
    mock.backend.faults.set({ rateLimitRate: 0.5, retryAfterSeconds: 0 });
    draws = 0;
    limited = (draw) => draw === 0;
    await expect(pec.mailboxes.resetPassword('fatture')).resolves.toMatchObject({
      mustChangeAtNextLogin: true,
    });
  });

  it('retries a read that met a bare 503 from a proxy', async () => {
    const pec = await loginDemo(mock);
    mock.backend.faults.set({ failNext: 1 });
    await expect(pec.mailboxes.get('fatture')).resolves.toMatchObject({ localPart: 'fatture' });
  });

  it('does not retry a password reset after a bare 503: TransportError with the status', async () => {
    const pec = await loginDemo(mock);
    mock.backend.faults.set({ failNext: 1 });
    const error = await failure(pec.mailboxes.resetPassword('fatture'));
    expect(error).toBeInstanceOf(TransportError);
    expect(error.status).toBe(503);
  });

  it('retries a read whose connection was dropped', async () => {
    const pec = await loginDemo(mock);
    mock.backend.faults.set({ failNext: 1, failureMode: 'reset' });
    await expect(pec.domain()).resolves.toMatchObject({ name: 'pec.example.it' });
  });

  it('reports a dropped connection on a password change as TransportError, without retrying', async () => {
    const pec = await loginDemo(mock);
    await pec.passwordPolicy();
    mock.backend.faults.set({ failNext: 1, failureMode: 'reset' });
    const pair = { password: 'Nuova-Casella-2026!', passwordConfirm: 'Nuova-Casella-2026!' };
    expect(await failure(pec.mailboxes.changePassword('fatture', pair))).toBeInstanceOf(TransportError);
  });

  it('reports a server that does not listen as TransportError', async () => {
    const closed = await startPecMock();
    const url = `${closed.url}/pec`;
    await closed.close();
    const error = await failure(PecPostmaster.login({ url, username: POSTMASTER, password: DEMO_PASSWORD }));
    expect(error).toBeInstanceOf(TransportError);
  });

  it('reports a server slower than timeoutMs as TimeoutError', async () => {
    const pec = await loginDemo(mock, { timeoutMs: 50 });
    mock.backend.faults.set({ latencyMs: 300 });
    const error = await failure(pec.domain());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.timeoutMs).toBe(50);
  });

  it('stops waiting with a TimeoutError when the answer starts but its body stalls', async () => {
    // Headers and half a JSON body, then nothing: the time limit covers the whole answer.
    const stalled = createServer((_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.write('{"token":"');
    });
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    const { port } = stalled.address() as AddressInfo;
    try {
      const error = await failure(
        PecPostmaster.login({
          url: `http://127.0.0.1:${port}/pec`,
          username: POSTMASTER,
          password: DEMO_PASSWORD,
          timeoutMs: 150,
        }),
      );
      expect(error).toBeInstanceOf(TimeoutError);
    } finally {
      stalled.closeAllConnections();
      await new Promise((resolve) => stalled.close(resolve));
    }
  });
});
