import { describe, expect, it } from 'vitest';
import { accountId, adminToken, DOMAIN_ADMIN, faultCode, soap, useMock, xmlAttr } from './soap-helpers.ts';

const entries = (xml: string) =>
  [...xml.matchAll(/<(account|alias|domain|cos|calresource) name="([^"]+)"/g)].map((m) => `${m[1]}:${m[2]}`);

const search = (attrs: string, query = '') =>
  `<SearchDirectoryRequest xmlns="urn:zimbraAdmin" ${attrs}>${query ? `<query>${query}</query>` : ''}</SearchDirectoryRequest>`;

describe('Zimbra mock: SearchDirectory over every entry type', () => {
  const demo = useMock({ resetEach: true, adminToken: true });

  it('finds domains by an LDAP filter on their attributes', async () => {
    const answer = await soap(
      demo.mock.url,
      search('types="domains"', '(zimbraDomainName=*shop*)'),
      demo.token,
    );
    expect(entries(answer.text)).toEqual(['domain:oldshop.it']);
    expect(xmlAttr(answer.text, 'SearchDirectoryResponse', 'searchTotal')).toBe('1');
    const all = await soap(demo.mock.url, search('types="domains"'), demo.token);
    expect(entries(all.text)).toEqual(['domain:example.com', 'domain:oldshop.it']);
  });

  it('finds classes of service, and refuses a domain with the coses type', async () => {
    const answer = await soap(demo.mock.url, search('types="coses"', '(cn=Pro*)'), demo.token);
    expect(entries(answer.text)).toEqual(['cos:Professional']);
    const refused = await soap(demo.mock.url, search('types="coses" domain="example.com"'), demo.token);
    expect(faultCode(refused.text)).toBe('service.INVALID_REQUEST');
  });

  it('answers several types in one list sorted by name, with the total over all of them', async () => {
    const id = await accountId(demo.mock.url, demo.token, 'mario.rossi@example.com');
    await soap(
      demo.mock.url,
      `<AddAccountAliasRequest xmlns="urn:zimbraAdmin"><id>${id}</id><alias>marco.b@example.com</alias></AddAccountAliasRequest>`,
      demo.token,
    );
    const answer = await soap(
      demo.mock.url,
      search('types="accounts,aliases" domain="example.com"', '(uid=mar*)'),
      demo.token,
    );
    expect(entries(answer.text)).toEqual([
      'alias:marco.b@example.com',
      'account:marco.marino@example.com',
      'account:mario.rossi@example.com',
      'account:martina.rizzo@example.com',
    ]);
    expect(xmlAttr(answer.text, 'SearchDirectoryResponse', 'searchTotal')).toBe('4');
    expect(answer.text).toContain('targetName="mario.rossi@example.com"');
    const count = await soap(
      demo.mock.url,
      search('types="accounts,aliases,domains" countOnly="1"'),
      demo.token,
    );
    expect(Number(xmlAttr(count.text, 'SearchDirectoryResponse', 'num'))).toBeGreaterThan(40);
  });

  it('answers calendar resources as <calresource>, apart from accounts', async () => {
    const id = await accountId(demo.mock.url, demo.token, 'sara.greco@example.com');
    await soap(
      demo.mock.url,
      `<ModifyAccountRequest xmlns="urn:zimbraAdmin"><id>${id}</id><a n="+objectClass">zimbraCalendarResource</a></ModifyAccountRequest>`,
      demo.token,
    );
    const resources = await soap(demo.mock.url, search('types="resources" domain="example.com"'), demo.token);
    expect(entries(resources.text)).toEqual(['calresource:sara.greco@example.com']);
    const accounts = await soap(demo.mock.url, search('types="accounts" domain="example.com"'), demo.token);
    expect(entries(accounts.text)).not.toContain('account:sara.greco@example.com');
    expect(entries(accounts.text).length).toBeGreaterThan(30);
  });

  it('answers an empty list for distribution lists, which the emulator does not hold', async () => {
    const answer = await soap(demo.mock.url, search('types="distributionlists"'), demo.token);
    expect(xmlAttr(answer.text, 'SearchDirectoryResponse', 'searchTotal')).toBe('0');
  });

  it('finds one account by an exact mail filter, through the index, in or out of a domain', async () => {
    const hit = await soap(demo.mock.url, search('', '(mail=mario.rossi@example.com)'), demo.token);
    expect(entries(hit.text)).toEqual(['account:mario.rossi@example.com']);
    const elsewhere = await soap(
      demo.mock.url,
      search('domain="oldshop.it"', '(mail=mario.rossi@example.com)'),
      demo.token,
    );
    expect(entries(elsewhere.text)).toEqual([]);
  });

  it('shows a delegated admin only the domains it was granted', async () => {
    const token = await adminToken(demo.mock.url, DOMAIN_ADMIN);
    const answer = await soap(demo.mock.url, search('types="domains"'), token);
    expect(entries(answer.text)).toEqual(['domain:example.com']);
    const coses = await soap(demo.mock.url, search('types="coses"'), token);
    expect(entries(coses.text)).toEqual(['cos:Professional', 'cos:Standard']);
  });
});

describe('Zimbra mock: GetQuotaUsage lists system accounts too', () => {
  const demo = useMock({ resetEach: true, adminToken: true });

  it('includes a system account in the usage list while CountAccount leaves it out', async () => {
    const before = await soap(
      demo.mock.url,
      '<CountAccountRequest xmlns="urn:zimbraAdmin"><domain by="name">example.com</domain></CountAccountRequest>',
      demo.token,
    );
    const created = await soap(
      demo.mock.url,
      '<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>spam.abc@example.com</name><a n="zimbraIsSystemResource">TRUE</a><a n="zimbraIsSystemAccount">TRUE</a></CreateAccountRequest>',
      demo.token,
    );
    expect(created.status).toBe(200);
    const usage = await soap(
      demo.mock.url,
      '<GetQuotaUsageRequest xmlns="urn:zimbraAdmin" domain="example.com" sortBy="account" sortAscending="1"/>',
      demo.token,
    );
    expect(usage.text).toContain('name="spam.abc@example.com"');
    const after = await soap(
      demo.mock.url,
      '<CountAccountRequest xmlns="urn:zimbraAdmin"><domain by="name">example.com</domain></CountAccountRequest>',
      demo.token,
    );
    expect(after.text.replace(/requestId="[^"]*"/, '')).toBe(before.text.replace(/requestId="[^"]*"/, ''));
  });
});
