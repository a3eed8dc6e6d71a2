import { describe, expect, it } from 'vitest';
import { faultCode, soap, textOf, useMock, userToken, xmlAttr } from './soap-helpers.ts';

describe('Zimbra mock: the requests clients call first (GetVersionInfo, GetInfo, NoOp, Ping)', () => {
  const demo = useMock({ adminToken: true });

  it('answers admin GetVersionInfo without a token, with the release of the default 10.0 profile', async () => {
    const answer = await soap(demo.mock.url, '<GetVersionInfoRequest xmlns="urn:zimbraAdmin"/>');
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('<GetVersionInfoResponse xmlns="urn:zimbraAdmin">');
    expect(xmlAttr(answer.text, 'info', 'version')).toMatch(/^10\.0\.0_GA_/);
    expect(xmlAttr(answer.text, 'info', 'majorversion')).toBe('10');
    expect(xmlAttr(answer.text, 'info', 'type')).toBe('NETWORK');
  });

  it('keeps the version from mailbox owners unless the config exposes it (zimbraSoapExposeVersion)', async () => {
    const token = await userToken(demo.mock.url, 'mario.rossi@example.com');
    const hidden = await soap(
      demo.mock.url,
      '<GetVersionInfoRequest xmlns="urn:zimbraAccount"/>',
      token,
      '/service/soap',
    );
    expect(faultCode(hidden.text)).toBe('service.PERM_DENIED');
    const anonymous = await soap(
      demo.mock.url,
      '<GetVersionInfoRequest xmlns="urn:zimbraAccount"/>',
      undefined,
      '/service/soap',
    );
    expect(faultCode(anonymous.text)).toBe('service.AUTH_REQUIRED');
  });

  it('tells a mailbox owner who they are, their COS, size, preferences and account attributes in GetInfo', async () => {
    const token = await userToken(demo.mock.url, 'mario.rossi@example.com');
    const answer = await soap(
      demo.mock.url,
      '<GetInfoRequest xmlns="urn:zimbraAccount"/>',
      token,
      '/service/soap',
    );
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('<GetInfoResponse xmlns="urn:zimbraAccount">');
    expect(textOf(answer.text, 'name')).toBe('mario.rossi@example.com');
    expect(textOf(answer.text, 'version')).toMatch(/^10\.0\.0/);
    expect(xmlAttr(answer.text, 'cos', 'name')).toBe('Standard');
    expect(Number(textOf(answer.text, 'used'))).toBeGreaterThanOrEqual(0);
    expect(answer.text).toMatch(/<attr name="zimbraPasswordMinLength">8<\/attr>/);
    expect(answer.text).toContain('<prefs');
    expect(answer.text).not.toContain('userPassword');
  });

  it('answers only the sections asked for', async () => {
    const token = await userToken(demo.mock.url, 'mario.rossi@example.com');
    const answer = await soap(
      demo.mock.url,
      '<GetInfoRequest xmlns="urn:zimbraAccount" sections="mbox"/>',
      token,
      '/service/soap',
    );
    expect(answer.text).toContain('<used>');
    expect(answer.text).not.toContain('<attrs>');
    expect(answer.text).not.toContain('<prefs');
  });

  it('refuses GetInfo without a token with service.AUTH_REQUIRED', async () => {
    const answer = await soap(
      demo.mock.url,
      '<GetInfoRequest xmlns="urn:zimbraAccount"/>',
      undefined,
      '/service/soap',
    );
    expect(faultCode(answer.text)).toBe('service.AUTH_REQUIRED');
  });

  it('answers NoOp for admins and mailbox owners when the token is good, and Ping without one', async () => {
    const admin = await soap(demo.mock.url, '<NoOpRequest xmlns="urn:zimbraAdmin"/>', demo.token);
    expect(admin.text).toContain('<NoOpResponse xmlns="urn:zimbraAdmin"');
    const token = await userToken(demo.mock.url, 'mario.rossi@example.com');
    const mail = await soap(demo.mock.url, '<NoOpRequest xmlns="urn:zimbraMail"/>', token, '/service/soap');
    expect(mail.text).toContain('<NoOpResponse xmlns="urn:zimbraMail"');
    const none = await soap(demo.mock.url, '<NoOpRequest xmlns="urn:zimbraAdmin"/>');
    expect(faultCode(none.text)).toBe('service.AUTH_REQUIRED');
    const ping = await soap(demo.mock.url, '<PingRequest xmlns="urn:zimbraAdmin"/>');
    expect(ping.status).toBe(200);
    expect(ping.text).toContain('<PingResponse xmlns="urn:zimbraAdmin"');
  });
});
