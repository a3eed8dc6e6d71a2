import { isZimbraFault, ValidationError, zimbraBatch } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { failure, GOOD_PASSWORD, useDemoAdmin } from './zimbra-fixtures.ts';

describe('admin.batch', () => {
  const demo = useDemoAdmin({ resetEach: true });

  it('runs many requests in one BatchRequest and gives each its value or its fault, in order', async () => {
    const mario = await demo.admin.accounts.get('mario.rossi@example.com');
    const [created, exists, renamed, missing] = await demo.admin.batch([
      zimbraBatch.createAccount({ name: 'b1@example.com', password: GOOD_PASSWORD, cos: 'Standard' }),
      zimbraBatch.createAccount({
        name: 'mario.rossi@example.com',
        password: GOOD_PASSWORD,
        cos: 'Standard',
      }),
      zimbraBatch.modifyAccount(mario.id, { displayName: 'Mario R.' }),
      zimbraBatch.deleteAccount('00000000-0000-4000-8000-000000000000'),
    ]);
    expect(created.ok && created.value.name).toBe('b1@example.com');
    expect(!exists.ok && isZimbraFault(exists.error, 'account.ACCOUNT_EXISTS')).toBe(true);
    expect(renamed.ok && renamed.value.displayName).toBe('Mario R.');
    expect(!missing.ok && isZimbraFault(missing.error, 'account.NO_SUCH_ACCOUNT')).toBe(true);
    expect((await demo.admin.accounts.get('b1@example.com')).name).toBe('b1@example.com');
  });

  it('stops at the first fault with onError stop and marks the rest as skipped', async () => {
    const results = await demo.admin.batch(
      [
        zimbraBatch.createAccount({
          name: 'mario.rossi@example.com',
          password: GOOD_PASSWORD,
          cos: 'Standard',
        }),
        zimbraBatch.createAccount({ name: 'b2@example.com', password: GOOD_PASSWORD, cos: 'Standard' }),
      ],
      { onError: 'stop' },
    );
    expect(results.map((r) => (r.ok ? 'ok' : r.skipped ? 'skipped' : r.error.code))).toEqual([
      'account.ACCOUNT_EXISTS',
      'skipped',
    ]);
    expect(
      isZimbraFault(await failure(demo.admin.accounts.get('b2@example.com')), 'account.NO_SUCH_ACCOUNT'),
    ).toBe(true);
  });

  it('fills the last Standard slots and refuses the rest with TOO_MANY_ACCOUNTS', async () => {
    const items = Array.from({ length: 14 }, (_, i) =>
      zimbraBatch.createAccount({ name: `fill${i}@example.com`, password: GOOD_PASSWORD, cos: 'Standard' }),
    );
    const results = await demo.admin.batch(items);
    expect(results.filter((r) => r.ok)).toHaveLength(12);
    const refused = results.filter((r) => !r.ok);
    expect(refused.every((r) => !r.ok && isZimbraFault(r.error, 'account.TOO_MANY_ACCOUNTS'))).toBe(true);
  });

  it('validates every item before sending anything, naming the item', async () => {
    demo.mock.backend.faults.set({ failNext: 1 });
    const error = await failure(
      demo.admin.batch([
        zimbraBatch.createAccount({ name: 'ok@example.com', password: GOOD_PASSWORD, cos: 'Standard' }),
        zimbraBatch.createAccount({ name: 'bad@example.com', password: 'nouppercase1!', cos: 'Standard' }),
      ]),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'items.1.password', rule: 'zimbraPasswordMinUpperCaseChars' });
    // The injected failure is still pending: no request reached the server.
    expect(demo.mock.backend.faults.settings.failNext).toBe(1);
  });

  it('refuses an item not built with zimbraBatch and an unknown onError before sending anything', async () => {
    demo.mock.backend.faults.set({ failNext: 1 });
    const notAnItem = await failure(
      demo.admin.batch([
        zimbraBatch.getAccount('96a0f96b-12bc-4390-971e-996479adc7e7'),
        { request: 'X' } as never,
      ]),
    );
    expect(notAnItem).toBeInstanceOf(ValidationError);
    expect(notAnItem).toMatchObject({ field: 'items.1', rule: 'batchItem' });
    const badMode = await failure(
      demo.admin.batch([zimbraBatch.request('GetAllCosRequest')], { onError: 'ignore' as 'stop' }),
    );
    expect(badMode).toMatchObject({ field: 'onError', rule: 'oneOf' });
    expect(demo.mock.backend.faults.settings.failNext).toBe(1);
  });

  it('carries raw requests too', async () => {
    const [r] = await demo.admin.batch([zimbraBatch.request('GetAllCosRequest')]);
    expect(r.ok && Array.isArray(r.value.cos)).toBe(true);
  });
});
