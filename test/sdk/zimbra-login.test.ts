import { type MockServer, startMockServer } from '@casella/mock-server';
import { isZimbraFault, ValidationError, ZimbraAdmin } from '@casella/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, failure, loginAs, WIRE } from './zimbra-fixtures.ts';

describe('ZimbraAdmin.login', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ seed: 'demo' });
  });
  afterAll(() => mock.close());

  it('logs a global admin in and reads with the token', async () => {
    const admin = await loginAs(mock);
    expect((await admin.accounts.get('admin@example.com')).isAdmin).toBe(true);
    await admin.close();
  });

  it('logs a domain admin in with the same admin AuthRequest', async () => {
    const admin = await loginAs(mock, 'domainadmin@example.com');
    expect((await admin.domains.get('example.com')).status).toBe('active');
    await admin.close();
  });

  it('refuses a wrong password with account.AUTH_FAILED', async () => {
    const error = await failure(
      ZimbraAdmin.login({
        url: mock.url,
        wire: WIRE,
        username: 'admin@example.com',
        password: 'Wrong-Pass-1!',
      }),
    );
    expect(isZimbraFault(error, 'account.AUTH_FAILED')).toBe(true);
  });

  it('refuses a mailbox that is not an admin with service.PERM_DENIED', async () => {
    const error = await failure(
      ZimbraAdmin.login({
        url: mock.url,
        wire: WIRE,
        username: 'mario.rossi@example.com',
        password: DEMO_PASSWORD,
      }),
    );
    expect(isZimbraFault(error, 'service.PERM_DENIED')).toBe(true);
  });

  it('refuses a URL that is not http(s) before connecting', async () => {
    const error = await failure(ZimbraAdmin.login({ url: 'ftp://127.0.0.1', username: 'a', password: 'b' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'url', rule: 'url' });
  });

  it('stops working after logout with a LOGGED_OUT error', async () => {
    const admin = await loginAs(mock);
    admin.logout();
    const error = await failure(admin.cos.list());
    expect(error).toMatchObject({ code: 'LOGGED_OUT' });
    await admin.close();
  });
});
