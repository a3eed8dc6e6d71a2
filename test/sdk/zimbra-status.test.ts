import { ACCOUNT_STATUSES, type AccountStatus, isZimbraFault, ValidationError } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { failure, useDemoAdmin } from './zimbra-fixtures.ts';

describe('admin.accounts.setStatus', () => {
  const demo = useDemoAdmin({ resetEach: true });

  it.each(['locked', 'closed', 'maintenance', 'lockout', 'active'] as const)(
    'sets zimbraAccountStatus to %s and reads it back',
    async (status) => {
      const changed = await demo.admin.accounts.setStatus('mario.rossi@example.com', status);
      expect(changed.status).toBe(status);
      const read = await demo.admin.accounts.get('mario.rossi@example.com');
      expect(read.status).toBe(status);
      expect(read.attrs.zimbraAccountStatus).toBe(status);
    },
  );

  it('reactivates a locked account', async () => {
    await demo.admin.accounts.setStatus('mario.rossi@example.com', 'locked');
    await demo.admin.accounts.setStatus('mario.rossi@example.com', 'active');
    expect((await demo.admin.accounts.get('mario.rossi@example.com')).status).toBe('active');
  });

  it('refuses a status Zimbra does not know naming field status, before the wire and changing nothing', async () => {
    demo.mock.backend.faults.set({ failNext: 1 });
    const error = await failure(
      demo.admin.accounts.setStatus('mario.rossi@example.com', 'suspended' as AccountStatus),
    );
    expect(demo.mock.backend.faults.settings.failNext).toBe(1);
    demo.mock.backend.faults.clear();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'status' });
    expect(ACCOUNT_STATUSES).not.toContain('suspended');
    expect((await demo.admin.accounts.get('mario.rossi@example.com')).status).toBe('active');
  });

  it('refuses an unknown account with account.NO_SUCH_ACCOUNT', async () => {
    const error = await failure(demo.admin.accounts.setStatus('nobody@example.com', 'locked'));
    expect(isZimbraFault(error, 'account.NO_SUCH_ACCOUNT')).toBe(true);
  });
});
