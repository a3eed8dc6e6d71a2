import { describe, expect, it } from 'vitest';
import { attrValue, EXAMPLE_ID, faultCode, STANDARD, soap, useMock, xmlAttr } from './soap-helpers.ts';

const getAccount = (name: string, extra = '') =>
  `<GetAccountRequest xmlns="urn:zimbraAdmin" ${extra}><account by="name">${name}</account></GetAccountRequest>`;

describe('Zimbra mock: COS and config inheritance', () => {
  const demo = useMock({ resetEach: true, adminToken: true });

  it('fills an account with its COS values of accountInherited attributes unless applyCos="0"', async () => {
    const applied = await soap(demo.mock.url, getAccount('mario.rossi@example.com'), demo.token);
    expect(attrValue(applied.text, 'zimbraPasswordMinLength')).toBe('8');
    expect(attrValue(applied.text, 'zimbraMailQuota')).toBe(String(5 * 1024 ** 3));
    const own = await soap(demo.mock.url, getAccount('mario.rossi@example.com', 'applyCos="0"'), demo.token);
    expect(attrValue(own.text, 'zimbraPasswordMinLength')).toBeUndefined();
  });

  it('never passes a COS-only attribute (its description) down to accounts', async () => {
    const account = await soap(demo.mock.url, getAccount('mario.rossi@example.com'), demo.token);
    expect(attrValue(account.text, 'description')).toBeUndefined();
    const cos = await soap(
      demo.mock.url,
      `<GetCosRequest xmlns="urn:zimbraAdmin"><cos by="id">${STANDARD}</cos></GetCosRequest>`,
      demo.token,
    );
    expect(cos.text).toContain('<a n="description" c="1">Casella Standard</a>');
    expect(cos.text).toContain('<a n="zimbraPasswordMinLength">8</a>');
  });

  it('lets the account own value win over the COS one', async () => {
    const answer = await soap(
      demo.mock.url,
      `<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>own@example.com</name><a n="zimbraMailQuota">1000</a></CreateAccountRequest>`,
      demo.token,
    );
    expect(attrValue(answer.text, 'zimbraMailQuota')).toBe('1000');
  });

  it("gives a new COS Zimbra's defaultCOSValues, which its accounts then inherit", async () => {
    const created = await soap(
      demo.mock.url,
      '<CreateCosRequest xmlns="urn:zimbraAdmin"><name>Fresh</name><a n="zimbraMailQuota">2048</a></CreateCosRequest>',
      demo.token,
    );
    expect(created.status).toBe(200);
    expect(attrValue(created.text, 'zimbraPrefMailPollingInterval')).toBe('5m');
    expect(attrValue(created.text, 'zimbraMailQuota')).toBe('2048');
    const cosId = xmlAttr(created.text, 'cos', 'id')!;
    const account = await soap(
      demo.mock.url,
      `<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>fresh@example.com</name><a n="zimbraCOSId">${cosId}</a></CreateAccountRequest>`,
      demo.token,
    );
    expect(attrValue(account.text, 'zimbraPrefMailPollingInterval')).toBe('5m');
    expect(attrValue(account.text, 'zimbraFeatureMailEnabled')).toBe('TRUE');
    // A change on the COS shows on its accounts at once.
    await soap(
      demo.mock.url,
      `<ModifyCosRequest xmlns="urn:zimbraAdmin"><id>${cosId}</id><a n="zimbraPrefMailPollingInterval">10m</a></ModifyCosRequest>`,
      demo.token,
    );
    const again = await soap(demo.mock.url, getAccount('fresh@example.com'), demo.token);
    expect(attrValue(again.text, 'zimbraPrefMailPollingInterval')).toBe('10m');
  });

  it('fills a domain with the global config values of domainInherited attributes unless applyConfig="0"', async () => {
    const applied = await soap(
      demo.mock.url,
      `<GetDomainRequest xmlns="urn:zimbraAdmin"><domain by="id">${EXAMPLE_ID}</domain></GetDomainRequest>`,
      demo.token,
    );
    expect(attrValue(applied.text, 'zimbraAutoProvBatchSize')).toBe('20');
    expect(attrValue(applied.text, 'zimbraDomainStatus')).toBe('active');
    const own = await soap(
      demo.mock.url,
      `<GetDomainRequest xmlns="urn:zimbraAdmin" applyConfig="0"><domain by="id">${EXAMPLE_ID}</domain></GetDomainRequest>`,
      demo.token,
    );
    expect(attrValue(own.text, 'zimbraAutoProvBatchSize')).toBeUndefined();
    expect(attrValue(own.text, 'zimbraDomainStatus')).toBe('active');
  });

  it('refuses an attrs= name that is not on a domain', async () => {
    const answer = await soap(
      demo.mock.url,
      `<GetDomainRequest xmlns="urn:zimbraAdmin" attrs="zimbraPasswordMinLength"><domain by="id">${EXAMPLE_ID}</domain></GetDomainRequest>`,
      demo.token,
    );
    expect(faultCode(answer.text)).toBe('service.INVALID_REQUEST');
  });
});
