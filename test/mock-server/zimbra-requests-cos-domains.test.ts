import { describe, expect, it } from 'vitest';
import {
  adminToken,
  attrValue,
  DOMAIN_ADMIN,
  faultCode,
  faultReason,
  STANDARD,
  soap,
  useMock,
  xmlAttr,
} from './soap-helpers.ts';

const names = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag} name="([^"]+)"`, 'g'))].map((m) => m[1]!);

describe('Zimbra mock: classes of service, domains and servers', () => {
  const demo = useMock({ resetEach: true, adminToken: true });

  it('creates, modifies, copies and deletes a COS', async () => {
    const created = await soap(
      demo.mock.url,
      '<CreateCosRequest xmlns="urn:zimbraAdmin"><name>Enterprise</name><a n="zimbraMailQuota">1073741824</a></CreateCosRequest>',
      demo.token,
    );
    expect(created.text).toContain('<CreateCosResponse xmlns="urn:zimbraAdmin">');
    const id = xmlAttr(created.text, 'cos', 'id')!;
    const modified = await soap(
      demo.mock.url,
      `<ModifyCosRequest xmlns="urn:zimbraAdmin"><id>${id}</id><a n="zimbraMailQuota">2147483648</a></ModifyCosRequest>`,
      demo.token,
    );
    expect(attrValue(modified.text, 'zimbraMailQuota')).toBe('2147483648');
    const copied = await soap(
      demo.mock.url,
      '<CopyCosRequest xmlns="urn:zimbraAdmin"><name>Enterprise Plus</name><cos by="name">Enterprise</cos></CopyCosRequest>',
      demo.token,
    );
    expect(xmlAttr(copied.text, 'cos', 'name')).toBe('Enterprise Plus');
    expect(attrValue(copied.text, 'zimbraMailQuota')).toBe('2147483648');
    expect(xmlAttr(copied.text, 'cos', 'id')).not.toBe(id);
    const deleted = await soap(
      demo.mock.url,
      `<DeleteCosRequest xmlns="urn:zimbraAdmin"><id>${id}</id></DeleteCosRequest>`,
      demo.token,
    );
    expect(deleted.text).toContain('<DeleteCosResponse xmlns="urn:zimbraAdmin"');
    const all = await soap(demo.mock.url, '<GetAllCosRequest xmlns="urn:zimbraAdmin"/>', demo.token);
    expect(names(all.text, 'cos')).toEqual(['Enterprise Plus', 'Professional', 'Standard', 'default']);
  });

  it('refuses a taken COS name, a bad value, an unknown COS and the default COS deletion', async () => {
    const taken = await soap(
      demo.mock.url,
      '<CreateCosRequest xmlns="urn:zimbraAdmin"><name>Standard</name></CreateCosRequest>',
      demo.token,
    );
    expect(faultCode(taken.text)).toBe('account.COS_EXISTS');
    const bad = await soap(
      demo.mock.url,
      `<ModifyCosRequest xmlns="urn:zimbraAdmin"><id>${STANDARD}</id><a n="zimbraPasswordMaxAge">-1</a></ModifyCosRequest>`,
      demo.token,
    );
    expect(faultCode(bad.text)).toBe('account.INVALID_ATTR_VALUE');
    const accountAttr = await soap(
      demo.mock.url,
      `<ModifyCosRequest xmlns="urn:zimbraAdmin"><id>${STANDARD}</id><a n="givenName">x</a></ModifyCosRequest>`,
      demo.token,
    );
    expect(faultCode(accountAttr.text)).toBe('account.INVALID_ATTR_NAME');
    const unknown = await soap(
      demo.mock.url,
      '<DeleteCosRequest xmlns="urn:zimbraAdmin"><id>00000000-0000-4000-8000-000000000000</id></DeleteCosRequest>',
      demo.token,
    );
    expect(faultCode(unknown.text)).toBe('account.NO_SUCH_COS');
    const all = await soap(
      demo.mock.url,
      '<GetCosRequest xmlns="urn:zimbraAdmin"><cos by="name">default</cos></GetCosRequest>',
      demo.token,
    );
    const defaultId = xmlAttr(all.text, 'cos', 'id')!;
    const keep = await soap(
      demo.mock.url,
      `<DeleteCosRequest xmlns="urn:zimbraAdmin"><id>${defaultId}</id></DeleteCosRequest>`,
      demo.token,
    );
    expect(faultCode(keep.text)).toBe('service.INVALID_REQUEST');
  });

  it('leaves COS and domain creation to global admins', async () => {
    const token = await adminToken(demo.mock.url, DOMAIN_ADMIN);
    const cos = await soap(
      demo.mock.url,
      '<CreateCosRequest xmlns="urn:zimbraAdmin"><name>Mine</name></CreateCosRequest>',
      token,
    );
    expect(faultCode(cos.text)).toBe('service.PERM_DENIED');
    const domain = await soap(
      demo.mock.url,
      '<CreateDomainRequest xmlns="urn:zimbraAdmin"><name>mine.it</name></CreateDomainRequest>',
      token,
    );
    expect(faultCode(domain.text)).toBe('service.PERM_DENIED');
  });

  it('creates a domain that accounts can then be created in, and refuses a taken or malformed name', async () => {
    const created = await soap(
      demo.mock.url,
      `<CreateDomainRequest xmlns="urn:zimbraAdmin"><name>New-Shop.IT</name><a n="zimbraDomainDefaultCOSId">${STANDARD}</a><a n="zimbraVirtualHostname">mail.new-shop.it</a></CreateDomainRequest>`,
      demo.token,
    );
    expect(created.status).toBe(200);
    expect(xmlAttr(created.text, 'domain', 'name')).toBe('new-shop.it');
    expect(attrValue(created.text, 'zimbraDomainStatus')).toBe('active');
    expect(attrValue(created.text, 'zimbraDomainType')).toBe('local');
    const account = await soap(
      demo.mock.url,
      '<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>anna@new-shop.it</name></CreateAccountRequest>',
      demo.token,
    );
    expect(account.status).toBe(200);
    const count = await soap(
      demo.mock.url,
      '<CountAccountRequest xmlns="urn:zimbraAdmin"><domain by="name">new-shop.it</domain></CountAccountRequest>',
      demo.token,
    );
    expect(count.text).toContain(`<cos id="${STANDARD}" name="Standard">1</cos>`);
    const byHost = await soap(
      demo.mock.url,
      '<GetDomainRequest xmlns="urn:zimbraAdmin"><domain by="virtualHostname">mail.new-shop.it</domain></GetDomainRequest>',
      demo.token,
    );
    expect(xmlAttr(byHost.text, 'domain', 'name')).toBe('new-shop.it');
    const taken = await soap(
      demo.mock.url,
      '<CreateDomainRequest xmlns="urn:zimbraAdmin"><name>example.com</name></CreateDomainRequest>',
      demo.token,
    );
    expect(faultCode(taken.text)).toBe('account.DOMAIN_EXISTS');
    const bad = await soap(
      demo.mock.url,
      '<CreateDomainRequest xmlns="urn:zimbraAdmin"><name>bad_domain!</name></CreateDomainRequest>',
      demo.token,
    );
    expect(faultCode(bad.text)).toBe('service.INVALID_REQUEST');
    const accountAttr = await soap(
      demo.mock.url,
      '<CreateDomainRequest xmlns="urn:zimbraAdmin"><name>other.it</name><a n="zimbraPasswordMinLength">8</a></CreateDomainRequest>',
      demo.token,
    );
    expect(faultCode(accountAttr.text)).toBe('account.INVALID_ATTR_NAME');
  });

  it('answers GetDomain by an unknown virtual host with account.NO_SUCH_DOMAIN', async () => {
    const answer = await soap(
      demo.mock.url,
      '<GetDomainRequest xmlns="urn:zimbraAdmin"><domain by="virtualHostname">nowhere.example</domain></GetDomainRequest>',
      demo.token,
    );
    expect(faultCode(answer.text)).toBe('account.NO_SUCH_DOMAIN');
  });

  it('lists the mailbox server and reads it by name with the config values it inherits', async () => {
    const all = await soap(
      demo.mock.url,
      '<GetAllServersRequest xmlns="urn:zimbraAdmin" service="mailbox"/>',
      demo.token,
    );
    expect(names(all.text, 'server')).toEqual(['mail.casella.test']);
    const one = await soap(
      demo.mock.url,
      '<GetServerRequest xmlns="urn:zimbraAdmin"><server by="name">mail.casella.test</server></GetServerRequest>',
      demo.token,
    );
    expect(attrValue(one.text, 'zimbraServiceHostname')).toBe('mail.casella.test');
    expect(attrValue(one.text, 'zimbraSoapExposeVersion')).toBe('FALSE');
    const own = await soap(
      demo.mock.url,
      '<GetServerRequest xmlns="urn:zimbraAdmin" applyConfig="0"><server by="name">mail.casella.test</server></GetServerRequest>',
      demo.token,
    );
    expect(attrValue(own.text, 'zimbraSoapExposeVersion')).toBeUndefined();
    const none = await soap(
      demo.mock.url,
      '<GetAllServersRequest xmlns="urn:zimbraAdmin" service="imapproxy"/>',
      demo.token,
    );
    expect(names(none.text, 'server')).toEqual([]);
    const unknown = await soap(
      demo.mock.url,
      '<GetServerRequest xmlns="urn:zimbraAdmin"><server by="name">other.host</server></GetServerRequest>',
      demo.token,
    );
    expect(faultCode(unknown.text)).toBe('account.NO_SUCH_SERVER');
    expect(faultReason(unknown.text)).toBe('no such server: other.host');
  });
});
