import { type MockServer, startMockServer } from '@casella/mock-server';
import {
  type ChangePasswordOptions,
  isZimbraFault,
  PasswordPolicy,
  ValidationError,
  ZimbraAccount,
} from '@casella/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startZimbraPort } from '../tui/zimbra-port.ts';
import { DEMO_PASSWORD, failure, GOOD_PASSWORD, WIRE } from './zimbra-fixtures.ts';

const MARIO = 'mario.rossi@example.com';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ seed: 'demo' });
});
beforeEach(() => mock.reset());
afterAll(() => mock.close());

const changeOn = (
  url: string,
  oldPassword: string,
  newPassword: string,
  extra: Partial<ChangePasswordOptions> = {},
) => ZimbraAccount.changePassword({ url, username: MARIO, oldPassword, newPassword, wire: WIRE, ...extra });

describe('ZimbraAccount.changePassword (the mailbox owner)', () => {
  const change = (oldPassword: string, newPassword: string, policy?: PasswordPolicy) =>
    changeOn(mock.url, oldPassword, newPassword, policy ? { policy } : {});

  it('changes the password with the old one, after which only the new one works', async () => {
    const result = await change(DEMO_PASSWORD, GOOD_PASSWORD);
    expect(result.lifetimeMs).toBeGreaterThan(0);
    expect(isZimbraFault(await failure(change(DEMO_PASSWORD, 'Altra-Pass-77!')), 'account.AUTH_FAILED')).toBe(
      true,
    );
    await change(GOOD_PASSWORD, 'Altra-Pass-77!');
  });

  it('refuses a wrong old password with account.AUTH_FAILED', async () => {
    expect(isZimbraFault(await failure(change('Non-E-Lei-1!', GOOD_PASSWORD)), 'account.AUTH_FAILED')).toBe(
      true,
    );
  });

  it("passes the server's account.INVALID_PASSWORD through for a weak new password", async () => {
    const error = await failure(change(DEMO_PASSWORD, 'debole'));
    expect(isZimbraFault(error, 'account.INVALID_PASSWORD')).toBe(true);
  });

  it('checks a given policy offline first, naming field newPassword', async () => {
    const policy = new PasswordPolicy({ counts: { zimbraPasswordMinNumericChars: 1 } });
    mock.backend.faults.set({ failNext: 1 });
    const error = await failure(change(DEMO_PASSWORD, 'Senza-Numeri!', policy));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'newPassword', rule: 'zimbraPasswordMinNumericChars' });
    expect(mock.backend.faults.settings.failNext).toBe(1);
  });
});

describe('ZimbraAccount.changePassword endpoint option', () => {
  it("changes the password on the admin endpoint with endpoint 'admin', after which only the new one works", async () => {
    const result = await changeOn(mock.url, DEMO_PASSWORD, GOOD_PASSWORD, { endpoint: 'admin' });
    expect(result.lifetimeMs).toBeGreaterThan(0);
    const stale = await failure(changeOn(mock.url, DEMO_PASSWORD, 'Altra-Pass-77!', { endpoint: 'admin' }));
    expect(isZimbraFault(stale, 'account.AUTH_FAILED')).toBe(true);
    await changeOn(mock.url, GOOD_PASSWORD, 'Altra-Pass-77!', { endpoint: 'account' });
  });

  it('refuses a wrong old password with account.AUTH_FAILED on the admin endpoint, without echoing either password', async () => {
    const error = await failure(changeOn(mock.url, 'Non-E-Lei-1!', GOOD_PASSWORD, { endpoint: 'admin' }));
    expect(isZimbraFault(error, 'account.AUTH_FAILED')).toBe(true);
    for (const text of [String(error), JSON.stringify(error), error.stack ?? '']) {
      expect(text).not.toContain('Non-E-Lei-1!');
      expect(text).not.toContain(GOOD_PASSWORD);
    }
  });

  it("posts to /service/soap by default and to /service/admin/soap with endpoint 'admin'", async () => {
    const mailPort = await startZimbraPort(mock.url, '/service/soap');
    const adminPort = await startZimbraPort(mock.url, '/service/admin/soap');
    try {
      await changeOn(mailPort.url, DEMO_PASSWORD, GOOD_PASSWORD);
      await changeOn(adminPort.url, GOOD_PASSWORD, 'Altra-Pass-77!', { endpoint: 'admin' });
      // ChangePassword, then EndSession for the fresh token it returns, both on the chosen endpoint.
      expect(mailPort.paths).toEqual(['/service/soap', '/service/soap']);
      expect(adminPort.paths).toEqual(['/service/admin/soap', '/service/admin/soap']);
    } finally {
      await mailPort.close();
      await adminPort.close();
    }
  });

  it('is refused with service.FAILURE when the default endpoint is sent to an admin port, and nothing changes', async () => {
    const adminPort = await startZimbraPort(mock.url, '/service/admin/soap');
    try {
      const error = await failure(changeOn(adminPort.url, DEMO_PASSWORD, GOOD_PASSWORD));
      expect(isZimbraFault(error, 'service.FAILURE')).toBe(true);
      expect(error).toMatchObject({ fault: 'server' });
      expect(error.message).toContain('Request not allowed on port');
      expect(adminPort.paths).toEqual(['/service/soap']);
    } finally {
      await adminPort.close();
    }
    // The old password still works: the refusal changed nothing.
    await changeOn(mock.url, DEMO_PASSWORD, GOOD_PASSWORD);
  });

  it("is refused with service.FAILURE when endpoint 'admin' is sent to a mail port", async () => {
    const mailPort = await startZimbraPort(mock.url, '/service/soap');
    try {
      const error = await failure(
        changeOn(mailPort.url, DEMO_PASSWORD, GOOD_PASSWORD, { endpoint: 'admin' }),
      );
      expect(isZimbraFault(error, 'service.FAILURE')).toBe(true);
      expect(mailPort.paths).toEqual(['/service/admin/soap']);
    } finally {
      await mailPort.close();
    }
    await changeOn(mock.url, DEMO_PASSWORD, GOOD_PASSWORD);
  });

  it('refuses an unknown endpoint naming field endpoint and rule oneOf, before anything goes on the wire', async () => {
    mock.backend.faults.set({ failNext: 1 });
    const error = await failure(
      changeOn(mock.url, DEMO_PASSWORD, GOOD_PASSWORD, {
        endpoint: 'mail' as unknown as ChangePasswordOptions['endpoint'],
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'endpoint', rule: 'oneOf' });
    expect(mock.backend.faults.settings.failNext).toBe(1);
  });
});
