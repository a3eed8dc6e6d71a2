// What a domain admin's rights cover, as Zimbra's ACL access manager decides it (decision 0065), and what it
// learns about domains it does not administer (decision 0066): raw XML SOAP over real HTTP.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  accountId,
  adminToken,
  attrValue,
  DOMAIN_ADMIN,
  EXAMPLE_ID,
  faultCode,
  faultReason,
  soap,
  useMock,
  xmlAttr,
} from './soap-helpers.ts';

const OLDSHOP_ID = '6c8f0e2a-3d5b-4f7c-9e1a-2b4d6f8a0c22';
const USER = 'mario.rossi@example.com';
const NEIGHBOUR = 'luca.ferrari@example.com';

describe('Zimbra mock (XML): the attributes a domain admin may set', () => {
  const demo = useMock({ resetEach: true });
  let domainAdmin: string;
  let globalAdmin: string;
  let userId: string;
  beforeEach(async () => {
    domainAdmin = await adminToken(demo.mock.url, DOMAIN_ADMIN);
    globalAdmin = await adminToken(demo.mock.url);
    userId = await accountId(demo.mock.url, globalAdmin, USER);
  });

  const readBack = async () =>
    (
      await soap(
        demo.mock.url,
        `<GetAccountRequest xmlns="urn:zimbraAdmin" applyCos="0"><account by="id">${userId}</account></GetAccountRequest>`,
        globalAdmin,
      )
    ).text;

  it('makes a user of its domain a delegated admin, who logs in as admin but holds no right at all', async () => {
    const promoted = await soap(
      demo.mock.url,
      `<ModifyAccountRequest xmlns="urn:zimbraAdmin"><id>${userId}</id><a n="zimbraIsDelegatedAdminAccount">TRUE</a><a n="zimbraAdminAuthTokenLifetime">1h</a></ModifyAccountRequest>`,
      domainAdmin,
    );
    expect(promoted.status).toBe(200);
    expect(attrValue(await readBack(), 'zimbraIsDelegatedAdminAccount')).toBe('TRUE');

    const token = await adminToken(demo.mock.url, USER);
    const domains = await soap(demo.mock.url, '<GetAllDomainsRequest xmlns="urn:zimbraAdmin"/>', token);
    expect(domains.status).toBe(200);
    expect(domains.text).not.toContain('<domain ');
    const ownDomain = await soap(
      demo.mock.url,
      '<GetDomainRequest xmlns="urn:zimbraAdmin"><domain by="name">example.com</domain></GetDomainRequest>',
      token,
    );
    expect(xmlAttr(ownDomain.text, 'domain', 'id')).toBe(EXAMPLE_ID);
    expect(ownDomain.text).not.toContain('<a n=');
    const neighbourId = await accountId(demo.mock.url, globalAdmin, NEIGHBOUR);
    const refusals = [
      `<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="id">${neighbourId}</account></GetAccountRequest>`,
      `<ModifyAccountRequest xmlns="urn:zimbraAdmin"><id>${neighbourId}</id><a n="sn">X</a></ModifyAccountRequest>`,
      `<SetPasswordRequest xmlns="urn:zimbraAdmin"><id>${neighbourId}</id><newPassword>Taken-Over-1</newPassword></SetPasswordRequest>`,
      `<DeleteAccountRequest xmlns="urn:zimbraAdmin"><id>${neighbourId}</id></DeleteAccountRequest>`,
      '<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>mine@example.com</name></CreateAccountRequest>',
      '<CountAccountRequest xmlns="urn:zimbraAdmin"><domain by="name">example.com</domain></CountAccountRequest>',
      `<DelegateAuthRequest xmlns="urn:zimbraAdmin"><account by="name">${NEIGHBOUR}</account></DelegateAuthRequest>`,
      '<GetQuotaUsageRequest xmlns="urn:zimbraAdmin" domain="example.com"/>',
    ];
    for (const body of refusals) {
      const answer = await soap(demo.mock.url, body, token);
      expect({ body, code: faultCode(answer.text) }).toEqual({ body, code: 'service.PERM_DENIED' });
    }
    const search = await soap(
      demo.mock.url,
      '<SearchDirectoryRequest xmlns="urn:zimbraAdmin" countOnly="1"/>',
      token,
    );
    expect(xmlAttr(search.text, 'SearchDirectoryResponse', 'num')).toBe('0');
  });

  it('refuses zimbraIsAdminAccount and attributes outside its right on ModifyAccount, and changes nothing', async () => {
    const before = await readBack();
    for (const attr of [
      'zimbraIsAdminAccount',
      '+zimbraIsAdminAccount',
      'zimbraDomainAdminMaxMailQuota',
      'zimbraAdminConsoleUIComponents',
      'zimbraPasswordMinAlphaChars',
    ]) {
      const answer = await soap(
        demo.mock.url,
        `<ModifyAccountRequest xmlns="urn:zimbraAdmin"><id>${userId}</id><a n="givenName">Changed</a><a n="${attr}">TRUE</a></ModifyAccountRequest>`,
        domainAdmin,
      );
      expect(faultCode(answer.text)).toBe('service.PERM_DENIED');
      // ModifyAccount's harvesting defence: a non-global admin is not told which attribute was refused.
      expect(faultReason(answer.text)).toBe(`permission denied: can not access account ${userId}`);
    }
    const after = await readBack();
    expect(after.replace(/<a n="zimbraLastLogonTimestamp">[^<]*<\/a>/, '')).toBe(
      before.replace(/<a n="zimbraLastLogonTimestamp">[^<]*<\/a>/, ''),
    );
    expect(attrValue(after, 'givenName')).toBe('Mario');
    expect(attrValue(after, 'zimbraIsAdminAccount')).toBeUndefined();
    const user = await soap(
      demo.mock.url,
      `<AuthRequest xmlns="urn:zimbraAdmin"><name>${USER}</name><password>Casella-Demo-1!</password></AuthRequest>`,
    );
    expect(faultCode(user.text)).toBe('service.PERM_DENIED');
  });

  it('refuses the same attributes on CreateAccount with the reason Zimbra gives, creating nothing', async () => {
    const create = (attr: string) =>
      soap(
        demo.mock.url,
        `<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>boss@example.com</name><password>Valid-Pass-1</password><a n="${attr}">TRUE</a></CreateAccountRequest>`,
        domainAdmin,
      );
    const admin = await create('zimbraIsAdminAccount');
    expect(faultCode(admin.text)).toBe('service.PERM_DENIED');
    expect(faultReason(admin.text)).toBe(
      'permission denied: delegated admin is not allowed to modify zimbraIsAdminAccount',
    );
    const limit = await create('zimbraDomainAdminMaxMailQuota');
    expect(faultReason(limit.text)).toBe(
      'permission denied: cannot access attribute zimbraDomainAdminMaxMailQuota on account target boss@example.com',
    );
    const missing = await soap(
      demo.mock.url,
      '<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">boss@example.com</account></GetAccountRequest>',
      globalAdmin,
    );
    expect(faultCode(missing.text)).toBe('account.NO_SUCH_ACCOUNT');
    // The stock right names zimbraIsDelegatedAdminAccount: a new delegated admin is allowed, with no grant.
    const delegated = await create('zimbraIsDelegatedAdminAccount');
    expect(delegated.status).toBe(200);
    expect(attrValue(delegated.text, 'zimbraIsDelegatedAdminAccount')).toBe('TRUE');
  });
});

