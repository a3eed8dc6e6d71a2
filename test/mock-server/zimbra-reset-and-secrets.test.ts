import { describe, expect, it } from 'vitest';
import {
  accountId,
  adminToken,
  DEMO_PASSWORD,
  faultCode,
  type SoapAnswer,
  soap,
  useMock,
  userToken,
} from './soap-helpers.ts';

describe('Zimbra mock: reset and secrets', () => {
  const demo = useMock();

  it('goes back to the seed with the same ids after reset', async () => {
    let token = await adminToken(demo.mock.url);
    const marioId = await accountId(demo.mock.url, token, 'mario.rossi@example.com');
    await soap(
      demo.mock.url,
      `<DeleteAccountRequest xmlns="urn:zimbraAdmin"><id>${marioId}</id></DeleteAccountRequest>`,
      token,
    );
    await soap(
      demo.mock.url,
      '<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>temp@example.com</name></CreateAccountRequest>',
      token,
    );
    demo.mock.reset();
    token = await adminToken(demo.mock.url);
    expect(await accountId(demo.mock.url, token, 'mario.rossi@example.com')).toBe(marioId);
    const temp = await soap(
      demo.mock.url,
      '<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">temp@example.com</account></GetAccountRequest>',
      token,
    );
    expect(faultCode(temp.text)).toBe('account.NO_SUCH_ACCOUNT');
  });

  it('forgets issued tokens on reset', async () => {
    const token = await adminToken(demo.mock.url);
    demo.mock.reset();
    const answer = await soap(demo.mock.url, '<GetAllCosRequest xmlns="urn:zimbraAdmin"/>', token);
    expect(faultCode(answer.text)).toBe('service.AUTH_REQUIRED');
  });

  it('never answers with a stored password or its hash', async () => {
    demo.mock.reset();
    const answers: SoapAnswer[] = [];
    const call = async (body: string, token?: string, path?: string) => {
      const answer = await soap(demo.mock.url, body, token, path);
      answers.push(answer);
      return answer;
    };
    const token = await adminToken(demo.mock.url);
    await userToken(demo.mock.url, 'mario.rossi@example.com');
    const id = await accountId(demo.mock.url, token, 'mario.rossi@example.com');
    await call(
      '<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>s@example.com</name><password>Secret-Pass-7</password></CreateAccountRequest>',
      token,
    );
    await call(
      '<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>t@example.com</name><password>x</password></CreateAccountRequest>',
      token,
    );
    await call(
      `<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="id">${id}</account></GetAccountRequest>`,
      token,
    );
    await call(
      `<SetPasswordRequest xmlns="urn:zimbraAdmin"><id>${id}</id><newPassword>Another-Pass-8</newPassword></SetPasswordRequest>`,
      token,
    );
    await call('<SearchDirectoryRequest xmlns="urn:zimbraAdmin" domain="example.com"/>', token);
    await call('<GetAllCosRequest xmlns="urn:zimbraAdmin"/>', token);
    await call('<GetAllDomainsRequest xmlns="urn:zimbraAdmin"/>', token);
    await call(
      `<ChangePasswordRequest xmlns="urn:zimbraAccount"><account by="name">s@example.com</account><oldPassword>Secret-Pass-7</oldPassword><password>Third-Pass-9</password></ChangePasswordRequest>`,
      undefined,
      '/service/soap',
    );
    await call(
      `<AuthRequest xmlns="urn:zimbraAdmin"><name>admin@example.com</name><password>${DEMO_PASSWORD}x</password></AuthRequest>`,
    );
    await call(
      '<AuthRequest xmlns="urn:zimbraAccount"><account by="name">s@example.com</account><password>Secret-Pass-7</password></AuthRequest>',
      undefined,
      '/service/soap',
    );
    expect(answers).toHaveLength(10);
    for (const { text } of answers) {
      for (const secret of [
        DEMO_PASSWORD,
        'Secret-Pass-7',
        'Another-Pass-8',
        'Third-Pass-9',
        'scrypt$',
        '{SSHA512}',
      ]) {
        expect(text).not.toContain(secret);
      }
    }
    expect(
      answers.filter((a) => a.text.includes('<a n="userPassword">VALUE-BLOCKED</a>')).length,
    ).toBeGreaterThan(2);
  });
});
