import { isZimbraFault } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { failure, GOOD_PASSWORD, loginAs, useDemoAdmin } from './zimbra-fixtures.ts';

describe('admin.domains', () => {
  const demo = useDemoAdmin({ resetEach: true });

  it('lists the demo domains with their service status', async () => {
    const domains = await demo.admin.domains.list();
    const status = Object.fromEntries(domains.map((d) => [d.name, d.status]));
    expect(status).toMatchObject({ 'example.com': 'active', 'oldshop.it': 'suspended' });
  });

  it('reads a domain with its limits per type', async () => {
    const [d, standard, pro] = await Promise.all([
      demo.admin.domains.get('example.com'),
      demo.admin.cos.get('Standard'),
      demo.admin.cos.get('Professional'),
    ]);
    expect(d.maxAccounts).toBe(60);
    expect(d.defaultCosId).toBe(standard.id);
    expect(d.cosLimits).toEqual(
      expect.arrayContaining([
        { cosId: standard.id, max: 40 },
        { cosId: pro.id, max: 10 },
      ]),
    );
  });

  it('refuses an unknown domain with account.NO_SUCH_DOMAIN', async () => {
    const error = await failure(demo.admin.domains.get('nowhere.example'));
    expect(isZimbraFault(error, 'account.NO_SUCH_DOMAIN')).toBe(true);
  });

  it('shows used, max and free mailboxes per type and in total', async () => {
    const cap = await demo.admin.domains.capacity('example.com');
    const byName = Object.fromEntries(cap.types.map((t) => [t.cos.name, t]));
    expect(cap).toMatchObject({
      domain: 'example.com',
      status: 'active',
      total: { used: 40, max: 60, free: 20 },
    });
    expect(byName.Standard).toMatchObject({ used: 28, max: 40, free: 12 });
    expect(byName.Professional).toMatchObject({ used: 10, max: 10, free: 0 });
    // The two admins sit in the default COS, which has no limit of its own.
    expect(byName.default).toMatchObject({ used: 2, max: null, free: null });
  });

  it('shows a suspended domain without limits as unlimited', async () => {
    const cap = await demo.admin.domains.capacity('oldshop.it');
    expect(cap.status).toBe('suspended');
    expect(cap.total).toEqual({ used: 3, max: null, free: null });
    expect(cap.types.map((t) => [t.cos.name, t.used, t.max])).toEqual([['Standard', 3, null]]);
  });

  it('buys Professional mailboxes: raises the limit, keeps Standard, then a create succeeds', async () => {
    await demo.admin.domains.setTypeLimit('example.com', 'Professional', 12);
    const cap = await demo.admin.domains.capacity('example.com');
    const byName = Object.fromEntries(cap.types.map((t) => [t.cos.name, t]));
    expect(byName.Professional).toMatchObject({ max: 12, free: 2 });
    expect(byName.Standard).toMatchObject({ max: 40 });
    const created = await demo.admin.accounts.create({
      name: 'nuovo.pro@example.com',
      password: GOOD_PASSWORD,
      cos: 'Professional',
    });
    expect(created.name).toBe('nuovo.pro@example.com');
  });

  it('refuses a type limit for an unknown COS with account.NO_SUCH_COS', async () => {
    const error = await failure(demo.admin.domains.setTypeLimit('example.com', 'Platinum', 5));
    expect(isZimbraFault(error, 'account.NO_SUCH_COS')).toBe(true);
  });

  it('gives a domain admin only the name and id of a domain that is not theirs, and refuses creating in it with service.PERM_DENIED', async () => {
    const da = await loginAs(demo.mock, 'domainadmin@example.com');
    try {
      // Zimbra's GetDomain checks PR_ALWAYS_ALLOW and filters attributes by getDomain (decision 0066).
      expect(await da.domains.get('oldshop.it')).toEqual({
        id: '6c8f0e2a-3d5b-4f7c-9e1a-2b4d6f8a0c22',
        name: 'oldshop.it',
        cosLimits: [],
        attrs: {},
      });
      const create = await failure(
        da.accounts.create({ name: 'x@oldshop.it', password: GOOD_PASSWORD }, { policy: false }),
      );
      expect(isZimbraFault(create, 'service.PERM_DENIED')).toBe(true);
    } finally {
      await da.close();
    }
  });

  it("lets a domain admin see its own domain's capacity", async () => {
    const da = await loginAs(demo.mock, 'domainadmin@example.com');
    try {
      const cap = await da.domains.capacity('example.com');
      expect(cap.total.used).toBe(40);
    } finally {
      await da.close();
    }
  });
});
