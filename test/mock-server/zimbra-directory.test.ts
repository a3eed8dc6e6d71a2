import { describe, expect, it } from 'vitest';
import {
  accountId,
  attrValue,
  attrValues,
  EXAMPLE_ID,
  faultCode,
  faultReason,
  PROFESSIONAL,
  STANDARD,
  soap,
  useMock,
  xmlAttr,
} from './soap-helpers.ts';

const names = (xml: string, tag = 'account') =>
  [...xml.matchAll(new RegExp(`<${tag} name="([^"]+)"`, 'g'))].map((m) => m[1]!);

describe('Zimbra mock: directory, quota, domains and classes of service', () => {
  const demo = useMock({ resetEach: true, adminToken: true });

  it('pages SearchDirectory by name with more and searchTotal', async () => {
    const first = await soap(
      demo.mock.url,
      '<SearchDirectoryRequest xmlns="urn:zimbraAdmin" domain="example.com" types="accounts" limit="15" offset="0" attrs="displayName"/>',
      demo.token,
    );
    expect(xmlAttr(first.text, 'SearchDirectoryResponse', 'more')).toBe('1');
    expect(xmlAttr(first.text, 'SearchDirectoryResponse', 'searchTotal')).toBe('40');
    const firstNames = names(first.text);
    expect(firstNames).toHaveLength(15);
    expect([...firstNames].sort()).toEqual(firstNames);
    expect(first.text).toContain('isExternal="0"');
    const last = await soap(
      demo.mock.url,
      '<SearchDirectoryRequest xmlns="urn:zimbraAdmin" domain="example.com" limit="15" offset="30"/>',
      demo.token,
    );
    expect(names(last.text)).toHaveLength(10);
    expect(xmlAttr(last.text, 'SearchDirectoryResponse', 'more')).toBe('0');
  });

  it('filters SearchDirectory with an LDAP query, sorts by an attribute and counts', async () => {
    const found = await soap(
      demo.mock.url,
      '<SearchDirectoryRequest xmlns="urn:zimbraAdmin" sortBy="sn" sortAscending="0" attrs="sn"><query>(&amp;(|(sn=Ros*)(sn=*anch*))(!(zimbraAccountStatus=closed)))</query></SearchDirectoryRequest>',
      demo.token,
    );
    expect(names(found.text)).toEqual(['mario.rossi@example.com', 'giulia.bianchi@example.com']);
    const count = await soap(
      demo.mock.url,
      `<SearchDirectoryRequest xmlns="urn:zimbraAdmin" domain="example.com" countOnly="1"><query>(zimbraCOSId=${PROFESSIONAL})</query></SearchDirectoryRequest>`,
      demo.token,
    );
    expect(xmlAttr(count.text, 'SearchDirectoryResponse', 'num')).toBe('10');
    const present = await soap(
      demo.mock.url,
      '<SearchDirectoryRequest xmlns="urn:zimbraAdmin" countOnly="1" query="zimbraIsDelegatedAdminAccount=*"/>',
      demo.token,
    );
    expect(xmlAttr(present.text, 'SearchDirectoryResponse', 'num')).toBe('1');
  });

  it('refuses more matches than maxResults with TOO_MANY_SEARCH_RESULTS', async () => {
    const answer = await soap(
      demo.mock.url,
      '<SearchDirectoryRequest xmlns="urn:zimbraAdmin" domain="example.com" maxResults="5"/>',
      demo.token,
    );
    expect(faultCode(answer.text)).toBe('account.TOO_MANY_SEARCH_RESULTS');
  });

  it('lists quota usage by totalUsed descending by default, with byte limits, paged', async () => {
    const answer = await soap(
      demo.mock.url,
      '<GetQuotaUsageRequest xmlns="urn:zimbraAdmin" domain="example.com" limit="5" offset="0"/>',
      demo.token,
    );
    expect(xmlAttr(answer.text, 'GetQuotaUsageResponse', 'searchTotal')).toBe('40');
    expect(xmlAttr(answer.text, 'GetQuotaUsageResponse', 'more')).toBe('1');
    const used = [...answer.text.matchAll(/used="(\d+)"/g)].map((m) => Number(m[1]));
    expect(used).toHaveLength(5);
    expect([...used].sort((a, b) => b - a)).toEqual(used);
    expect(answer.text).toMatch(/<account name="[^"]+" id="[^"]+" used="\d+" limit="53687091200"\/>/);
    const byPercent = await soap(
      demo.mock.url,
      '<GetQuotaUsageRequest xmlns="urn:zimbraAdmin" domain="example.com" sortBy="percentUsed" sortAscending="1" limit="3"/>',
      demo.token,
    );
    const rows = [...byPercent.text.matchAll(/used="(\d+)" limit="(\d+)"/g)].map(
      (m) => Number(m[1]) / Number(m[2]),
    );
    const finite = rows.filter((r) => Number.isFinite(r));
    expect([...finite].sort((a, b) => a - b)).toEqual(finite);
    const bad = await soap(
      demo.mock.url,
      '<GetQuotaUsageRequest xmlns="urn:zimbraAdmin" sortBy="size"/>',
      demo.token,
    );
    expect(faultReason(bad.text)).toBe('invalid request: sortBy must be percentUsed or totalUsed');
  });

  it('reports one mailbox size with GetMailbox, following setUsage', async () => {
    const id = await accountId(demo.mock.url, demo.token, 'mario.rossi@example.com');
    const zimbra = demo.mock.backend.zimbra as unknown as { setUsage(address: string, bytes: number): void };
    zimbra.setUsage('mario.rossi@example.com', 123456789);
    const answer = await soap(
      demo.mock.url,
      `<GetMailboxRequest xmlns="urn:zimbraAdmin"><mbox id="${id}"/></GetMailboxRequest>`,
      demo.token,
    );
    expect(answer.text).toMatch(/<mbox mbxid="\d+" s="123456789"\/>/);
  });

  it('lists domains, reads one with an attrs filter, and counts accounts per effective COS', async () => {
    const all = await soap(demo.mock.url, '<GetAllDomainsRequest xmlns="urn:zimbraAdmin"/>', demo.token);
    expect(names(all.text, 'domain')).toEqual(['example.com', 'oldshop.it']);
    const one = await soap(
      demo.mock.url,
      '<GetDomainRequest xmlns="urn:zimbraAdmin" attrs="zimbraDomainMaxAccounts,zimbraDomainCOSMaxAccounts"><domain by="name">example.com</domain></GetDomainRequest>',
      demo.token,
    );
    expect(attrValue(one.text, 'zimbraDomainMaxAccounts')).toBe('60');
    expect(attrValues(one.text, 'zimbraDomainCOSMaxAccounts')).toEqual([
      `${STANDARD}:40`,
      `${PROFESSIONAL}:10`,
    ]);
    expect(attrValue(one.text, 'zimbraDomainStatus')).toBeUndefined();
    const count = await soap(
      demo.mock.url,
      '<CountAccountRequest xmlns="urn:zimbraAdmin"><domain by="name">example.com</domain></CountAccountRequest>',
      demo.token,
    );
    expect(count.text).toContain(`<cos id="${STANDARD}" name="Standard">28</cos>`);
    expect(count.text).toContain(`<cos id="${PROFESSIONAL}" name="Professional">10</cos>`);
    expect(count.text).toContain('name="default">2</cos>');
    const missing = await soap(
      demo.mock.url,
      '<GetDomainRequest xmlns="urn:zimbraAdmin"><domain by="name">no.test</domain></GetDomainRequest>',
      demo.token,
    );
    expect(faultCode(missing.text)).toBe('account.NO_SUCH_DOMAIN');
  });

  it('raises a COS slot limit with ModifyDomain and checks the cosId:max format', async () => {
    const raise = await soap(
      demo.mock.url,
      `<ModifyDomainRequest xmlns="urn:zimbraAdmin"><id>${EXAMPLE_ID}</id><a n="zimbraDomainCOSMaxAccounts">${STANDARD}:40</a><a n="zimbraDomainCOSMaxAccounts">${PROFESSIONAL}:12</a></ModifyDomainRequest>`,
      demo.token,
    );
    expect(attrValues(raise.text, 'zimbraDomainCOSMaxAccounts')).toEqual([
      `${STANDARD}:40`,
      `${PROFESSIONAL}:12`,
    ]);
    const created = await soap(
      demo.mock.url,
      `<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>pro11@example.com</name><a n="zimbraCOSId">${PROFESSIONAL}</a></CreateAccountRequest>`,
      demo.token,
    );
    expect(created.status).toBe(200);
    const badFormat = await soap(
      demo.mock.url,
      `<ModifyDomainRequest xmlns="urn:zimbraAdmin"><id>${EXAMPLE_ID}</id><a n="+zimbraDomainCOSMaxAccounts">oops</a></ModifyDomainRequest>`,
      demo.token,
    );
    expect(faultReason(badFormat.text)).toBe('invalid request: invalid format');
    const duplicate = await soap(
      demo.mock.url,
      `<ModifyDomainRequest xmlns="urn:zimbraAdmin"><id>${EXAMPLE_ID}</id><a n="+zimbraDomainCOSMaxAccounts">${STANDARD}:50</a></ModifyDomainRequest>`,
      demo.token,
    );
    expect(faultReason(duplicate.text)).toBe(
      `invalid request: cannot contain multiple values for the same cos ${STANDARD}: 40, 50`,
    );
  });

  it('lists classes of service and reads one by name, marking COS-only attributes', async () => {
    const all = await soap(demo.mock.url, '<GetAllCosRequest xmlns="urn:zimbraAdmin"/>', demo.token);
    expect(names(all.text, 'cos').sort()).toEqual(['Professional', 'Standard', 'default']);
    expect(all.text).toMatch(
      /<cos name="default" id="e00428a1-0c00-11d9-836a-000d93afea2a" isDefaultCos="1">/,
    );
    const one = await soap(
      demo.mock.url,
      '<GetCosRequest xmlns="urn:zimbraAdmin"><cos by="name">Professional</cos></GetCosRequest>',
      demo.token,
    );
    expect(xmlAttr(one.text, 'cos', 'id')).toBe(PROFESSIONAL);
    expect(one.text).toContain('<a n="cn" c="1">Professional</a>');
    expect(attrValue(one.text, 'zimbraPasswordMinLength')).toBe('8');
    const missing = await soap(
      demo.mock.url,
      '<GetCosRequest xmlns="urn:zimbraAdmin"><cos by="name">Gold</cos></GetCosRequest>',
      demo.token,
    );
    expect(faultCode(missing.text)).toBe('account.NO_SUCH_COS');
    expect(faultReason(missing.text)).toBe('no such cos: Gold');
  });
});
