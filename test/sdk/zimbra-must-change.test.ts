import { isValidationError, isZimbraFault, ZimbraAccount } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { userToken } from '../mock-server/soap-helpers.ts';
import { DEMO_PASSWORD, failure, GOOD_PASSWORD, useDemoAdmin, WIRE } from './zimbra-fixtures.ts';

const SARA = 'sara.greco@example.com';

describe('admin.accounts.setPassword with mustChange', () => {
  const demo = useDemoAdmin({ resetEach: true });

  it('sets the password and zimbraPasswordMustChange, so the owner login answers account.CHANGE_PASSWORD', async () => {
    await demo.admin.accounts.setPassword(SARA, GOOD_PASSWORD, { mustChange: true });
    const read = await demo.admin.accounts.get(SARA);
    expect(read.attrs.zimbraPasswordMustChange).toBe('TRUE');
    await expect(userToken(demo.mock.url, SARA, GOOD_PASSWORD)).rejects.toThrow('account.CHANGE_PASSWORD');
    // The old password is gone: the owner is refused as for any wrong password.
    await expect(userToken(demo.mock.url, SARA, DEMO_PASSWORD)).rejects.toThrow('account.AUTH_FAILED');
  });

  it('lets the owner log in again once they changed the password with ChangePassword, which clears the flag', async () => {
    await demo.admin.accounts.setPassword(SARA, GOOD_PASSWORD, { mustChange: true });
    await ZimbraAccount.changePassword({
      url: demo.mock.url,
      username: SARA,
      oldPassword: GOOD_PASSWORD,
      newPassword: 'Scelta-Mia-77!',
      wire: WIRE,
    });
    await expect(userToken(demo.mock.url, SARA, 'Scelta-Mia-77!')).resolves.toMatch(/\S/);
    expect((await demo.admin.accounts.get(SARA)).attrs.zimbraPasswordMustChange).toBeUndefined();
  });

  it('leaves the flag unset without mustChange, and a later plain reset clears a flag set before', async () => {
    await demo.admin.accounts.setPassword(SARA, GOOD_PASSWORD);
    expect((await demo.admin.accounts.get(SARA)).attrs.zimbraPasswordMustChange).toBeUndefined();
    await expect(userToken(demo.mock.url, SARA, GOOD_PASSWORD)).resolves.toMatch(/\S/);
    await demo.admin.accounts.setPassword(SARA, 'Altra-Pass-42!', { mustChange: true });
    await demo.admin.accounts.setPassword(SARA, 'Terza-Pass-42!', { mustChange: false });
    expect((await demo.admin.accounts.get(SARA)).attrs.zimbraPasswordMustChange).toBeUndefined();
    await expect(userToken(demo.mock.url, SARA, 'Terza-Pass-42!')).resolves.toMatch(/\S/);
  });

  it('refuses a mustChange that is not a boolean, naming the field, before anything is sent', async () => {
    const error = await failure(
      demo.admin.accounts.setPassword(SARA, GOOD_PASSWORD, { mustChange: 'yes' as unknown as boolean }),
    );
    expect(isValidationError(error)).toBe(true);
    expect(error.message).toContain('mustChange');
    await expect(userToken(demo.mock.url, SARA, DEMO_PASSWORD)).resolves.toMatch(/\S/);
    expect((await demo.admin.accounts.get(SARA)).attrs.zimbraPasswordMustChange).toBeUndefined();
  });

  it('sets no flag when the password itself is refused', async () => {
    const error = await failure(demo.admin.accounts.setPassword(SARA, 'debole', { mustChange: true }));
    expect(isValidationError(error) || isZimbraFault(error, 'account.INVALID_PASSWORD')).toBe(true);
    expect((await demo.admin.accounts.get(SARA)).attrs.zimbraPasswordMustChange).toBeUndefined();
    await expect(userToken(demo.mock.url, SARA, DEMO_PASSWORD)).resolves.toMatch(/\S/);
  });
});
