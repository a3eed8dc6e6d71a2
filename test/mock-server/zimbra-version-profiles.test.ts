import { type MockServer, startMockServer } from '@casella/mock-server';
import { afterEach, describe, expect, it } from 'vitest';
import { faultCode, faultReason, soap, xmlAttr } from './soap-helpers.ts';

const login = (name: string, password: string) =>
  `<AuthRequest xmlns="urn:zimbraAdmin"><name>${name}</name><password>${password}</password></AuthRequest>`;

describe('Zimbra mock: version profiles', () => {
  let mock: MockServer | undefined;
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });

  it('answers as Zimbra 10.0 by default: an unknown admin is service.PERM_DENIED', async () => {
    mock = await startMockServer();
    const answer = await soap(mock.url, login('nobody@example.com', 'whatever'));
    expect(faultCode(answer.text)).toBe('service.PERM_DENIED');
    expect(faultReason(answer.text)).toBe('permission denied: Error in Authentication');
    const version = await soap(mock.url, '<GetVersionInfoRequest xmlns="urn:zimbraAdmin"/>');
    expect(xmlAttr(version.text, 'info', 'majorversion')).toBe('10');
  });

  it.each([
    ['8.8.15', '8', '8'],
    ['9.0', '9', '0'],
  ] as const)(
    'answers an unknown admin with account.AUTH_FAILED under the %s profile',
    async (zimbraVersion, major, minor) => {
      mock = await startMockServer({ zimbraVersion });
      const answer = await soap(mock.url, login('nobody@example.com', 'whatever'));
      expect(faultCode(answer.text)).toBe('account.AUTH_FAILED');
      expect(faultReason(answer.text)).toBe('authentication failed for [nobody@example.com]');
      const version = await soap(mock.url, '<GetVersionInfoRequest xmlns="urn:zimbraAdmin"/>');
      expect(xmlAttr(version.text, 'info', 'majorversion')).toBe(major);
      expect(xmlAttr(version.text, 'info', 'minorversion')).toBe(minor);
      expect(xmlAttr(version.text, 'info', 'version')).toMatch(
        new RegExp(`^${zimbraVersion.replace('.', '\\.')}`),
      );
    },
  );

  it('keeps the answers that did not change between releases (a wrong password is AUTH_FAILED everywhere)', async () => {
    mock = await startMockServer({ zimbraVersion: '8.8.15' });
    const answer = await soap(mock.url, login('admin@example.com', 'wrong-password'));
    expect(faultCode(answer.text)).toBe('account.AUTH_FAILED');
  });

  it('refuses a release it does not know, naming the accepted ones', async () => {
    await expect(startMockServer({ zimbraVersion: '7.1' as unknown as '10.0' })).rejects.toThrow(
      'zimbraVersion must be one of 8.8.15, 9.0, 10.0, got 7.1',
    );
  });
});
