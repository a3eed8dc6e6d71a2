import { isZimbraFault, ValidationError } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { failure, useDemoAdmin } from './zimbra-fixtures.ts';

describe('admin.accounts.addAlias and removeAlias', () => {
  const demo = useDemoAdmin({ resetEach: true });

  it('adds an alias that Account.aliases then lists and that finds the account by name', async () => {
    await demo.admin.accounts.addAlias('mario.rossi@example.com', 'M.Rossi@Example.com');
    const account = await demo.admin.accounts.get('mario.rossi@example.com');
    expect(account.aliases).toEqual(['m.rossi@example.com']);
    const byAlias = await demo.admin.accounts.get('m.rossi@example.com');
    expect(byAlias.id).toBe(account.id);
  });

  it('removes an alias so the account has none left and the alias no longer resolves', async () => {
    await demo.admin.accounts.addAlias('mario.rossi@example.com', 'm.rossi@example.com');
    await demo.admin.accounts.removeAlias('mario.rossi@example.com', 'm.rossi@example.com');
    const account = await demo.admin.accounts.get('mario.rossi@example.com');
    expect(account.aliases).toEqual([]);
    const gone = await failure(demo.admin.accounts.get('m.rossi@example.com'));
    expect(isZimbraFault(gone, 'account.NO_SUCH_ACCOUNT')).toBe(true);
  });

  it('refuses an alias that is already an account address with account.ACCOUNT_EXISTS', async () => {
    const error = await failure(demo.admin.accounts.addAlias('mario.rossi@example.com', 'admin@example.com'));
    expect(isZimbraFault(error, 'account.ACCOUNT_EXISTS')).toBe(true);
    const account = await demo.admin.accounts.get('mario.rossi@example.com');
    expect(account.aliases).toEqual([]);
  });

  it('refuses an alias in a domain that does not exist with account.NO_SUCH_DOMAIN', async () => {
    const error = await failure(
      demo.admin.accounts.addAlias('mario.rossi@example.com', 'mario@nowhere.example'),
    );
    expect(isZimbraFault(error, 'account.NO_SUCH_DOMAIN')).toBe(true);
  });

  it('refuses to remove an address that is not an alias of the account with account.NO_SUCH_ALIAS', async () => {
    const error = await failure(
      demo.admin.accounts.removeAlias('mario.rossi@example.com', 'never.added@example.com'),
    );
    expect(isZimbraFault(error, 'account.NO_SUCH_ALIAS')).toBe(true);
  });

  it('refuses a malformed alias naming field alias and rule email before the wire', async () => {
    demo.mock.backend.faults.set({ failNext: 1 });
    const error = await failure(demo.admin.accounts.addAlias('mario.rossi@example.com', 'not an address'));
    expect(demo.mock.backend.faults.settings.failNext).toBe(1);
    demo.mock.backend.faults.clear();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'alias', rule: 'email' });
  });
});
