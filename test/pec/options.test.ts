import { PecPostmaster, ValidationError } from '@casella/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_PASSWORD, FAKE_POSTMASTER, startFakePec } from './hostile-pec.ts';
import type { HostileServer } from './hostile-server.ts';
import { failure } from './support.ts';

describe('PecPostmaster.login checks the type of every option before the wire', () => {
  let server: HostileServer;
  beforeAll(async () => {
    server = await startFakePec();
  });
  afterAll(() => server.close());

  const base = () => ({ url: `${server.url}/pec`, username: FAKE_POSTMASTER, password: FAKE_PASSWORD });

  it.each([
    ['insecureSkipTlsVerify', 'false', 'type'],
    ['insecureSkipTlsVerify', 1, 'type'],
    ['ca', 42, 'type'],
    ['timeoutMs', '1000', 'type'],
    ['timeoutMs', 3_000_000_000, 'maximum'],
    ['maxResponseBytes', 0, 'minimum'],
    ['maxResponseBytes', 1024 * 1024 * 1024, 'maximum'],
    ['maxResponseBytes', 1.5, 'type'],
    ['retry', { limit: '2' }, 'type'],
    ['retry', { limitt: 2 }, 'unknownField'],
    ['hooks', { onRequest: 'console.log' }, 'type'],
    ['hooks', { onResponce: () => undefined }, 'unknownField'],
    ['signal', { aborted: false }, 'type'],
    ['insecureSkipTLSVerify', true, 'unknownField'],
  ])('refuses %s = %j with rule %s, sending nothing', async (field, value, rule) => {
    const before = server.requests.length;
    const error = await failure(PecPostmaster.login({ ...base(), [field]: value } as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field?.split('.')[0]).toBe(field);
    expect(error.rule).toBe(rule);
    expect(server.requests.length).toBe(before);
  });

  it('accepts every option with its right type', async () => {
    const pec = await PecPostmaster.login({
      ...base(),
      ca: Buffer.from('unused for http'),
      insecureSkipTlsVerify: false,
      timeoutMs: 5_000,
      retry: { limit: 1, maxRetryAfterMs: 1_000, backoffMs: 10 },
      maxResponseBytes: 1024 * 1024,
      hooks: { onRequest: () => undefined, onResponse: () => undefined },
      signal: new AbortController().signal,
    });
    expect(pec.address).toBe(FAKE_POSTMASTER);
  });

  it('refuses an unknown option on a call, such as a misspelt signal', async () => {
    const pec = await PecPostmaster.login(base());
    const error = await failure(pec.domain({ sginal: AbortSignal.timeout(10) } as never));
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'sginal', rule: 'unknownField' });
  });
});