describe('Zimbra mock (XML): what a domain admin learns about domains and accounts it does not administer', () => {
  const demo = useMock();
  let domainAdmin: string;
  beforeAll(async () => {
    // An active domain of someone else (the demo's oldshop.it is suspended).
    const made = await soap(
      demo.mock.url,
      '<CreateDomainRequest xmlns="urn:zimbraAdmin"><name>third.example</name></CreateDomainRequest>',
      await adminToken(demo.mock.url),
    );
    if (made.status !== 200) throw new Error(`CreateDomain failed: ${faultCode(made.text)}`);
  });
  beforeEach(async () => {
    domainAdmin = await adminToken(demo.mock.url, DOMAIN_ADMIN);
  });
  const ask = (body: string) => soap(demo.mock.url, body, domainAdmin);

  it('gets NO_SUCH_DOMAIN for a missing domain and the bare name and id of another one from GetDomain', async () => {
    const missing = await ask(
      '<GetDomainRequest xmlns="urn:zimbraAdmin"><domain by="name">nowhere.example</domain></GetDomainRequest>',
    );
    expect(faultCode(missing.text)).toBe('account.NO_SUCH_DOMAIN');
    expect(faultReason(missing.text)).toBe('no such domain: nowhere.example');
    const other = await ask(
      '<GetDomainRequest xmlns="urn:zimbraAdmin"><domain by="name">oldshop.it</domain></GetDomainRequest>',
    );
    expect(other.status).toBe(200);
    expect(xmlAttr(other.text, 'domain', 'id')).toBe(OLDSHOP_ID);
    expect(other.text).not.toContain('<a n=');
    const own = await ask(
      '<GetDomainRequest xmlns="urn:zimbraAdmin"><domain by="name">example.com</domain></GetDomainRequest>',
    );
    expect(attrValue(own.text, 'zimbraDomainName')).toBe('example.com');
  });

  it('gets NO_SUCH_DOMAIN from CreateAccount and SearchDirectory for a missing domain, PERM_DENIED or nothing for another', async () => {
    const createMissing = await ask(
      '<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>x@nowhere.example</name></CreateAccountRequest>',
    );
    expect(faultCode(createMissing.text)).toBe('account.NO_SUCH_DOMAIN');
    const createOther = await ask(
      '<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>x@third.example</name></CreateAccountRequest>',
    );
    expect(faultReason(createOther.text)).toBe(
      'permission denied: need right: createAccount for domain third.example',
    );
    // checkDomainRightByEmail checks the domain's status before the right, as Zimbra does.
    const createSuspended = await ask(
      '<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>x@oldshop.it</name></CreateAccountRequest>',
    );
    expect(faultReason(createSuspended.text)).toBe('permission denied: domain is suspended');
    const searchMissing = await ask(
      '<SearchDirectoryRequest xmlns="urn:zimbraAdmin" domain="nowhere.example" countOnly="1"/>',
    );
    expect(faultCode(searchMissing.text)).toBe('account.NO_SUCH_DOMAIN');
    const searchOther = await ask(
      '<SearchDirectoryRequest xmlns="urn:zimbraAdmin" domain="oldshop.it" countOnly="1"/>',
    );
    expect(xmlAttr(searchOther.text, 'SearchDirectoryResponse', 'num')).toBe('0');
    const searchThird = await ask(
      '<SearchDirectoryRequest xmlns="urn:zimbraAdmin" domain="third.example" countOnly="1"/>',
    );
    expect(xmlAttr(searchThird.text, 'SearchDirectoryResponse', 'num')).toBe('0');
  });

  it('gets NO_SUCH_ACCOUNT for a missing address of its own domain, one PERM_DENIED for every other', async () => {
    const get = (name: string) =>
      ask(
        `<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">${name}</account></GetAccountRequest>`,
      );
    const ownMissing = await get('ghost@example.com');
    expect(faultCode(ownMissing.text)).toBe('account.NO_SUCH_ACCOUNT');
    expect(faultReason(ownMissing.text)).toBe('no such account: ghost@example.com');
    for (const name of [
      'carlo.verdi@oldshop.it',
      'ghost@oldshop.it',
      'ghost@third.example',
      'ghost@nowhere.example',
    ]) {
      const answer = await get(name);
      expect({ name, reason: faultReason(answer.text) }).toEqual({
        name,
        reason: `permission denied: can not access account ${name}`,
      });
    }
    // By id nothing names a domain: a missing id is PERM_DENIED too.
    const byId = await ask(
      '<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="id">00000000-0000-4000-8000-000000000000</account></GetAccountRequest>',
    );
    expect(faultCode(byId.text)).toBe('service.PERM_DENIED');
  });
});
