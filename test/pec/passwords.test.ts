import { checkPecPassword, DEFAULT_PEC_PASSWORD_POLICY, isPecApiError, PecPostmaster } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, failure, GOOD_PASSWORD, loginDemo, raw, rawToken, usePecMock } from './support.ts';

const pair = { password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD };

describe('PEC mailbox passwords', () => {
  const demo = usePecMock({ resetEach: true });
  /** Which error a login as this mailbox gets: NOT_POSTMASTER means the password was right. */
  const loginAs = async (address: string, password: string) =>
    (await failure(PecPostmaster.login({ url: `${demo.mock.url}/pec`, username: address, password }))).code;

  it("changes an active mailbox's password: the new one opens it, the old one no longer does", async () => {
    const pec = await loginDemo(demo.mock);
    await pec.mailboxes.changePassword('mario.rossi', pair);
    expect(await loginAs('mario.rossi@pec.example.it', GOOD_PASSWORD)).toBe('NOT_POSTMASTER');
    expect(await loginAs('mario.rossi@pec.example.it', DEMO_PASSWORD)).toBe('INVALID_CREDENTIALS');
  });

  it('refuses to change the password of a suspended mailbox (MAILBOX_NOT_ACTIVE)', async () => {
    const pec = await loginDemo(demo.mock);
    const error = await failure(pec.mailboxes.changePassword('luca.esposito', pair));
    expect(isPecApiError(error, 'MAILBOX_NOT_ACTIVE')).toBe(true);
    expect(error.status).toBe(409);
  });

  it('answers a change for a mailbox that does not exist with MAILBOX_NOT_FOUND', async () => {
    const pec = await loginDemo(demo.mock);
    const error = await failure(pec.mailboxes.changePassword('nessuno', pair));
    expect(isPecApiError(error, 'MAILBOX_NOT_FOUND')).toBe(true);
    expect(error.status).toBe(404);
  });

  it('answers a weak new password with PASSWORD_POLICY_VIOLATION on the server too', async () => {
    const token = await rawToken(demo.mock);
    const body = { password: 'Abcdefgh1', passwordConfirm: 'Abcdefgh1' };
    const res = await raw(demo.mock, 'PUT', '/mailboxes/fatture/password', { token, body });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ field: 'password', rule: 'requireSpecial' }),
    ]);
  });

  it('lets the postmaster change their own password and keeps the session working after expiry', async () => {
    const pec = await loginDemo(demo.mock);
    await pec.mailboxes.changePassword('postmaster@pec.example.it', pair);
    demo.mock.backend.expireAllTokens();
    await expect(pec.domain()).resolves.toMatchObject({ name: 'pec.example.it' });
  });

  it('resets a user mailbox to a temporary password that meets the policy, shown once', async () => {
    const pec = await loginDemo(demo.mock);
    const reset = await pec.mailboxes.resetPassword('fatture');
    expect(reset.mustChangeAtNextLogin).toBe(true);
    expect(checkPecPassword(DEFAULT_PEC_PASSWORD_POLICY, reset.temporaryPassword)).toEqual([]);
    expect(await loginAs('fatture@pec.example.it', reset.temporaryPassword)).toBe('NOT_POSTMASTER');
    const res = await raw(demo.mock, 'POST', '/mailboxes/acquisti/password-reset', {
      token: await rawToken(demo.mock),
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses to reset the postmaster (POSTMASTER_PROTECTED)', async () => {
    const pec = await loginDemo(demo.mock);
    const error = await failure(pec.mailboxes.resetPassword('postmaster'));
    expect(isPecApiError(error, 'POSTMASTER_PROTECTED')).toBe(true);
    expect(error.status).toBe(403);
  });

  it('refuses to reset a suspended mailbox (MAILBOX_NOT_ACTIVE)', async () => {
    const pec = await loginDemo(demo.mock);
    expect((await failure(pec.mailboxes.resetPassword('luca.esposito'))).code).toBe('MAILBOX_NOT_ACTIVE');
  });
});
