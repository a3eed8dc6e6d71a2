import type { ServerResponse } from 'node:http';
import { DEFAULT_PEC_PASSWORD_POLICY, PecPostmaster } from '@casella/sdk';
import { type HostileRequest, type HostileServer, startHostileServer } from './hostile-server.ts';

/** The token the fake server hands out; tests look for it where it must not be. */
export const FAKE_TOKEN = 'fake-token-8b1f0c9e2d';
export const FAKE_POSTMASTER = 'postmaster@pec.example.it';
export const FAKE_PASSWORD = 'Segreta-Finta-42!';

/** Answers one route of the fake pec-admin server; return false to fall back to the well-behaved answer. */
export type FakeRoute = (request: HostileRequest, res: ServerResponse) => unknown;

/** JSON answer helper. */
export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function wellBehaved(request: HostileRequest, res: ServerResponse): void {
  const route = `${request.method} ${request.url.split('?')[0]}`;
  if (route === 'POST /pec/v1/sessions') {
    json(res, 201, {
      token: FAKE_TOKEN,
      tokenType: 'Bearer',
      expiresIn: 3600,
      domain: 'pec.example.it',
      principal: { address: FAKE_POSTMASTER, role: 'postmaster' },
    });
  } else if (route === 'GET /pec/v1/password-policy') {
    json(res, 200, DEFAULT_PEC_PASSWORD_POLICY);
  } else if (route === 'GET /pec/v1/domain') {
    json(res, 200, {
      name: 'pec.example.it',
      status: 'active',
      mailboxCount: 1,
      mailboxLimit: 10,
      mailboxQuotaBytes: 1_073_741_824,
    });
  } else if (route === 'DELETE /pec/v1/sessions/current') {
    res.writeHead(204).end();
  } else {
    json(res, 404, { error: { code: 'NOT_FOUND', message: 'no such route' } });
  }
}

/**
 * A fake pec-admin server on loopback: well-behaved for login, policy, domain and logout, hostile on
 * the routes given as `"METHOD /pec/v1/path"` (query left out).
 */
export function startFakePec(routes: Record<string, FakeRoute> = {}): Promise<HostileServer> {
  return startHostileServer(async (request, res) => {
    const hostile = routes[`${request.method} ${request.url.split('?')[0]}`];
    if (hostile === undefined || (await hostile(request, res)) === false) wellBehaved(request, res);
  });
}

/** Logs in to a fake server with fast retries. */
export function loginFake(
  server: { readonly url: string },
  extra: Partial<Parameters<typeof PecPostmaster.login>[0]> = {},
): Promise<PecPostmaster> {
  return PecPostmaster.login({
    url: `${server.url}/pec`,
    username: FAKE_POSTMASTER,
    password: FAKE_PASSWORD,
    retry: { backoffMs: 5 },
    ...extra,
  });
}
