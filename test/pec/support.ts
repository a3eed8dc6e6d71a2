import { type MockServer, resolveSeed, startMockServer } from '@casella/mock-server';
import { PecPostmaster, type PecRetryOptions } from '@casella/sdk';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { PecBackend, PecSeed } from '../../mock-server/src/pec/index.ts';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'Casella-Demo-1!';
export const POSTMASTER = 'postmaster@pec.example.it';
/** A password that meets the published policy. */
export const GOOD_PASSWORD = 'Nuova-Casella-2026!';

/** The demo mock, or one whose PEC part is the given seed. */
export function startPecMock(pec?: PecSeed, random?: () => number): Promise<MockServer> {
  const seed = pec === undefined ? 'demo' : { zimbra: resolveSeed('empty').zimbra, pec };
  return startMockServer({ seed, ...(random === undefined ? {} : { random }) });
}

/** The demo mock over real HTTP, live for one `describe` block. */
export interface LivePecMock {
  readonly mock: MockServer;
}

/** Starts the demo mock before the block and closes it after; with `resetEach` every test starts from the seed. */
export function usePecMock(options: { resetEach?: boolean } = {}): LivePecMock {
  let mock: MockServer | undefined;
  beforeAll(async () => {
    mock = await startPecMock();
  });
  if (options.resetEach) beforeEach(() => mock?.reset());
  afterAll(() => mock?.close());
  return {
    get mock() {
      if (mock === undefined) throw new Error('the mock is started in beforeAll');
      return mock;
    },
  };
}

/** The PEC emulator behind a mock, with its provider switch. */
export function pecBackend(mock: MockServer): PecBackend {
  return mock.backend.pec as PecBackend;
}

/** Logs in as the demo postmaster; fast retries so fault tests stay quick. */
export function loginDemo(
  mock: MockServer,
  extra: { password?: string; retry?: PecRetryOptions; timeoutMs?: number } = {},
): Promise<PecPostmaster> {
  return PecPostmaster.login({
    url: `${mock.url}/pec`,
    username: POSTMASTER,
    password: extra.password ?? DEMO_PASSWORD,
    retry: { backoffMs: 5, ...extra.retry },
    ...(extra.timeoutMs === undefined ? {} : { timeoutMs: extra.timeoutMs }),
  });
}

/** A raw pec-admin call, for what the SDK refuses to send. */
export async function raw(
  mock: MockServer,
  method: string,
  path: string,
  init: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  // biome-ignore lint/suspicious/noExplicitAny: the answers of many operations, read field by field in tests
): Promise<{ status: number; headers: Headers; body: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...init.headers };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const res = await fetch(`${mock.url}/pec/v1${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** Logs in over raw HTTP and returns the bearer token. */
export async function rawToken(
  mock: MockServer,
  username = POSTMASTER,
  password = DEMO_PASSWORD,
): Promise<string> {
  const res = await raw(mock, 'POST', '/sessions', { body: { username, password } });
  if (res.status !== 201) throw new Error(`login failed with ${res.status}`);
  return res.body.token as string;
}

/** What the SDK throws, seen from a test: the fields of its error classes, all readable. */
export type CaughtError = Error & {
  readonly code: string;
  readonly status?: number;
  readonly field?: string;
  readonly rule?: string;
  readonly issues: readonly { field: string; rule: string; message: string }[];
  readonly requestId?: string;
  readonly timeoutMs?: number;
};

/** Awaits a promise that must reject, and returns what it rejected with. */
export async function failure(promise: Promise<unknown>): Promise<CaughtError> {
  try {
    await promise;
  } catch (error) {
    return error as CaughtError;
  }
  throw new Error('expected a rejection, got a result');
}
