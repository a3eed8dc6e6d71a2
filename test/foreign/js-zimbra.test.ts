// A Zimbra client nobody here wrote, js-zimbra@1.0.0-beta.6 (JSON SOAP), drives the mock unchanged over HTTP.
import { type MockServer, pecSeeds, startMockServer, zimbraSeeds } from '@casella/mock-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JsZimbra } from './js-zimbra-client.ts';

const ADMIN = 'admin@example.com';
const PASSWORD = 'Casella-Demo-1!';
const PREAUTH_KEY = '4e2816f16c44fab20ecdee39fb850c3b0bb54d03f1d8e073aaea376a4f407f0c';
const STANDARD = '3f1c2b9e-5a47-4d3e-9b21-6c1d0e5a7f01';

// biome-ignore lint/suspicious/noExplicitAny: the answers are js-zimbra's plain JSON.
type Json = any;

/** `a:[{n,_content}]` as a map of first values. */
function attrs(entry: Json): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of entry.a ?? []) out[a.n] ??= a._content;
  return out;
}

describe('js-zimbra against the mock', () => {
  let mock: MockServer;
  let admin: JsZimbra;
  const adminUrl = () => `${mock.url}/service/admin/soap`;

  beforeAll(async () => {
    const demo = zimbraSeeds.demo();
    const domains = (demo.domains ?? []).map((d) =>
      d.name === 'example.com' ? { ...d, attrs: { ...d.attrs, zimbraPreAuthKey: PREAUTH_KEY } } : d,
    );
    mock = await startMockServer({ seed: { zimbra: { ...demo, domains }, pec: pecSeeds.empty() } });
  });
  beforeEach(async () => {
    mock.reset();
    admin = new JsZimbra(adminUrl());
    await admin.login(ADMIN, PASSWORD, 'admin');
  });
  afterAll(() => mock.close());

  const create = (name: string, extra: Json = {}) =>
    admin.call('CreateAccountRequest', { name, password: 'Foreign-Client-1!', ...extra });

  it('logs an admin in and keeps the token it read from authToken[0]._content', () => {
    expect(admin.token).toMatch(/^0_[0-9a-f]+_[0-9a-f]+$/);
  });

  it('creates accounts with attributes in the _attrs form and in the a:[{n,_content}] form and gets them back', async () => {
    const viaAttrs = await create('fc.one@example.com', {
      _attrs: { givenName: 'Franca', sn: 'Colli', zimbraCOSId: STANDARD },
    });
    expect(viaAttrs.CreateAccountResponse.account[0].name).toBe('fc.one@example.com');
    await create('fc.two@example.com', {
      a: [
        { n: 'givenName', _content: 'Carlo' },
        { n: 'displayName', _content: 'Carlo Verdi' },
      ],
    });
    const one = await admin.call('GetAccountRequest', {
      account: { by: 'name', _content: 'fc.one@example.com' },
    });
    expect(attrs(one.GetAccountResponse.account[0])).toMatchObject({
      givenName: 'Franca',
      sn: 'Colli',
      zimbraCOSId: STANDARD,
    });
    const two = await admin.call('GetAccountRequest', {
      account: { by: 'name', _content: 'fc.two@example.com' },
    });
    expect(attrs(two.GetAccountResponse.account[0])).toMatchObject({
      givenName: 'Carlo',
      displayName: 'Carlo Verdi',
    });
  });

  it('modifies an account, sets its password and the owner logs in with it through js-zimbra', async () => {
    const created = await create('fc.modify@example.com');
    const id: string = created.CreateAccountResponse.account[0].id;
    const modified = await admin.call('ModifyAccountRequest', {
      id,
      _attrs: { givenName: 'Nuovo', sn: 'Nome' },
    });
    expect(attrs(modified.ModifyAccountResponse.account[0])).toMatchObject({
      givenName: 'Nuovo',
      sn: 'Nome',
    });
    const set = await admin.call('SetPasswordRequest', { id, newPassword: 'Changed-By-Admin-2!' });
    expect(set.SetPasswordResponse._jsns).toBe('urn:zimbraAdmin');
    const owner = new JsZimbra(`${mock.url}/service/soap`);
    await owner.login('fc.modify@example.com', 'Changed-By-Admin-2!', 'password');
    expect(owner.token).toMatch(/^0_/);
  });

  it('logs a mailbox owner in by preauth with the domain key, as js-zimbra computes it', async () => {
    const owner = new JsZimbra(`${mock.url}/service/soap`);
    await owner.login('mario.rossi@example.com', PREAUTH_KEY, 'preauth');
    expect(owner.token).toMatch(/^0_/);
  });

  it('searches the directory, reads quota usage, a mailbox and the account count per COS', async () => {
    const search = await admin.call('SearchDirectoryRequest', {
      query: '(mail=mario*)',
      domain: 'example.com',
      types: 'accounts',
    });
    const found = search.SearchDirectoryResponse;
    expect(found.searchTotal).toBe(1);
    expect(found.more).toBe(false);
    expect(found.account[0].name).toBe('mario.rossi@example.com');

    const quota = await admin.call('GetQuotaUsageRequest', { domain: 'example.com', limit: 5, offset: 0 });
    const usage = quota.GetQuotaUsageResponse;
    expect(usage.account).toHaveLength(5);
    expect(typeof usage.account[0].used).toBe('number');
    expect(typeof usage.account[0].limit).toBe('number');

    const mailbox = await admin.call('GetMailboxRequest', { mbox: { id: found.account[0].id } });
    expect(typeof mailbox.GetMailboxResponse.mbox[0].s).toBe('number');

    const count = await admin.call('CountAccountRequest', {
      domain: { by: 'name', _content: 'example.com' },
    });
    const names = count.CountAccountResponse.cos.map((c: Json) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Standard', 'Professional']));
  });

  it('reads every COS and a domain, and raises the domain account limit', async () => {
    const coses = await admin.call('GetAllCosRequest', {});
    expect(coses.GetAllCosResponse.cos.map((c: Json) => c.name)).toEqual(
      expect.arrayContaining(['default', 'Standard', 'Professional']),
    );
    const domain = await admin.call('GetDomainRequest', { domain: { by: 'name', _content: 'example.com' } });
    const id: string = domain.GetDomainResponse.domain[0].id;
    const modified = await admin.call('ModifyDomainRequest', {
      id,
      a: [{ n: 'zimbraDomainMaxAccounts', _content: '500' }],
    });
    expect(attrs(modified.ModifyDomainResponse.domain[0]).zimbraDomainMaxAccounts).toBe('500');
  });

  it('runs a BatchRequest and reads each answer by its request id', async () => {
    const response = await admin.batch([
      {
        name: 'CreateAccountRequest',
        params: { name: 'fc.batch1@example.com', password: 'Foreign-Client-1!' },
      },
      {
        name: 'CreateAccountRequest',
        params: { name: 'fc.batch2@example.com', password: 'Foreign-Client-1!' },
      },
      { name: 'GetAccountRequest', params: { account: { by: 'name', _content: 'fc.batch1@example.com' } } },
    ]);
    expect(response.get(1).CreateAccountResponse.account[0].name).toBe('fc.batch1@example.com');
    expect(response.get(2).CreateAccountResponse.account[0].name).toBe('fc.batch2@example.com');
    expect(response.get(3).GetAccountResponse.account[0].name).toBe('fc.batch1@example.com');
  });

  it('receives account.ACCOUNT_EXISTS as js-zimbra’s ZimbraError, and deletes the account', async () => {
    const created = await create('fc.twice@example.com');
    const error = await create('fc.twice@example.com').then(
      () => undefined,
      (e: unknown) => e as Json,
    );
    expect(error?.name).toBe('zimbraError');
    expect(error.messageData.code).toBe('soap:Sender');
    expect(error.messageData.reason).toMatch(/^email address already exists: fc\.twice@example\.com\b/);
    expect(error.messageData.detail).toContain("Code: 'account.ACCOUNT_EXISTS'");
    const id: string = created.CreateAccountResponse.account[0].id;
    const deleted = await admin.call('DeleteAccountRequest', { id });
    expect(deleted.DeleteAccountResponse._jsns).toBe('urn:zimbraAdmin');
    const gone = await admin.call('GetAccountRequest', { account: { by: 'id', _content: id } }).then(
      () => undefined,
      (e: Json) => e,
    );
    expect(gone.messageData.detail).toContain("Code: 'account.NO_SUCH_ACCOUNT'");
  });
});
