import {
  createMockBackend,
  FaultSettingError,
  isLoopbackHost,
  type MockServer,
  NO_FAULTS,
  startMockServer,
} from '@casella/mock-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from './raw-http.ts';
import { soap, useMock } from './soap-helpers.ts';

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

describe('mock server control plane: who may use it', () => {
  const demo = useMock();
  const port = () => new URL(demo.mock.url).port;
  const faults = (headers: Record<string, string>, body = '{"latencyMs":50000}') =>
    rawRequest(demo.mock.url, { path: '/__mock/faults', headers, body });
  afterEach(() => demo.mock.reset());

  it("refuses a cross-site text/plain POST, a web page's only unpreflighted way, and changes nothing", async () => {
    const answer = await faults({ 'content-type': 'text/plain', origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.text)).toMatchObject({ field: 'origin', rule: 'sameOrigin' });
    const noOrigin = await faults({ 'content-type': 'text/plain;charset=UTF-8' });
    expect(noOrigin.status).toBe(415);
    expect(JSON.parse(noOrigin.text)).toMatchObject({ field: 'content-type', rule: 'json' });
    const reset = await rawRequest(demo.mock.url, {
      path: '/__mock/reset',
      headers: { 'content-type': 'text/plain' },
    });
    expect(reset.status).toBe(415);
    expect(demo.mock.backend.faults.settings.latencyMs).toBe(0);
  });

  it('refuses a Host that is not loopback (DNS rebinding), on reads too', async () => {
    for (const host of [`evil.example:${port()}`, `127.0.0.1.evil.example:${port()}`, `127.0.0.255.nip.io`]) {
      const answer = await faults({ 'content-type': 'application/json', host });
      expect(answer.status, host).toBe(403);
      expect(JSON.parse(answer.text)).toMatchObject({ field: 'host', rule: 'loopback' });
    }
    const read = await rawRequest(demo.mock.url, {
      method: 'GET',
      path: '/__mock/faults',
      headers: { host: 'evil.example' },
    });
    expect(read.status).toBe(403);
    // A Host that is no host at all is a bad request before any route.
    expect((await faults({ 'content-type': 'application/json', host: `127.0.0.256:${port()}` })).status).toBe(
      400,
    );
    expect(demo.mock.backend.faults.settings.latencyMs).toBe(0);
  });

  it('accepts loopback names with and without a port, and its own Origin', async () => {
    for (const host of ['localhost', `localhost:${port()}`, `[::1]:${port()}`, `127.8.9.10:${port()}`]) {
      const answer = await faults(
        { 'content-type': 'application/json', host, origin: `http://${host}` },
        '{"latencyMs":1}',
      );
      expect(answer.status, host).toBe(200);
    }
    expect(demo.mock.backend.faults.settings.latencyMs).toBe(1);
    expect(isLoopbackHost('127.255.255.255:65535')).toBe(true);
    expect(isLoopbackHost('[::2]')).toBe(false);
  });

  it('refuses another Origin and a cross-site Sec-Fetch-Site even with a JSON body', async () => {
    const other = await faults({
      'content-type': 'application/json',
      origin: `http://127.0.0.1:${Number(port()) + 1}`,
    });
    expect(other.status).toBe(403);
    const nullOrigin = await faults({ 'content-type': 'application/json', origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    const site = await faults({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' });
    expect(site.status).toBe(403);
    expect(JSON.parse(site.text)).toMatchObject({ field: 'sec-fetch-site' });
    expect(demo.mock.backend.faults.settings.latencyMs).toBe(0);
  });

  it('refuses every bad fault value with 400 naming the field and the rule, changing nothing', async () => {
    const cases: [unknown, string, string][] = [
      [{ latencyMs: 1e12 }, 'latencyMs', 'range'],
      [{ latencyMs: 1.5 }, 'latencyMs', 'integer'],
      [{ stallMs: 300_001 }, 'stallMs', 'range'],
      [{ failureRate: '0.5' }, 'failureRate', 'type'],
      [{ lostAnswerRate: 1.01 }, 'lostAnswerRate', 'range'],
      [{ failureMode: 'sometimes' }, 'failureMode', 'enum'],
      [{ failNext: -1 }, 'failNext', 'range'],
      [{ retryAfterSeconds: null }, 'retryAfterSeconds', 'type'],
      [{ latncyMs: 5 }, 'latncyMs', 'unknown'],
      [{ failNext: 1, latencyMs: 'slow' }, 'latencyMs', 'type'],
      [[1, 2], '(body)', 'object'],
    ];
    for (const [body, field, rule] of cases) {
      const answer = await faults({ 'content-type': 'application/json' }, JSON.stringify(body));
      expect(answer.status, JSON.stringify(body)).toBe(400);
      const problem = JSON.parse(answer.text);
      expect(problem, JSON.stringify(body)).toMatchObject({ field, rule });
      if (field !== '(body)') expect(problem.error).toContain(field);
    }
    const broken = await faults({ 'content-type': 'application/json' }, '{"latencyMs":');
    expect(JSON.parse(broken.text)).toMatchObject({ field: '(body)', rule: 'json' });
    expect(demo.mock.backend.faults.settings).toEqual(NO_FAULTS);
  });

  it('refuses bad values given in code too, with a FaultSettingError naming the field', () => {
    expect(() => demo.mock.backend.faults.set({ latencyMs: Number.POSITIVE_INFINITY })).toThrow(
      FaultSettingError,
    );
    expect(() => demo.mock.backend.faults.set({ stallRate: 2 })).toThrow(
      /stallRate must be a number from 0 to 1/,
    );
    expect(() => createMockBackend({ faults: { failNext: 0.5 } })).toThrow(/failNext must be a whole number/);
    expect(demo.mock.backend.faults.settings).toEqual(NO_FAULTS);
  });
});

describe('mock server with the control plane turned off', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ seed: 'demo', controlPlane: false });
  });
  afterAll(() => mock.close());

  it('answers 404 on every /__mock path and keeps serving Zimbra, with faults still set in code', async () => {
    expect(mock.backend.controlPlane).toBe(false);
    for (const [method, path] of [
      ['GET', '/__mock/health'],
      ['GET', '/__mock/faults'],
      ['POST', '/__mock/faults'],
      ['POST', '/__mock/reset'],
    ] as const) {
      const answer = await rawRequest(mock.url, {
        method,
        path,
        headers: { 'content-type': 'application/json' },
        ...(method === 'POST' ? { body: '{"failNext":1}' } : {}),
      });
      expect(answer.status, `${method} ${path}`).toBe(404);
    }
    expect(mock.backend.faults.settings.failNext).toBe(0);
    mock.backend.faults.set({ failNext: 1 });
    expect((await soap(mock.url, '<GetAllCosRequest xmlns="urn:zimbraAdmin"/>')).status).toBe(503);
  });
});
