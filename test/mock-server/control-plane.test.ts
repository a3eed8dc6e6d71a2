import { describe, expect, it } from 'vitest';
import { useMock } from './soap-helpers.ts';

describe('mock server control plane', () => {
  const demo = useMock();

  it('listens on loopback and answers its health check', async () => {
    expect(demo.mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${demo.mock.url}/__mock/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('fails the next request with a bare 503 when told to, then recovers', async () => {
    const set = await fetch(`${demo.mock.url}/__mock/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failNext: 1 }),
    });
    expect(set.status).toBe(200);
    const failed = await fetch(`${demo.mock.url}/service/admin/soap`, { method: 'POST', body: '<x/>' });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('content-type')).toBe('text/html');
    const settings = await (await fetch(`${demo.mock.url}/__mock/faults`)).json();
    expect(settings.failNext).toBe(0);
  });

  it('drops the connection when the failure mode is reset', async () => {
    demo.mock.backend.faults.set({ failNext: 1, failureMode: 'reset' });
    await expect(
      fetch(`${demo.mock.url}/service/admin/soap`, { method: 'POST', body: '<x/>' }),
    ).rejects.toThrow();
    demo.mock.reset();
    expect(demo.mock.backend.faults.settings.failNext).toBe(0);
  });

  it('answers unknown paths with 404', async () => {
    const res = await fetch(`${demo.mock.url}/nowhere`);
    expect(res.status).toBe(404);
  });
});
