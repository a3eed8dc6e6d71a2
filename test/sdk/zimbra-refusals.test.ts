// Every refusal of every operation reaches the caller as a ZimbraFault with Zimbra's own code;
// these are the ones the per-operation files do not already walk through.
import { isZimbraFault, type ZimbraAdmin, ZimbraFault } from '@casella/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, failure, GOOD_PASSWORD, loginAs, useDemoAdmin } from './zimbra-fixtures.ts';

/** Awaits a call that must be refused and returns the ZimbraFault's code and side. */
async function refusal(call: Promise<unknown>): Promise<{ code: string; fault: string }> {
  const error = await failure(call);
  expect(error).toBeInstanceOf(ZimbraFault);
  const fault = error as ZimbraFault;
  return { code: fault.code, fault: fault.fault };
}

describe('refusals of each operation, as typed ZimbraFaults', () => {
  const demo = useDemoAdmin({ resetEach: true });
  let domainAdmin: ZimbraAdmin;
  const other = 'carlo.verdi@oldshop.it'; // a mailbox of the suspended domain, not the domain admin's
  beforeAll(async () => {
    domainAdmin = await loginAs(demo.mock, 'domainadmin@example.com');
  });
  afterAll(() => domainAdmin.close());

  it('accounts.create: a suspended domain is service.PERM_DENIED', async () => {
    const r = await refusal(
      demo.admin.accounts.create({ name: 'nuovo@oldshop.it', password: GOOD_PASSWORD }),
    );
    expect(r).toEqual({ code: 'service.PERM_DENIED', fault: 'client' });
  });

  it('accounts.modify: an unknown account or COS, and a suspended domain', async () => {
    expect((await refusal(demo.admin.accounts.modify('nessuno@example.com', { sn: 'X' }))).code).toBe(
      'account.NO_SUCH_ACCOUNT',
    );
    expect((await refusal(demo.admin.accounts.modify('mario.rossi@example.com', { cos: 'Gold' }))).code).toBe(
      'account.NO_SUCH_COS',
    );
    expect((await refusal(demo.admin.accounts.modify(other, { sn: 'X' }))).code).toBe('service.PERM_DENIED');
  });

  it('accounts.rename: an unknown account, and a target domain that does not exist', async () => {
    expect((await refusal(demo.admin.accounts.rename('nessuno@example.com', 'n@example.com'))).code).toBe(
      'account.NO_SUCH_ACCOUNT',
    );
    expect(
      (await refusal(demo.admin.accounts.rename('mario.rossi@example.com', 'mario@nowhere.example'))).code,
    ).toBe('account.NO_SUCH_DOMAIN');
  });

  it('accounts.search: an unknown domain is account.NO_SUCH_DOMAIN', async () => {
    const r = await refusal(collect(demo.admin.accounts.search({ domain: 'nowhere.example' })));
    expect(r.code).toBe('account.NO_SUCH_DOMAIN');
  });

  it('domains.capacity and domains.setTypeLimit: an unknown domain is account.NO_SUCH_DOMAIN', async () => {
    expect((await refusal(demo.admin.domains.capacity('nowhere.example'))).code).toBe(
      'account.NO_SUCH_DOMAIN',
    );
    expect((await refusal(demo.admin.domains.setTypeLimit('nowhere.example', 'Standard', 3))).code).toBe(
      'account.NO_SUCH_DOMAIN',
    );
  });

  it('cos.get: an unknown COS is account.NO_SUCH_COS', async () => {
    expect((await refusal(demo.admin.cos.get('Gold'))).code).toBe('account.NO_SUCH_COS');
  });

  it('a domain admin is refused every account operation outside its domain with service.PERM_DENIED', async () => {
    const { id } = await demo.admin.accounts.get(other);
    // Thunks, run one by one: each refusal is awaited before the next call starts.
    const calls: (() => Promise<unknown>)[] = [
      () =>
        domainAdmin.accounts.create({ name: 'nuovo@oldshop.it', password: GOOD_PASSWORD }, { policy: false }),
      () => domainAdmin.accounts.get(other),
      () => domainAdmin.accounts.modify(id, { sn: 'X' }),
      () => domainAdmin.accounts.setPassword(id, GOOD_PASSWORD, { policy: false }),
      () => domainAdmin.accounts.rename(id, 'carlo@oldshop.it'),
      () => domainAdmin.accounts.delete(id),
      () => domainAdmin.quota.of(id),
    ];
    for (const call of calls) {
      expect(await refusal(call())).toEqual({ code: 'service.PERM_DENIED', fault: 'client' });
    }
    // Nothing was changed by any of them.
    expect((await demo.admin.accounts.get(id)).name).toBe(other);
  });

  it('a domain admin may not list usage across domains, nor change its own slot limits', async () => {
    expect((await refusal(collect(domainAdmin.quota.usage()))).code).toBe('service.PERM_DENIED');
    expect((await refusal(collect(domainAdmin.quota.usage({ domain: 'oldshop.it' })))).code).toBe(
      'service.PERM_DENIED',
    );
    const buy = await failure(domainAdmin.domains.setTypeLimit('example.com', 'Professional', 20));
    expect(isZimbraFault(buy, 'service.PERM_DENIED')).toBe(true);
  });

  it('a domain admin searching another domain gets nothing, as Zimbra drops what it may not list', async () => {
    expect(await collect(domainAdmin.accounts.search({ domain: 'oldshop.it' }))).toEqual([]);
  });
});
