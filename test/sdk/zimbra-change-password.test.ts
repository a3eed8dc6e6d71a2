import { type MockServer, startMockServer } from '@casella/mock-server';
import { isZimbraFault, PasswordPolicy, ValidationError, ZimbraAccount } from '@casella/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, failure, GOOD_PASSWORD } from './zimbra-fixtures.ts';

describe('ZimbraAccount.changePassword (the mailbox owner)', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ seed: 'demo' });
  });
  beforeEach(() => mock.reset());
  afterAll(() => mock.close());

  const change = (oldPassword: string, newPassword: string, policy?: PasswordPolicy) =>
    ZimbraAccount.changePassword({
      url: mock.url,
      username: 'mario.rossi@example.com',
      oldPassword,
      newPassword,
      ...(policy ? { policy } : {}),
    });

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
