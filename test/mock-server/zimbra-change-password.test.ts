import { describe, expect, it } from 'vitest';
import {
  accountId,
  adminToken,
  DEMO_PASSWORD,
  faultCode,
  faultReason,
  soap,
  textOf,
  useMock,
  userToken,
} from './soap-helpers.ts';

const change = (name: string, oldPassword: string, password: string) =>
  `<ChangePasswordRequest xmlns="urn:zimbraAccount"><account by="name">${name}</account><oldPassword>${oldPassword}</oldPassword><password>${password}</password></ChangePasswordRequest>`;

describe('Zimbra mock: a mailbox owner changes their own password', () => {
  const demo = useMock({ resetEach: true });

  it('changes the password on /service/soap with the old one as credential and returns a new token', async () => {
    const before = await userToken(demo.mock.url, 'mario.rossi@example.com');
    const answer = await soap(
      demo.mock.url,
      change('mario.rossi@example.com', DEMO_PASSWORD, 'Nuova-Pass-2'),
      undefined,
      '/service/soap',
    );
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(
      /<ChangePasswordResponse xmlns="urn:zimbraAccount"><authToken>[^<]+<\/authToken><lifetime>\d+<\/lifetime>/,
    );
    await expect(userToken(demo.mock.url, 'mario.rossi@example.com', 'Nuova-Pass-2')).resolves.toMatch(/^0_/);
    await expect(userToken(demo.mock.url, 'mario.rossi@example.com')).rejects.toThrow('account.AUTH_FAILED');
    // The token from before the change is dead; the one returned works.
    const stale = await soap(
      demo.mock.url,
      change('mario.rossi@example.com', 'Nuova-Pass-2', 'Again-Pass-3'),
      before,
      '/service/soap',
    );
    expect(faultCode(stale.text)).toBe('service.AUTH_EXPIRED');
    const fresh = await soap(
      demo.mock.url,
      change('mario.rossi@example.com', 'Nuova-Pass-2', 'Again-Pass-3'),
      textOf(answer.text, 'authToken'),
      '/service/soap',
    );
    expect(fresh.status).toBe(200);
  });

  it('also answers ChangePassword on the admin endpoint', async () => {
    const answer = await soap(
      demo.mock.url,
      change('giulia.bianchi@example.com', DEMO_PASSWORD, 'Nuova-Pass-2'),
    );
    expect(answer.status).toBe(200);
  });

  it('answers AUTH_FAILED to a wrong old password and to an unknown account', async () => {
    const wrong = await soap(
      demo.mock.url,
      change('mario.rossi@example.com', 'nope', 'Nuova-Pass-2'),
      undefined,
      '/service/soap',
    );
    expect(faultCode(wrong.text)).toBe('account.AUTH_FAILED');
    expect(faultReason(wrong.text)).toBe('authentication failed for [mario.rossi@example.com]');
    const unknown = await soap(
      demo.mock.url,
      change('ghost@example.com', 'x', 'Nuova-Pass-2'),
      undefined,
      '/service/soap',
    );
    expect(faultCode(unknown.text)).toBe('account.AUTH_FAILED');
  });

  it('enforces the password policy and leaves the old password in place', async () => {
    const answer = await soap(
      demo.mock.url,
      change('mario.rossi@example.com', DEMO_PASSWORD, 'solominuscole1!'),
      undefined,
      '/service/soap',
    );
    expect(faultCode(answer.text)).toBe('account.INVALID_PASSWORD');
    expect(faultReason(answer.text)).toBe('invalid password: not enough upper case characters');
    await expect(userToken(demo.mock.url, 'mario.rossi@example.com')).resolves.toMatch(/^0_/);
  });

  it('answers PASSWORD_LOCKED when the account may not change its password', async () => {
    const admin = await adminToken(demo.mock.url);
    const id = await accountId(demo.mock.url, admin, 'luca.ferrari@example.com');
    await soap(
      demo.mock.url,
      `<ModifyAccountRequest xmlns="urn:zimbraAdmin"><id>${id}</id><a n="zimbraPasswordLocked">TRUE</a></ModifyAccountRequest>`,
      admin,
    );
    const answer = await soap(
      demo.mock.url,
      change('luca.ferrari@example.com', DEMO_PASSWORD, 'Nuova-Pass-2'),
      undefined,
      '/service/soap',
    );
    expect(faultCode(answer.text)).toBe('account.PASSWORD_LOCKED');
    expect(faultReason(answer.text)).toBe("password is locked and can't be changed");
  });

  it('answers CHANGE_PASSWORD at login when the password must change, until it is changed', async () => {
    const admin = await adminToken(demo.mock.url);
    const id = await accountId(demo.mock.url, admin, 'sara.greco@example.com');
    await soap(
      demo.mock.url,
      `<ModifyAccountRequest xmlns="urn:zimbraAdmin"><id>${id}</id><a n="zimbraPasswordMustChange">TRUE</a></ModifyAccountRequest>`,
      admin,
    );
    await expect(userToken(demo.mock.url, 'sara.greco@example.com')).rejects.toThrow(
      'account.CHANGE_PASSWORD',
    );
    await soap(
      demo.mock.url,
      change('sara.greco@example.com', DEMO_PASSWORD, 'Nuova-Pass-2'),
      undefined,
      '/service/soap',
    );
    await expect(userToken(demo.mock.url, 'sara.greco@example.com', 'Nuova-Pass-2')).resolves.toMatch(/^0_/);
  });
});
