import { isZimbraFault, ValidationError, zimbraBatch } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { failure, useDemoAdmin } from './zimbra-fixtures.ts';

describe('zimbraBatch.getMailbox', () => {
  const demo = useDemoAdmin();

  it('reads the size of many mailboxes in one BatchRequest, each matching quota.of', async () => {
    const { accounts } = await demo.admin.accounts.page({ domain: 'example.com', offset: 0, limit: 5 });
    const results = await demo.admin.batch(accounts.map((a) => zimbraBatch.getMailbox(a.id)));
    const sizes = results.map((r) => (r.ok ? r.value.sizeBytes : -1));
    const expected = await Promise.all(
      accounts.map(async (a) => (await demo.admin.quota.of(a.name)).usedBytes),
    );
    expect(sizes).toEqual(expected);
    expect(sizes.some((s) => s > 0)).toBe(true);
  });

  it('gives a missing account its own account.NO_SUCH_ACCOUNT and the others their size', async () => {
    const mario = await demo.admin.accounts.get('mario.rossi@example.com');
    const [missing, found] = await demo.admin.batch([
      zimbraBatch.getMailbox('00000000-0000-4000-8000-000000000000'),
      zimbraBatch.getMailbox(mario.id),
    ]);
    expect(!missing.ok && isZimbraFault(missing.error, 'account.NO_SUCH_ACCOUNT')).toBe(true);
    expect(found.ok && found.value.sizeBytes).toBe((await demo.admin.quota.of(mario.name)).usedBytes);
  });

  it('refuses an id that is not a Zimbra id, naming the item', async () => {
    const error = await failure(demo.admin.batch([zimbraBatch.getMailbox('mario.rossi@example.com')]));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]).toMatchObject({ field: 'items.0.id', rule: 'uuid' });
  });
});
