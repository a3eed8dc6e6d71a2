import { isZimbraFault } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { collect, failure, GOOD_PASSWORD, useDemoAdmin } from './zimbra-fixtures.ts';

describe('admin.accounts', () => {
  const demo = useDemoAdmin({ resetEach: true });

  it('creates a Standard mailbox with names and quota, and reads it back', async () => {
    const created = await demo.admin.accounts.create({
      name: 'Anna.Verdi@example.com',
      password: GOOD_PASSWORD,
      givenName: 'Anna',
      sn: 'Verdi',
      displayName: 'Anna Verdi',
      cos: 'Standard',
      quotaBytes: 1073741824,
    });
    expect(created).toMatchObject({
      name: 'anna.verdi@example.com',
      givenName: 'Anna',
      sn: 'Verdi',
      status: 'active',
    });
    const standard = await demo.admin.cos.get('Standard');
    const read = await demo.admin.accounts.get('anna.verdi@example.com');
    expect(read).toMatchObject({
      id: created.id,
      cosId: standard.id,
      quotaBytes: 1073741824,
      displayName: 'Anna Verdi',
    });
    expect(read.createdAt).toBeInstanceOf(Date);
  });

  it('refuses an address that already exists with account.ACCOUNT_EXISTS', async () => {
    const error = await failure(
      demo.admin.accounts.create({
        name: 'mario.rossi@example.com',
        password: GOOD_PASSWORD,
        cos: 'Standard',
      }),
    );
    expect(isZimbraFault(error, 'account.ACCOUNT_EXISTS')).toBe(true);
  });

  it('refuses an unknown domain with account.NO_SUCH_DOMAIN', async () => {
    const error = await failure(
      demo.admin.accounts.create({ name: 'a@nowhere.example', password: GOOD_PASSWORD }),
    );
    expect(isZimbraFault(error, 'account.NO_SUCH_DOMAIN')).toBe(true);
  });

  it('refuses an unknown COS with account.NO_SUCH_COS', async () => {
    const error = await failure(
      demo.admin.accounts.create({ name: 'a@example.com', password: GOOD_PASSWORD, cos: 'Platinum' }),
    );
    expect(isZimbraFault(error, 'account.NO_SUCH_COS')).toBe(true);
  });

  it('refuses a mailbox when no Professional slot is free with account.TOO_MANY_ACCOUNTS', async () => {
    const error = await failure(
      demo.admin.accounts.create({
        name: 'nuovo.pro@example.com',
        password: GOOD_PASSWORD,
        cos: 'Professional',
      }),
    );
    expect(isZimbraFault(error, 'account.TOO_MANY_ACCOUNTS')).toBe(true);
    expect(error).toMatchObject({ fault: 'server', request: 'CreateAccountRequest' });
  });

  it("passes the server's account.INVALID_PASSWORD through when the client check is skipped", async () => {
    const error = await failure(
      demo.admin.accounts.create(
        { name: 'debole@example.com', password: 'short', cos: 'Standard' },
        { policy: false },
      ),
    );
    expect(isZimbraFault(error, 'account.INVALID_PASSWORD')).toBe(true);
    expect(error).toMatchObject({ args: [{ name: 'zimbraPasswordMinLength', value: '8' }] });
  });

  it('refuses a missing account with account.NO_SUCH_ACCOUNT', async () => {
    const error = await failure(demo.admin.accounts.get('nessuno@example.com'));
    expect(isZimbraFault(error, 'account.NO_SUCH_ACCOUNT')).toBe(true);
  });

  it('changes the holder names and the status of a mailbox', async () => {
    const updated = await demo.admin.accounts.modify('mario.rossi@example.com', {
      givenName: 'Mariano',
      sn: 'Rossini',
      displayName: 'Mariano Rossini',
      status: 'locked',
    });
    expect(updated).toMatchObject({ givenName: 'Mariano', sn: 'Rossini', status: 'locked' });
    expect((await demo.admin.accounts.get(updated.id)).displayName).toBe('Mariano Rossini');
  });

  it('refuses moving a mailbox into the full Professional type with account.TOO_MANY_ACCOUNTS', async () => {
    const error = await failure(
      demo.admin.accounts.modify('mario.rossi@example.com', { cos: 'Professional' }),
    );
    expect(isZimbraFault(error, 'account.TOO_MANY_ACCOUNTS')).toBe(true);
  });

  it('resets a password so the owner can log in with the new one', async () => {
    const result = await demo.admin.accounts.setPassword('mario.rossi@example.com', GOOD_PASSWORD);
    expect(result).toEqual({});
    const res = await fetch(`${demo.mock.url}/service/soap`, {
      method: 'POST',
      headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
      body: `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body><AuthRequest xmlns="urn:zimbraAccount"><account by="name">mario.rossi@example.com</account><password>${GOOD_PASSWORD}</password></AuthRequest></soap:Body></soap:Envelope>`,
    });
    expect(res.status).toBe(200);
  });

  it("returns Zimbra's warning when a global admin sets a password that breaks the policy", async () => {
    const result = await demo.admin.accounts.setPassword('mario.rossi@example.com', 'Xyzzy', {
      policy: false,
    });
    expect(result.warning).toMatch(/invalid password: too short/);
    expect(result.warning).not.toContain('Xyzzy');
  });

  it('refuses a password reset of a missing account with account.NO_SUCH_ACCOUNT', async () => {
    const error = await failure(demo.admin.accounts.setPassword('nessuno@example.com', GOOD_PASSWORD));
    expect(isZimbraFault(error, 'account.NO_SUCH_ACCOUNT')).toBe(true);
  });

  it('renames a mailbox and refuses a name that is taken', async () => {
    const renamed = await demo.admin.accounts.rename('mario.rossi@example.com', 'm.rossi@example.com');
    expect(renamed.name).toBe('m.rossi@example.com');
    const error = await failure(
      demo.admin.accounts.rename('m.rossi@example.com', 'giulia.bianchi@example.com'),
    );
    expect(isZimbraFault(error, 'account.ACCOUNT_EXISTS')).toBe(true);
  });

  it('deletes a mailbox, after which it is gone', async () => {
    await demo.admin.accounts.delete('mario.rossi@example.com');
    const error = await failure(demo.admin.accounts.get('mario.rossi@example.com'));
    expect(isZimbraFault(error, 'account.NO_SUCH_ACCOUNT')).toBe(true);
  });

  it('refuses deleting an unknown id with account.NO_SUCH_ACCOUNT', async () => {
    const error = await failure(demo.admin.accounts.delete('00000000-0000-4000-8000-000000000000'));
    expect(isZimbraFault(error, 'account.NO_SUCH_ACCOUNT')).toBe(true);
  });

  it('lists every mailbox of a domain across pages, sorted by name, without duplicates', async () => {
    const all = await collect(demo.admin.accounts.search({ domain: 'example.com', pageSize: 7 }));
    const names = all.map((a) => a.name);
    expect(names).toHaveLength(40);
    expect(new Set(names).size).toBe(40);
    expect([...names].sort()).toEqual(names);
    expect(names).toContain('giulia.bianchi@example.com');
    expect(await demo.admin.accounts.count({ domain: 'example.com' })).toBe(40);
  });

  it('filters a search with an LDAP query', async () => {
    const found = await collect(demo.admin.accounts.search({ domain: 'example.com', query: '(sn=Rossi)' }));
    expect(found.map((a) => a.name)).toContain('mario.rossi@example.com');
    expect(found.every((a) => a.sn === 'Rossi')).toBe(true);
  });
});
