import { type MockServer, startMockServer } from '@casella/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('mock server control plane', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ seed: 'demo' });
  });
  afterAll(() => mock.close());

  it('listens on loopback and answers its health check', async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${mock.url}/__mock/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('fails the next request with a bare 503 when told to, then recovers', async () => {
    const set = await fetch(`${mock.url}/__mock/faults`, {
      method: 'POST',
      body: JSON.stringify({ failNext: 1 }),
    });
    expect(set.status).toBe(200);
    const failed = await fetch(`${mock.url}/service/admin/soap`, { method: 'POST', body: '<x/>' });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('content-type')).toBe('text/html');
    const settings = await (await fetch(`${mock.url}/__mock/faults`)).json();
    expect(settings.failNext).toBe(0);
  });

  it('drops the connection when the failure mode is reset', async () => {
    mock.backend.faults.set({ failNext: 1, failureMode: 'reset' });
    await expect(fetch(`${mock.url}/service/admin/soap`, { method: 'POST', body: '<x/>' })).rejects.toThrow();
    mock.reset();
    expect(mock.backend.faults.settings.failNext).toBe(0);
  });

  it('answers unknown paths with 404', async () => {
    const res = await fetch(`${mock.url}/nowhere`);
    expect(res.status).toBe(404);
  });
});
