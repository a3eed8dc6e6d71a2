import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  adminToken,
  DEMO_PASSWORD,
  DOMAIN_ADMIN,
  faultCode,
  faultReason,
  soap,
  textOf,
  useMock,
  userToken,
} from './soap-helpers.ts';

const getAccount =
  '<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">mario.rossi@example.com</account></GetAccountRequest>';

describe('Zimbra mock: authentication and tokens', () => {
  const demo = useMock({ resetEach: true });

  it('logs a global admin in with <name> and answers lifetime then authToken', async () => {
    const answer = await soap(
      demo.mock.url,
      `<AuthRequest xmlns="urn:zimbraAdmin"><name>${ADMIN}</name><password>${DEMO_PASSWORD}</password></AuthRequest>`,
    );
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(
      /<AuthResponse xmlns="urn:zimbraAdmin"><lifetime>43200000<\/lifetime><authToken>0_[0-9a-f]+_[0-9a-f]+<\/authToken>/,
    );
  });

  it('accepts <account by="name"> and attribute-form fields in the admin AuthRequest', async () => {
    const byAccount = await soap(
      demo.mock.url,
      `<AuthRequest xmlns="urn:zimbraAdmin"><account by="name">${DOMAIN_ADMIN}</account><password>${DEMO_PASSWORD}</password></AuthRequest>`,
    );
    expect(textOf(byAccount.text, 'authToken')).toBeDefined();
    const asAttributes = await soap(
      demo.mock.url,
      `<AuthRequest xmlns="urn:zimbraAdmin" name="${ADMIN}" password="${DEMO_PASSWORD}"/>`,
    );
    expect(asAttributes.status).toBe(200);
  });

  it('answers PERM_DENIED for an unknown admin and for a mailbox that is not an admin', async () => {
    const unknown = await soap(
      demo.mock.url,
      `<AuthRequest xmlns="urn:zimbraAdmin"><name>nobody@example.com</name><password>x</password></AuthRequest>`,
    );
    expect(unknown.status).toBe(500);
    expect(faultCode(unknown.text)).toBe('service.PERM_DENIED');
    expect(faultReason(unknown.text)).toBe('permission denied: Error in Authentication');
    const notAdmin = await soap(
      demo.mock.url,
      `<AuthRequest xmlns="urn:zimbraAdmin"><name>mario.rossi@example.com</name><password>${DEMO_PASSWORD}</password></AuthRequest>`,
    );
    expect(faultCode(notAdmin.text)).toBe('service.PERM_DENIED');
    expect(faultReason(notAdmin.text)).toBe('permission denied: not an admin account');
  });

  it('answers account.AUTH_FAILED for an admin with a wrong password, naming only the login', async () => {
    const answer = await soap(
      demo.mock.url,
      `<AuthRequest xmlns="urn:zimbraAdmin"><name>${ADMIN}</name><password>wrong</password></AuthRequest>`,
    );
    expect(faultCode(answer.text)).toBe('account.AUTH_FAILED');
    expect(faultReason(answer.text)).toBe(`authentication failed for [${ADMIN}]`);
  });

  it('logs a mailbox owner in through urn:zimbraAccount on /service/soap', async () => {
    const answer = await soap(
      demo.mock.url,
      `<AuthRequest xmlns="urn:zimbraAccount"><account by="name">mario.rossi@example.com</account><password>${DEMO_PASSWORD}</password></AuthRequest>`,
      undefined,
      '/service/soap',
    );
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(
      /<AuthResponse xmlns="urn:zimbraAccount"><authToken>[^<]+<\/authToken><lifetime>172800000<\/lifetime>/,
    );
  });

  it('refuses user logins of locked mailboxes and of mailboxes in a suspended domain', async () => {
    const locked = await soap(
      demo.mock.url,
      `<AuthRequest xmlns="urn:zimbraAccount"><account by="name">fabio.rinaldi@example.com</account><password>${DEMO_PASSWORD}</password></AuthRequest>`,
      undefined,
      '/service/soap',
    );
    expect(faultCode(locked.text)).toBe('account.AUTH_FAILED');
    const suspended = await soap(
      demo.mock.url,
      `<AuthRequest xmlns="urn:zimbraAccount"><account by="name">carlo.verdi@oldshop.it</account><password>${DEMO_PASSWORD}</password></AuthRequest>`,
      undefined,
      '/service/soap',
    );
    expect(faultCode(suspended.text)).toBe('account.MAINTENANCE_MODE');
    expect(suspended.text).toContain('<soap:Value>soap:Receiver</soap:Value>');
  });

  it('answers service.AUTH_REQUIRED to an admin request without a token or with a garbage one', async () => {
    const none = await soap(demo.mock.url, getAccount);
    expect(faultCode(none.text)).toBe('service.AUTH_REQUIRED');
    expect(faultReason(none.text)).toBe('no valid authtoken present');
    const garbage = await soap(demo.mock.url, getAccount, '0_deadbeef_00');
    expect(faultCode(garbage.text)).toBe('service.AUTH_REQUIRED');
  });

  it('answers PERM_DENIED to an admin request made with a mailbox owner token', async () => {
    const token = await userToken(demo.mock.url, 'mario.rossi@example.com');
    const answer = await soap(demo.mock.url, getAccount, token);
    expect(faultCode(answer.text)).toBe('service.PERM_DENIED');
    expect(faultReason(answer.text)).toBe('permission denied: need adequate admin token');
  });

  it('answers service.AUTH_EXPIRED in a bare envelope once every token is expired', async () => {
    const token = await adminToken(demo.mock.url);
    expect((await soap(demo.mock.url, getAccount, token)).status).toBe(200);
    demo.mock.backend.expireAllTokens();
    const answer = await soap(demo.mock.url, getAccount, token);
    expect(answer.status).toBe(500);
    expect(faultCode(answer.text)).toBe('service.AUTH_EXPIRED');
    expect(faultReason(answer.text)).toBe('auth credentials have expired');
    expect(answer.text).not.toContain('soap:Header');
    // A fresh login works again.
    expect((await soap(demo.mock.url, getAccount, await adminToken(demo.mock.url))).status).toBe(200);
  });

  it('expires the tokens of an account that was deleted', async () => {
    const admin = await adminToken(demo.mock.url);
    const user = await userToken(demo.mock.url, 'mario.rossi@example.com');
    const id = /id="([^"]+)"/.exec((await soap(demo.mock.url, getAccount, admin)).text)![1];
    await soap(
      demo.mock.url,
      `<DeleteAccountRequest xmlns="urn:zimbraAdmin"><id>${id}</id></DeleteAccountRequest>`,
      admin,
    );
    const answer = await soap(
      demo.mock.url,
      `<AuthRequest xmlns="urn:zimbraAccount"><account by="name">x@example.com</account><password>x</password></AuthRequest>`,
      user,
      '/service/soap',
    );
    expect(faultCode(answer.text)).toBe('service.AUTH_EXPIRED');
  });
});
