// The SDK against the mock core mounted as msw handlers: in-process, no port, a made-up https origin.
import { createMockBackend } from '@casella/mock-server';
import { createHandlers } from '@casella/mock-server/msw';
import { isZimbraFault, TransportError, ZimbraAccount, ZimbraAdmin } from '@casella/sdk';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, failure, GOOD_PASSWORD, WIRE } from './zimbra-fixtures.ts';

const ORIGIN = 'https://mail.casella.test:7071';

describe('ZimbraAdmin over msw handlers (createHandlers)', () => {
  const backend = createMockBackend({ seed: 'demo' });
  const server = setupServer(...createHandlers(backend));
  let admin: ZimbraAdmin;
  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    admin = await ZimbraAdmin.login({
      url: ORIGIN,
      wire: WIRE,
      username: 'admin@example.com',
      password: DEMO_PASSWORD,
    });
  });
  afterAll(async () => {
    await admin.close();
    server.close();
  });

  it('creates a mailbox and reads the capacity it took', async () => {
    const before = await admin.domains.capacity('example.com');
    const created = await admin.accounts.create({
      name: 'in.process@example.com',
      password: GOOD_PASSWORD,
      cos: 'Standard',
    });
    expect(created.name).toBe('in.process@example.com');
    const after = await admin.domains.capacity('example.com');
    expect(after.total.used).toBe(before.total.used + 1);
  });

  it('gets refusals as ZimbraFaults with the server code', async () => {
    const error = await failure(admin.accounts.get('nessuno@example.com'));
    expect(isZimbraFault(error, 'account.NO_SUCH_ACCOUNT')).toBe(true);
  });

  it('logs in again after the tokens expire, and a dropped connection on a write is a TransportError', async () => {
    backend.expireAllTokens();
    expect((await admin.accounts.get('mario.rossi@example.com')).givenName).toBe('Mario');
    backend.faults.set({ failNext: 1, failureMode: 'reset' });
    const error = await failure(
      admin.accounts.create({ name: 'dropped@example.com', password: GOOD_PASSWORD }, { policy: false }),
    );
    expect(error).toBeInstanceOf(TransportError);
    backend.faults.clear();
  });

  it("changes an owner's password on the account endpoint", async () => {
    await ZimbraAccount.changePassword({
      wire: WIRE,
      url: ORIGIN,
      username: 'giulia.bianchi@example.com',
      oldPassword: DEMO_PASSWORD,
      newPassword: GOOD_PASSWORD,
    });
    const again = await failure(
      ZimbraAccount.changePassword({
        wire: WIRE,
        url: ORIGIN,
        username: 'giulia.bianchi@example.com',
        oldPassword: DEMO_PASSWORD,
        newPassword: GOOD_PASSWORD,
      }),
    );
    expect(isZimbraFault(again, 'account.AUTH_FAILED')).toBe(true);
  });
});
