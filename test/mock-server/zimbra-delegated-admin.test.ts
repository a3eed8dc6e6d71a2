import { beforeEach, describe, expect, it } from 'vitest';
import {
  accountId,
  adminToken,
  DOMAIN_ADMIN,
  faultCode,
  faultReason,
  STANDARD,
  soap,
  useMock,
  xmlAttr,
} from './soap-helpers.ts';

describe('Zimbra mock: a delegated domain admin acts on its own domain only', () => {
  const demo = useMock({ resetEach: true });
  let domainAdmin: string;
  let globalAdmin: string;
  beforeEach(async () => {
    domainAdmin = await adminToken(demo.mock.url, DOMAIN_ADMIN);
    globalAdmin = await adminToken(demo.mock.url);
  });

  it('creates, edits and resets the password of mailboxes in its domain', async () => {
    const created = await soap(
      demo.mock.url,
      `<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>new.one@example.com</name><password>Valid-Pass-1</password><a n="zimbraCOSId">${STANDARD}</a></CreateAccountRequest>`,
      domainAdmin,
    );
    expect(created.status).toBe(200);
    const id = xmlAttr(created.text, 'account', 'id')!;
    const edited = await soap(
      demo.mock.url,
      `<ModifyAccountRequest xmlns="urn:zimbraAdmin"><id>${id}</id><a n="givenName">Nuova</a></ModifyAccountRequest>`,
      domainAdmin,
    );
    expect(edited.status).toBe(200);
    const reset = await soap(
      demo.mock.url,
      `<SetPasswordRequest xmlns="urn:zimbraAdmin"><id>${id}</id><newPassword>weak</newPassword></SetPasswordRequest>`,
      domainAdmin,
    );
    expect(reset.status).toBe(200);
    expect(reset.text).toContain('Password is set successfully.');
  });

  it('gets PERM_DENIED for accounts and domains it does not administer', async () => {
    const otherDomain = await soap(
      demo.mock.url,
      '<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">carlo.verdi@oldshop.it</account></GetAccountRequest>',
      domainAdmin,
    );
    expect(faultCode(otherDomain.text)).toBe('service.PERM_DENIED');
    expect(faultReason(otherDomain.text)).toBe(
      'permission denied: can not access account carlo.verdi@oldshop.it',
    );
    // Missing accounts look the same, so a domain admin cannot probe other domains.
    const missing = await soap(
      demo.mock.url,
      '<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">ghost@oldshop.it</account></GetAccountRequest>',
      domainAdmin,
    );
    expect(faultReason(missing.text)).toBe('permission denied: can not access account ghost@oldshop.it');
    const create = await soap(
      demo.mock.url,
      '<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>x@oldshop.it</name></CreateAccountRequest>',
      domainAdmin,
    );
    expect(faultCode(create.text)).toBe('service.PERM_DENIED');
    const count = await soap(
      demo.mock.url,
      '<CountAccountRequest xmlns="urn:zimbraAdmin"><domain by="name">oldshop.it</domain></CountAccountRequest>',
      domainAdmin,
    );
    expect(faultReason(count.text)).toBe('permission denied: need right: countAccount for domain oldshop.it');
  });

  it('cannot touch a global admin, raise slot limits, or list quota usage server-wide', async () => {
    const adminId = await accountId(demo.mock.url, globalAdmin, 'admin@example.com');
    const touch = await soap(
      demo.mock.url,
      `<SetPasswordRequest xmlns="urn:zimbraAdmin"><id>${adminId}</id><newPassword>Taken-Over-1</newPassword></SetPasswordRequest>`,
      domainAdmin,
    );
    expect(faultCode(touch.text)).toBe('service.PERM_DENIED');
    const promote = await soap(
      demo.mock.url,
      `<ModifyAccountRequest xmlns="urn:zimbraAdmin"><id>${await accountId(demo.mock.url, globalAdmin, 'mario.rossi@example.com')}</id><a n="zimbraIsAdminAccount">TRUE</a></ModifyAccountRequest>`,
      domainAdmin,
    );
    expect(faultCode(promote.text)).toBe('service.PERM_DENIED');
    const raise = await soap(
      demo.mock.url,
      '<ModifyDomainRequest xmlns="urn:zimbraAdmin"><id>5b7e9d1f-2c4a-4e6b-8d0f-1a3c5e7b9d11</id><a n="zimbraDomainMaxAccounts">999</a></ModifyDomainRequest>',
      domainAdmin,
    );
    expect(faultCode(raise.text)).toBe('service.PERM_DENIED');
    const quota = await soap(demo.mock.url, '<GetQuotaUsageRequest xmlns="urn:zimbraAdmin"/>', domainAdmin);
    expect(faultReason(quota.text)).toBe('permission denied: Only system admins are allowed.');
  });

  it('sees only its own domain in listings and searches', async () => {
    const domains = await soap(demo.mock.url, '<GetAllDomainsRequest xmlns="urn:zimbraAdmin"/>', domainAdmin);
    expect([...domains.text.matchAll(/<domain name="([^"]+)"/g)].map((m) => m[1])).toEqual(['example.com']);
    const search = await soap(
      demo.mock.url,
      '<SearchDirectoryRequest xmlns="urn:zimbraAdmin" countOnly="1"/>',
      domainAdmin,
    );
    expect(xmlAttr(search.text, 'SearchDirectoryResponse', 'num')).toBe('40');
    const other = await soap(
      demo.mock.url,
      '<SearchDirectoryRequest xmlns="urn:zimbraAdmin" domain="oldshop.it" countOnly="1"/>',
      domainAdmin,
    );
    expect(xmlAttr(other.text, 'SearchDirectoryResponse', 'num')).toBe('0');
    const quota = await soap(
      demo.mock.url,
      '<GetQuotaUsageRequest xmlns="urn:zimbraAdmin" domain="example.com" limit="1"/>',
      domainAdmin,
    );
    expect(xmlAttr(quota.text, 'GetQuotaUsageResponse', 'searchTotal')).toBe('40');
  });
});
