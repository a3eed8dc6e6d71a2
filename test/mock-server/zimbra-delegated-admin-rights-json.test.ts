// The domain admin's attribute rights and domain answers of zimbra-delegated-admin-rights.test.ts, over raw
// JSON SOAP: the same refusals, codes and reasons whatever the request format (decisions 0065, 0066).
import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, DEMO_PASSWORD, DOMAIN_ADMIN, useMock } from './soap-helpers.ts';
import { type Json, jsonAdminToken, postJson } from './zimbra-json-helpers.ts';

const NS = 'urn:zimbraAdmin';
const USER = 'mario.rossi@example.com';

const error = (answer: { body: Json }) => ({
  code: answer.body?.Body?.Fault?.Detail?.Error?.Code,
  reason: answer.body?.Body?.Fault?.Reason?.Text,
});

describe('Zimbra mock (JSON): what a domain admin may set and learn', () => {
  const demo = useMock({ resetEach: true });
  let domainAdmin: string;
  let globalAdmin: string;
  let userId: string;
  beforeEach(async () => {
    domainAdmin = await jsonAdminToken(demo.mock.url, DOMAIN_ADMIN);
    globalAdmin = await jsonAdminToken(demo.mock.url, ADMIN);
    const got = await postJson(
      demo.mock.url,
      'GetAccountRequest',
      { _jsns: NS, account: { by: 'name', _content: USER } },
      { token: globalAdmin },
    );
    userId = got.body.Body.GetAccountResponse.account[0].id;
  });

  const call = (name: string, request: Json, token = domainAdmin) =>
    postJson(demo.mock.url, name, { _jsns: NS, ...request }, { token });

  it('refuses zimbraIsAdminAccount on ModifyAccount and CreateAccount, changing and creating nothing', async () => {
    const modify = await call('ModifyAccountRequest', {
      id: userId,
      a: [
        { n: 'sn', _content: 'Changed' },
        { n: 'zimbraIsAdminAccount', _content: 'TRUE' },
      ],
    });
    expect(error(modify)).toEqual({
      code: 'service.PERM_DENIED',
      reason: `permission denied: can not access account ${userId}`,
    });
    const create = await call('CreateAccountRequest', {
      name: { _content: 'boss@example.com' },
      a: [{ n: 'zimbraIsAdminAccount', _content: 'TRUE' }],
    });
    expect(error(create)).toEqual({
      code: 'service.PERM_DENIED',
      reason: 'permission denied: delegated admin is not allowed to modify zimbraIsAdminAccount',
    });
    const read = await call('GetAccountRequest', { account: { by: 'id', _content: userId } }, globalAdmin);
    const attrs: { n: string; _content: string }[] = read.body.Body.GetAccountResponse.account[0].a;
    expect(attrs.find((a) => a.n === 'sn')?._content).toBe('Rossi');
    expect(attrs.some((a) => a.n === 'zimbraIsAdminAccount')).toBe(false);
    const boss = await call(
      'GetAccountRequest',
      { account: { by: 'name', _content: 'boss@example.com' } },
      globalAdmin,
    );
    expect(error(boss).code).toBe('account.NO_SUCH_ACCOUNT');
  });

  it('promotes a user whose admin token then opens nothing', async () => {
    const promoted = await call('ModifyAccountRequest', {
      id: userId,
      a: [{ n: 'zimbraIsDelegatedAdminAccount', _content: 'TRUE' }],
    });
    expect(promoted.status).toBe(200);
    const token = await jsonAdminToken(demo.mock.url, USER, DEMO_PASSWORD);
    const domains = await call('GetAllDomainsRequest', {}, token);
    expect(domains.body.Body.GetAllDomainsResponse.domain ?? []).toEqual([]);
    const create = await call('CreateAccountRequest', { name: { _content: 'mine@example.com' } }, token);
    expect(error(create)).toEqual({
      code: 'service.PERM_DENIED',
      reason: 'permission denied: need right: createAccount for domain example.com',
    });
  });

  it('answers GetDomain and GetAccount for missing and foreign names as Zimbra does', async () => {
    const missingDomain = await call('GetDomainRequest', {
      domain: { by: 'name', _content: 'nowhere.example' },
    });
    expect(error(missingDomain)).toEqual({
      code: 'account.NO_SUCH_DOMAIN',
      reason: 'no such domain: nowhere.example',
    });
    const other = await call('GetDomainRequest', { domain: { by: 'name', _content: 'oldshop.it' } });
    const entry = other.body.Body.GetDomainResponse.domain[0];
    expect(entry.name).toBe('oldshop.it');
    expect(entry.a ?? []).toEqual([]);
    const ownMissing = await call('GetAccountRequest', {
      account: { by: 'name', _content: 'ghost@example.com' },
    });
    expect(error(ownMissing).code).toBe('account.NO_SUCH_ACCOUNT');
    const otherMissing = await call('GetAccountRequest', {
      account: { by: 'name', _content: 'ghost@nowhere.example' },
    });
    expect(error(otherMissing)).toEqual({
      code: 'service.PERM_DENIED',
      reason: 'permission denied: can not access account ghost@nowhere.example',
    });
  });
});
