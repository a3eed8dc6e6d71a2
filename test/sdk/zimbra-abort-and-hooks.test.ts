// Issue 7 for adopters: every call takes an AbortSignal, and hooks see each exchange with secrets redacted.
import { AbortedError, ZimbraAdmin, type ZimbraResponseEvent, zimbraBatch } from '@casella/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, failure, useDemoAdmin, WIRE } from './zimbra-fixtures.ts';
import { authResponse, type HostileServer, sendXml, startHostile } from './zimbra-hostile-server.ts';

describe('AbortSignal on Zimbra calls', () => {
  const servers: HostileServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  it('aborts a call whose answer stalls at once with AbortedError, long before timeoutMs', async () => {
    const server = await startHostile((_seen, res, i) => {
      if (i === 0) sendXml(res, authResponse());
      // Later requests never get an answer.
    });
    servers.push(server);
    const admin = await ZimbraAdmin.login({
      url: server.url,
      username: 'admin@example.com',
      password: 'Segreta-Abort-1!',
      timeoutMs: 60_000,
    });
    const controller = new AbortController();
    const pending = failure(admin.accounts.get('mario.rossi@example.com', { signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    const error = await pending;
    expect(error).toBeInstanceOf(AbortedError);
    expect(error).toMatchObject({ code: 'ABORTED' });
    // The stalling server would hold EndSession too: the close is bounded by its own signal.
    expect(await admin.close({ signal: AbortSignal.timeout(100) })).toMatchObject({ ended: false });
  });

  it('sends nothing when the signal has already fired', async () => {
    const server = await startHostile((_seen, res) => sendXml(res, authResponse()));
    servers.push(server);
    const error = await failure(
      ZimbraAdmin.login({
        url: server.url,
        username: 'admin@example.com',
        password: 'Segreta-Abort-1!',
        signal: AbortSignal.abort(),
      }),
    );
    expect(error).toBeInstanceOf(AbortedError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('AbortSignal and hooks against the mock', () => {
  const demo = useDemoAdmin();

  it('takes a signal on reads, writes, lists and batches', async () => {
    const signal = AbortSignal.abort();
    for (const call of [
      demo.admin.domains.list({ signal }),
      demo.admin.accounts.get('mario.rossi@example.com', { signal }),
      demo.admin.accounts.modify('mario.rossi@example.com', { givenName: 'Mario' }, { signal }),
      demo.admin.accounts.page({ offset: 0, limit: 5, signal }),
      demo.admin.batch([zimbraBatch.getAccount('6b3c1a2e-0c00-11d9-836a-000d93afea2a')], { signal }),
      demo.admin.quota.of('mario.rossi@example.com', { signal }),
    ]) {
      expect(await failure(call)).toBeInstanceOf(AbortedError);
    }
  });

  it('shows hooks the operation, status, duration and bodies with the password and token redacted', async () => {
    const events: ZimbraResponseEvent[] = [];
    const before: string[] = [];
    const admin = await ZimbraAdmin.login({
      url: demo.mock.url,
      wire: WIRE,
      username: 'admin@example.com',
      password: DEMO_PASSWORD,
      hooks: { beforeRequest: (e) => before.push(e.operation), afterResponse: (e) => events.push(e) },
    });
    await admin.accounts.get('mario.rossi@example.com');
    await admin.accounts.setPassword('mario.rossi@example.com', 'Hook-Secret-99!', { policy: false });
    await admin.close();
    // setPassword with policy false looks the id up first; close() ends the session.
    expect(before).toEqual([
      'AuthRequest',
      'GetAccountRequest',
      'GetAccountRequest',
      'SetPasswordRequest',
      'EndSessionRequest',
    ]);
    expect(events.map((e) => e.operation)).toEqual(before);
    const auth = events[0] as ZimbraResponseEvent;
    expect(auth).toMatchObject({ operation: 'AuthRequest', status: 200, wire: WIRE, attempt: 1 });
    expect(auth.durationMs).toBeGreaterThanOrEqual(0);
    expect(auth.responseBody).toContain(
      WIRE === 'xml' ? '<authToken>[REDACTED]</authToken>' : '"authToken":[{"_content":"[REDACTED]"}]',
    );
    const text = JSON.stringify(events);
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(text).not.toContain('Hook-Secret-99!');
    expect(text).not.toMatch(/<authToken>[^[]|"_content":"0_/);
  });

  it('never lets a throwing hook fail a call', async () => {
    const admin = await ZimbraAdmin.login({
      url: demo.mock.url,
      wire: WIRE,
      username: 'admin@example.com',
      password: DEMO_PASSWORD,
      hooks: {
        beforeRequest: () => {
          throw new Error('broken logger');
        },
        afterResponse: () => {
          throw new Error('broken tracer');
        },
      },
    });
    expect((await admin.accounts.get('mario.rossi@example.com')).givenName).toBe('Mario');
    await admin.close();
  });
});
