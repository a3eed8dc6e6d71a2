import { AbortedError, CasellaError } from '@casella/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { loginFake, startFakePec } from './hostile-pec.ts';
import { type HostileServer, trickle } from './hostile-server.ts';
import { failure, GOOD_PASSWORD } from './support.ts';

let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A signal that fires once the server has received `count` requests to `path`. */
function abortWhenReached(s: HostileServer, path: string, count = 1): AbortSignal {
  const controller = new AbortController();
  const poll = setInterval(() => {
    if (s.requests.filter((r) => r.url.startsWith(path)).length >= count) {
      clearInterval(poll);
      controller.abort();
    }
  }, 5);
  controller.signal.addEventListener('abort', () => clearInterval(poll));
  return controller.signal;
}

describe('an AbortSignal on every PEC call', () => {
  it('refuses to start a login whose signal has already fired, sending nothing', async () => {
    server = await startFakePec();
    const error = await failure(loginFake(server, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortedError);
    expect(error).toBeInstanceOf(CasellaError);
    expect(error.code).toBe('ABORTED');
    expect(server.requests).toHaveLength(0);
  });

  it('stops a login waiting for headers that never come, and closes the connection', async () => {
    server = await startFakePec({ 'POST /pec/v1/sessions': () => undefined });
    const signal = abortWhenReached(server, '/pec/v1/sessions');
    expect(await failure(loginFake(server, { signal, timeoutMs: 60_000 }))).toBeInstanceOf(AbortedError);
    await server.closedConnection(0);
  });

  it('stops a read whose body trickles', async () => {
    server = await startFakePec({
      'GET /pec/v1/domain': (_, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        trickle(res, 20);
      },
    });
    const pec = await loginFake(server, { timeoutMs: 60_000 });
    const signal = abortWhenReached(server, '/pec/v1/domain');
    expect(await failure(pec.domain({ signal }))).toBeInstanceOf(AbortedError);
  });

  it('stops the wait between retries of a read (a long Retry-After) without another attempt', async () => {
    server = await startFakePec({
      'GET /pec/v1/mailboxes': (_, res) => {
        res.writeHead(503, { 'retry-after': '20' }).end();
      },
    });
    const pec = await loginFake(server, { retry: { limit: 2, maxRetryAfterMs: 30_000 } });
    const signal = abortWhenReached(server, '/pec/v1/mailboxes');
    expect(await failure(pec.mailboxes.page({ q: 'x' }, { signal }))).toBeInstanceOf(AbortedError);
    expect(server.requests.filter((r) => r.url.startsWith('/pec/v1/mailboxes'))).toHaveLength(1);
  });

  it('stops a create, a password change, a reset, both delete steps, a search and a logout', async () => {
    server = await startFakePec({
      'POST /pec/v1/mailboxes': () => undefined,
      'PUT /pec/v1/mailboxes/ufficio/password': () => undefined,
      'POST /pec/v1/mailboxes/ufficio/password-reset': () => undefined,
      'DELETE /pec/v1/mailboxes/ufficio': () => undefined,
      'GET /pec/v1/mailboxes': () => undefined,
      'DELETE /pec/v1/sessions/current': () => undefined,
    });
    const pec = await loginFake(server, { timeoutMs: 60_000 });
    await pec.passwordPolicy();
    const pair = { password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD };
    const calls: [string, (signal: AbortSignal) => Promise<unknown>][] = [
      ['/pec/v1/mailboxes', (signal) => pec.mailboxes.create({ localPart: 'ufficio', ...pair }, { signal })],
      [
        '/pec/v1/mailboxes/ufficio/password',
        (signal) => pec.mailboxes.changePassword('ufficio', pair, { signal }),
      ],
      [
        '/pec/v1/mailboxes/ufficio/password-reset',
        (signal) => pec.mailboxes.resetPassword('ufficio', { signal }),
      ],
      ['/pec/v1/mailboxes/ufficio', (signal) => pec.mailboxes.prepareDelete('ufficio', { signal })],
      [
        '/pec/v1/mailboxes/ufficio?confirm',
        (signal) => pec.mailboxes.delete('ufficio', { confirm: 'ufficio@pec.example.it', signal }),
      ],
      [
        '/pec/v1/mailboxes?',
        async (signal) => {
          for await (const _ of pec.mailboxes.search({ q: 'x' }, { signal })) return;
        },
      ],
      ['/pec/v1/sessions/current', (signal) => pec.logout({ signal })],
    ];
    for (const [path, call] of calls) {
      const before = server.requests.filter((r) => r.url.startsWith(path)).length;
      const signal = abortWhenReached(server, path, before + 1);
      expect(await failure(call(signal)), path).toBeInstanceOf(AbortedError);
    }
  });
});
