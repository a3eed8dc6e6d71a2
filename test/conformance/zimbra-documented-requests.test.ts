// Zimbra's own request forms (store/docs/soap-admin.txt and soap.txt), filled in and sent to the mock in XML
// and in the JSON form soap.txt "Request and Response Formats" defines; the answers must have the shape the
// documents give. Shapes are asserted on the parsed answer, never on the mock's own helpers.
import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  DEMO_PASSWORD,
  envelope,
  postRaw,
  SOAP12,
  textOf,
  useMock,
} from '../mock-server/soap-helpers.ts';
import { type Json, postJson, postText } from '../mock-server/zimbra-json-helpers.ts';

const ADMIN_NS = 'urn:zimbraAdmin';
const USER = 'mario.rossi@example.com';

/** `<Name attr="v" …>` opening tags of an element in an XML answer, as attribute maps. */
function elements(xml: string, name: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${name}((?:\\s[\\w:]+="[^"]*")*)\\s*/?>`, 'g'))].map((m) =>
    Object.fromEntries([...(m[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
  );
}

describe('Zimbra mock answers the request forms of soap-admin.txt and soap.txt', () => {
  const demo = useMock({ resetEach: true, adminToken: true });
  const xml = (body: string, path?: string) => postRaw(demo.mock.url, envelope(body, demo.token), path);
  const json = (name: string, request: Json, path?: string) =>
    postJson(demo.mock.url, name, request, { token: demo.token, ...(path ? { path } : {}) });
  const userId = async () => {
    const answer = await xml(
      `<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">${USER}</account></GetAccountRequest>`,
    );
    return elements(answer.text, 'account')[0]!.id!;
  };

  it('AuthRequest (admin): <name>, <password> → <authToken>, <lifetime>', async () => {
    const x = await postRaw(
      demo.mock.url,
      envelope(
        `<AuthRequest xmlns="urn:zimbraAdmin"><name>${ADMIN}</name><password>${DEMO_PASSWORD}</password></AuthRequest>`,
      ),
    );
    expect(textOf(x.text, 'authToken')).toMatch(/^0_/);
    expect(textOf(x.text, 'lifetime')).toMatch(/^\d+$/);
    const j = await postJson(demo.mock.url, 'AuthRequest', {
      _jsns: ADMIN_NS,
      account: { by: 'name', _content: ADMIN },
      password: { _content: DEMO_PASSWORD },
    });
    expect(j.body.Body.AuthResponse.authToken[0]._content).toMatch(/^0_/);
    expect(j.body.Body.AuthResponse.lifetime).toBeGreaterThan(0);
  });

  it('CreateAccountRequest: <name>, <password>, <a n> → <account name id> with <a n>', async () => {
    const x = await xml(
      '<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>doc.x@example.com</name><password>Doc-Form-1!</password><a n="givenName">Doc</a></CreateAccountRequest>',
    );
    expect(elements(x.text, 'account')[0]).toMatchObject({
      name: 'doc.x@example.com',
      id: expect.any(String),
    });
    expect(x.text).toContain('<a n="givenName">Doc</a>');
    // "default value for zimbraAccountStatus is active"
    expect(x.text).toContain('<a n="zimbraAccountStatus">active</a>');
    const j = await json('CreateAccountRequest', {
      _jsns: ADMIN_NS,
      name: { _content: 'doc.j@example.com' },
      password: { _content: 'Doc-Form-1!' },
      a: [{ n: 'givenName', _content: 'Doc' }],
    });
    const account = j.body.Body.CreateAccountResponse.account[0];
    expect(account.name).toBe('doc.j@example.com');
    expect(account.a).toEqual(expect.arrayContaining([{ n: 'givenName', _content: 'Doc' }]));
  });

  it('GetAccountRequest applyCos="0" attrs="…": <account by="name"> → only the named attributes set on the account', async () => {
    const x = await xml(
      `<GetAccountRequest xmlns="urn:zimbraAdmin" applyCos="0" attrs="givenName,sn"><account by="name">${USER}</account></GetAccountRequest>`,
    );
    expect(elements(x.text, 'a').map((a) => a.n)).toEqual(['givenName', 'sn']);
    const j = await json('GetAccountRequest', {
      _jsns: ADMIN_NS,
      applyCos: 0,
      attrs: 'givenName,sn',
      account: { by: 'name', _content: USER },
    });
    expect(j.body.Body.GetAccountResponse.account[0].a).toEqual([
      { n: 'givenName', _content: 'Mario' },
      { n: 'sn', _content: 'Rossi' },
    ]);
  });

  it('ModifyAccountRequest: <id>, <a n> → <account>; "an empty attribute value removes the specified attr"', async () => {
    const id = await userId();
    const set = await xml(
      `<ModifyAccountRequest xmlns="urn:zimbraAdmin"><id>${id}</id><a n="title">Doc</a></ModifyAccountRequest>`,
    );
    expect(set.text).toContain('<a n="title">Doc</a>');
    const j = await json('ModifyAccountRequest', {
      _jsns: ADMIN_NS,
      id: { _content: id },
      a: [{ n: 'title', _content: '' }],
    });
    const names = j.body.Body.ModifyAccountResponse.account[0].a.map((a: Json) => a.n);
    expect(names).not.toContain('title');
  });

  it('SetPasswordRequest: <id>, <newPassword> → <SetPasswordResponse>', async () => {
    const id = await userId();
    const x = await xml(
      `<SetPasswordRequest xmlns="urn:zimbraAdmin"><id>${id}</id><newPassword>Doc-Form-2!</newPassword></SetPasswordRequest>`,
    );
    expect(x.status).toBe(200);
    expect(x.text).toMatch(/<SetPasswordResponse xmlns="urn:zimbraAdmin"\/?>/);
    const j = await json('SetPasswordRequest', { _jsns: ADMIN_NS, id, newPassword: 'Doc-Form-3!' });
    expect(j.body.Body.SetPasswordResponse._jsns).toBe(ADMIN_NS);
  });

  it('SearchDirectoryRequest limit offset domain types attrs with <query> → more, searchTotal, <account name id isExternal>', async () => {
    const x = await xml(
      '<SearchDirectoryRequest xmlns="urn:zimbraAdmin" limit="3" offset="0" domain="example.com" types="accounts" attrs="givenName"><query>(mail=*)</query></SearchDirectoryRequest>',
    );
    const response = elements(x.text, 'SearchDirectoryResponse')[0]!;
    expect(response.more).toBe('1');
    expect(Number(response.searchTotal)).toBeGreaterThan(3);
    const accounts = elements(x.text, 'account');
    expect(accounts).toHaveLength(3);
    expect(accounts[0]).toMatchObject({ name: expect.any(String), id: expect.any(String), isExternal: '0' });
    const j = await json('SearchDirectoryRequest', {
      _jsns: ADMIN_NS,
      limit: 3,
      offset: 0,
      domain: 'example.com',
      types: 'accounts',
      query: { _content: '(mail=*)' },
    });
    const found = j.body.Body.SearchDirectoryResponse;
    expect(found).toMatchObject({ more: true, searchTotal: Number(response.searchTotal) });
    expect(found.account[0].isExternal).toBe(false);
  });

  it('GetQuotaUsageRequest limit offset domain → more, searchTotal, <account name id used limit>', async () => {
    const x = await xml(
      '<GetQuotaUsageRequest xmlns="urn:zimbraAdmin" limit="2" offset="0" domain="example.com"/>',
    );
    expect(elements(x.text, 'GetQuotaUsageResponse')[0]).toMatchObject({
      more: '1',
      searchTotal: expect.any(String),
    });
    expect(elements(x.text, 'account')[0]).toMatchObject({
      name: expect.any(String),
      id: expect.any(String),
      used: expect.stringMatching(/^\d+$/),
      limit: expect.stringMatching(/^\d+$/),
    });
    const j = await json('GetQuotaUsageRequest', {
      _jsns: ADMIN_NS,
      limit: 2,
      offset: 0,
      domain: 'example.com',
    });
    const usage = j.body.Body.GetQuotaUsageResponse;
    expect(usage.more).toBe(true);
    expect(usage.account[0]).toMatchObject({ used: expect.any(Number), limit: expect.any(Number) });
  });

  it('GetMailboxRequest <mbox id> → <mbox mbxid s>', async () => {
    const id = await userId();
    const x = await xml(`<GetMailboxRequest xmlns="urn:zimbraAdmin"><mbox id="${id}"/></GetMailboxRequest>`);
    expect(elements(x.text, 'mbox')[0]).toMatchObject({
      mbxid: expect.stringMatching(/^\d+$/),
      s: expect.stringMatching(/^\d+$/),
    });
    const j = await json('GetMailboxRequest', { _jsns: ADMIN_NS, mbox: { id } });
    expect(j.body.Body.GetMailboxResponse.mbox[0]).toEqual({
      mbxid: expect.any(Number),
      s: expect.any(Number),
    });
  });

  it('GetDomainRequest <domain by="name"> and GetAllCosRequest, CountAccountRequest → their documented elements', async () => {
    const domain = await xml(
      '<GetDomainRequest xmlns="urn:zimbraAdmin"><domain by="name">example.com</domain></GetDomainRequest>',
    );
    expect(elements(domain.text, 'domain')[0]).toMatchObject({ name: 'example.com', id: expect.any(String) });
    const coses = await json('GetAllCosRequest', { _jsns: ADMIN_NS });
    expect(coses.body.Body.GetAllCosResponse.cos.length).toBeGreaterThanOrEqual(3);
    const count = await xml(
      '<CountAccountRequest xmlns="urn:zimbraAdmin"><domain by="name">example.com</domain></CountAccountRequest>',
    );
    const counted = [...count.text.matchAll(/<cos id="([^"]+)" name="([^"]+)">(\d+)<\/cos>/g)].map(
      (m) => m[2],
    );
    expect(counted).toEqual(expect.arrayContaining(['Standard', 'Professional']));
  });

  it('DeleteAccountRequest <id> → <DeleteAccountResponse/>', async () => {
    const id = await userId();
    const x = await xml(
      `<DeleteAccountRequest xmlns="urn:zimbraAdmin"><id>${id}</id></DeleteAccountRequest>`,
    );
    expect(x.text).toContain('<DeleteAccountResponse xmlns="urn:zimbraAdmin"/>');
  });

  it('soap.txt BatchRequest onerror="continue" with requestIds → BatchResponse with a soap:Fault requestId in its place', async () => {
    const x = await xml(
      '<BatchRequest xmlns="urn:zimbra" onerror="continue"><GetCosRequest xmlns="urn:zimbraAdmin" requestId="1"><cos by="name">nothere</cos></GetCosRequest><GetCosRequest xmlns="urn:zimbraAdmin" requestId="2"><cos by="name">Standard</cos></GetCosRequest></BatchRequest>',
    );
    expect(x.status).toBe(200);
    expect(x.text).toMatch(
      /<BatchResponse xmlns="urn:zimbra"><soap:Fault requestId="1">.*<\/soap:Fault><GetCosResponse xmlns="urn:zimbraAdmin" requestId="2">/,
    );
  });

  it("soap.txt JSON example: Header.context with _jsns and authToken._content; format type xml asks for XML, <format type='js' /> for JSON", async () => {
    const exampleShape = {
      Header: { context: { _jsns: 'urn:zimbra', authToken: { _content: demo.token } } },
      Body: { GetAllCosRequest: { _jsns: ADMIN_NS } },
    };
    const j = await postText(demo.mock.url, JSON.stringify(exampleShape));
    expect(j.body.Body.GetAllCosResponse._jsns).toBe(ADMIN_NS);
    const asXml = await postText(
      demo.mock.url,
      JSON.stringify({
        ...exampleShape,
        Header: { context: { ...exampleShape.Header.context, format: { type: 'xml' } } },
      }),
    );
    expect(asXml.text).toContain('<GetAllCosResponse xmlns="urn:zimbraAdmin">');
    const asJs = await postText(
      demo.mock.url,
      `<soap:Envelope xmlns:soap="${SOAP12}"><soap:Header><context xmlns="urn:zimbra"><authToken>${demo.token}</authToken><format type='js' /></context></soap:Header><soap:Body><GetAllCosRequest xmlns="urn:zimbraAdmin"/></soap:Body></soap:Envelope>`,
    );
    expect(asJs.body.Body.GetAllCosResponse.cos.length).toBeGreaterThanOrEqual(3);
  });

  it('soap.txt account AuthRequest, ChangePasswordRequest and EndSessionRequest logoff="1" on /service/soap', async () => {
    const login = await postRaw(
      demo.mock.url,
      envelope(
        `<AuthRequest xmlns="urn:zimbraAccount"><account by="name">${USER}</account><password>${DEMO_PASSWORD}</password></AuthRequest>`,
      ),
      '/service/soap',
    );
    expect(textOf(login.text, 'authToken')).toMatch(/^0_/);
    expect(textOf(login.text, 'lifetime')).toMatch(/^\d+$/);
    const change = await postJson(
      demo.mock.url,
      'ChangePasswordRequest',
      {
        _jsns: 'urn:zimbraAccount',
        account: { by: 'name', _content: USER },
        oldPassword: { _content: DEMO_PASSWORD },
        password: { _content: 'Doc-Changed-4!' },
      },
      { path: '/service/soap' },
    );
    const token: string = change.body.Body.ChangePasswordResponse.authToken[0]._content;
    expect(change.body.Body.ChangePasswordResponse.lifetime).toBeGreaterThan(0);
    const end = await postRaw(
      demo.mock.url,
      envelope('<EndSessionRequest xmlns="urn:zimbraAccount" logoff="1"/>', token),
      '/service/soap',
    );
    expect(end.text).toContain('<EndSessionResponse xmlns="urn:zimbraAccount"/>');
  });
});
