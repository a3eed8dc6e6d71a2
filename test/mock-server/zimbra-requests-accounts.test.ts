import { describe, expect, it } from 'vitest';
import {
  accountId,
  adminToken,
  attrValue,
  attrValues,
  DOMAIN_ADMIN,
  faultCode,
  soap,
  textOf,
  useMock,
  xmlAttr,
} from './soap-helpers.ts';

const names = (xml: string, tag = 'account') =>
  [...xml.matchAll(new RegExp(`<${tag} name="([^"]+)"`, 'g'))].map((m) => m[1]!);

const alias = (op: 'Add' | 'Remove', id: string, address: string) =>
  `<${op}AccountAliasRequest xmlns="urn:zimbraAdmin"><id>${id}</id><alias>${address}</alias></${op}AccountAliasRequest>`;

describe('Zimbra mock: account listings, aliases and delegated login', () => {
  const demo = useMock({ resetEach: true, adminToken: true });

  it('lists every account of a domain with GetAllAccounts, sorted by name', async () => {
    const answer = await soap(
      demo.mock.url,
      '<GetAllAccountsRequest xmlns="urn:zimbraAdmin"><domain by="name">oldshop.it</domain></GetAllAccountsRequest>',
      demo.token,
    );
    const listed = names(answer.text);
    expect(listed).toHaveLength(3);
    expect([...listed].sort()).toEqual(listed);
    expect(listed.every((n) => n.endsWith('@oldshop.it'))).toBe(true);
  });

  it('keeps a delegated admin to the domains it may list', async () => {
    const token = await adminToken(demo.mock.url, DOMAIN_ADMIN);
    const own = await soap(
      demo.mock.url,
      '<GetAllAccountsRequest xmlns="urn:zimbraAdmin"><domain by="name">example.com</domain></GetAllAccountsRequest>',
      token,
    );
    expect(own.status).toBe(200);
    const other = await soap(
      demo.mock.url,
      '<GetAllAccountsRequest xmlns="urn:zimbraAdmin"><domain by="name">oldshop.it</domain></GetAllAccountsRequest>',
      token,
    );
    expect(faultCode(other.text)).toBe('service.PERM_DENIED');
    const all = await soap(demo.mock.url, '<GetAllAccountsRequest xmlns="urn:zimbraAdmin"/>', token);
    expect(faultCode(all.text)).toBe('service.PERM_DENIED');
  });

  it('answers GetAccountInfo with the id, mail host, COS and service URLs', async () => {
    const answer = await soap(
      demo.mock.url,
      '<GetAccountInfoRequest xmlns="urn:zimbraAdmin"><account by="name">mario.rossi@example.com</account></GetAccountInfoRequest>',
      demo.token,
    );
    expect(textOf(answer.text, 'name')).toBe('mario.rossi@example.com');
    expect(attrValue(answer.text, 'zimbraId')).toBe(
      await accountId(demo.mock.url, demo.token, 'mario.rossi@example.com'),
    );
    expect(attrValue(answer.text, 'zimbraMailHost')).toBe('mail.casella.test');
    expect(xmlAttr(answer.text, 'cos', 'name')).toBe('Standard');
    expect(textOf(answer.text, 'soapURL')).toBe('https://mail.casella.test:443/service/soap/');
    expect(textOf(answer.text, 'adminSoapURL')).toBe('https://mail.casella.test:7071/service/admin/soap/');
  });

  it('lists the global and delegated admins with GetAllAdminAccounts', async () => {
    const answer = await soap(
      demo.mock.url,
      '<GetAllAdminAccountsRequest xmlns="urn:zimbraAdmin"/>',
      demo.token,
    );
    expect(names(answer.text)).toEqual(['admin@example.com', 'domainadmin@example.com']);
  });

  it('adds an alias that GetAccount, SearchDirectory and logins find, and refuses a taken one', async () => {
    const id = await accountId(demo.mock.url, demo.token, 'mario.rossi@example.com');
    const added = await soap(demo.mock.url, alias('Add', id, 'MR@example.com'), demo.token);
    expect(added.status).toBe(200);
    expect(added.text).toContain('<AddAccountAliasResponse xmlns="urn:zimbraAdmin"');
    const byAlias = await soap(
      demo.mock.url,
      '<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">mr@example.com</account></GetAccountRequest>',
      demo.token,
    );
    expect(xmlAttr(byAlias.text, 'account', 'name')).toBe('mario.rossi@example.com');
    expect(attrValues(byAlias.text, 'zimbraMailAlias')).toEqual(['mr@example.com']);
    expect(attrValues(byAlias.text, 'mail')).toContain('mr@example.com');
    const search = await soap(
      demo.mock.url,
      '<SearchDirectoryRequest xmlns="urn:zimbraAdmin" types="aliases" domain="example.com"/>',
      demo.token,
    );
    expect(xmlAttr(search.text, 'alias', 'name')).toBe('mr@example.com');
    expect(xmlAttr(search.text, 'alias', 'targetName')).toBe('mario.rossi@example.com');
    const otherId = await accountId(demo.mock.url, demo.token, 'luca.ferrari@example.com');
    const taken = await soap(demo.mock.url, alias('Add', otherId, 'mr@example.com'), demo.token);
    expect(faultCode(taken.text)).toBe('account.ACCOUNT_EXISTS');
    const clash = await soap(demo.mock.url, alias('Add', otherId, 'mario.rossi@example.com'), demo.token);
    expect(faultCode(clash.text)).toBe('account.ACCOUNT_EXISTS');
    const create = await soap(
      demo.mock.url,
      '<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>mr@example.com</name></CreateAccountRequest>',
      demo.token,
    );
    expect(faultCode(create.text)).toBe('account.ACCOUNT_EXISTS');
  });

  it('refuses an alias in a domain that does not exist, and removes one it holds', async () => {
    const id = await accountId(demo.mock.url, demo.token, 'mario.rossi@example.com');
    const nowhere = await soap(demo.mock.url, alias('Add', id, 'mr@nowhere.example'), demo.token);
    expect(faultCode(nowhere.text)).toBe('account.NO_SUCH_DOMAIN');
    await soap(demo.mock.url, alias('Add', id, 'mr@example.com'), demo.token);
    const removed = await soap(demo.mock.url, alias('Remove', id, 'mr@example.com'), demo.token);
    expect(removed.status).toBe(200);
    const gone = await soap(
      demo.mock.url,
      '<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">mr@example.com</account></GetAccountRequest>',
      demo.token,
    );
    expect(faultCode(gone.text)).toBe('account.NO_SUCH_ACCOUNT');
    const again = await soap(demo.mock.url, alias('Remove', id, 'mr@example.com'), demo.token);
    expect(faultCode(again.text)).toBe('account.NO_SUCH_ALIAS');
  });

  it('finds an account by its foreign principal', async () => {
    const id = await accountId(demo.mock.url, demo.token, 'mario.rossi@example.com');
    await soap(
      demo.mock.url,
      `<ModifyAccountRequest xmlns="urn:zimbraAdmin"><id>${id}</id><a n="zimbraForeignPrincipal">ad:mrossi</a></ModifyAccountRequest>`,
      demo.token,
    );
    const found = await soap(
      demo.mock.url,
      '<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="foreignPrincipal">ad:mrossi</account></GetAccountRequest>',
      demo.token,
    );
    expect(xmlAttr(found.text, 'account', 'id')).toBe(id);
    const missing = await soap(
      demo.mock.url,
      '<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="foreignPrincipal">ad:nobody</account></GetAccountRequest>',
      demo.token,
    );
    expect(faultCode(missing.text)).toBe('account.NO_SUCH_ACCOUNT');
  });

  it('logs an admin in as a mailbox with DelegateAuth: an account token that works on /service/soap only', async () => {
    const answer = await soap(
      demo.mock.url,
      '<DelegateAuthRequest xmlns="urn:zimbraAdmin" duration="600"><account by="name">mario.rossi@example.com</account></DelegateAuthRequest>',
      demo.token,
    );
    expect(answer.status).toBe(200);
    expect(textOf(answer.text, 'lifetime')).toBe('600000');
    const token = textOf(answer.text, 'authToken')!;
    const info = await soap(
      demo.mock.url,
      '<GetInfoRequest xmlns="urn:zimbraAccount"/>',
      token,
      '/service/soap',
    );
    expect(textOf(info.text, 'name')).toBe('mario.rossi@example.com');
    const asAdmin = await soap(demo.mock.url, '<GetAllAdminAccountsRequest xmlns="urn:zimbraAdmin"/>', token);
    expect(faultCode(asAdmin.text)).toBe('service.PERM_DENIED');
  });

  it('never lets a delegated admin log in as a global admin', async () => {
    const token = await adminToken(demo.mock.url, DOMAIN_ADMIN);
    const answer = await soap(
      demo.mock.url,
      '<DelegateAuthRequest xmlns="urn:zimbraAdmin"><account by="name">admin@example.com</account></DelegateAuthRequest>',
      token,
    );
    expect(faultCode(answer.text)).toBe('service.PERM_DENIED');
  });
});
