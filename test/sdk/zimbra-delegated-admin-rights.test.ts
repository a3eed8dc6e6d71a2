// A domain admin through the SDK (XML, and JSON in the sdk-json project): Zimbra's attribute rights and
// domain answers of decisions 0065 and 0066 reach the caller as typed ZimbraFaults, nothing changed.
import { type ZimbraAdmin, ZimbraFault } from '@casella/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, loginAs, useDemoAdmin } from './zimbra-fixtures.ts';

describe('a domain admin through the SDK', () => {
  const demo = useDemoAdmin({ resetEach: true });
  let domainAdmin: ZimbraAdmin;
  beforeAll(async () => {
    domainAdmin = await loginAs(demo.mock, 'domainadmin@example.com');
  });
  afterAll(() => domainAdmin.close());

  it('cannot make a user a global admin: PERM_DENIED, and the account is unchanged', async () => {
    const error = await failure(
      domainAdmin.accounts.modify('mario.rossi@example.com', {
        sn: 'Changed',
        attrs: { zimbraIsAdminAccount: 'TRUE' },
      }),
    );
    expect(error).toBeInstanceOf(ZimbraFault);
    expect((error as ZimbraFault).code).toBe('service.PERM_DENIED');
    const account = await demo.admin.accounts.get('mario.rossi@example.com');
    expect(account.attrs.sn).toBe('Rossi');
    expect(account.attrs.zimbraIsAdminAccount).toBeUndefined();
  });

  it("reads another admin's domain as its name and id only, and a missing one as NO_SUCH_DOMAIN", async () => {
    const other = await domainAdmin.domains.get('oldshop.it');
    expect(other.name).toBe('oldshop.it');
    expect(other.attrs).toEqual({});
    const missing = await failure(domainAdmin.domains.get('nowhere.example'));
    expect((missing as ZimbraFault).code).toBe('account.NO_SUCH_DOMAIN');
  });

  it('learns a missing mailbox of its domain is missing, and nothing about other domains', async () => {
    expect(((await failure(domainAdmin.accounts.get('ghost@example.com'))) as ZimbraFault).code).toBe(
      'account.NO_SUCH_ACCOUNT',
    );
    expect(((await failure(domainAdmin.accounts.get('ghost@nowhere.example'))) as ZimbraFault).code).toBe(
      'service.PERM_DENIED',
    );
  });
});
