import { describe, expect, it } from 'vitest';
import { ADMIN, DEMO_PASSWORD, envelope, faultCode, postRaw, useMock } from './soap-helpers.ts';
import { attrMap, jsonAdminToken, postJson, postText } from './zimbra-json-helpers.ts';

const ADMIN_NS = 'urn:zimbraAdmin';

describe('Zimbra mock: JSON SOAP envelope', () => {
  const demo = useMock({ resetEach: true });

  it('answers a JSON AuthRequest in JSON, as text/javascript, with the urn:zimbraSoap envelope and _jsns', async () => {
    const answer = await postJson(demo.mock.url, 'AuthRequest', {
      _jsns: ADMIN_NS,
      name: { _content: ADMIN },
      password: { _content: DEMO_PASSWORD },
    });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('text/javascript; charset=utf-8');
    expect(answer.body._jsns).toBe('urn:zimbraSoap');
    expect(answer.body.Header).toEqual({ context: { _jsns: 'urn:zimbra' } });
    const auth = answer.body.Body.AuthResponse;
    expect(auth._jsns).toBe(ADMIN_NS);
    // Non-unique elements are arrays even when single; Disposition.CONTENT fields are plain JSON numbers.
    expect(auth.authToken).toEqual([{ _content: expect.stringMatching(/^0_[0-9a-f]+_[0-9a-f]+$/) }]);
    expect(auth.lifetime).toBe(43_200_000);
  });

  it('reads a field given as a JSON attribute or as a child element, as Zimbra reads either form', async () => {
    const asAttributes = await postJson(demo.mock.url, 'AuthRequest', {
      _jsns: ADMIN_NS,
      name: ADMIN,
      password: DEMO_PASSWORD,
    });
    expect(asAttributes.status).toBe(200);
    const byAccount = await postJson(demo.mock.url, 'AuthRequest', {
      _jsns: ADMIN_NS,
      account: { by: 'name', _content: ADMIN },
      password: { _content: DEMO_PASSWORD },
    });
    expect(byAccount.body.Body.AuthResponse.authToken[0]._content).toMatch(/^0_/);
  });

  it('creates an account from both attribute forms, _attrs with a list and a:[{n,_content}], and reads them back exactly', async () => {
    const token = await jsonAdminToken(demo.mock.url);
    const viaAttrs = await postJson(
      demo.mock.url,
      'CreateAccountRequest',
      {
        _jsns: ADMIN_NS,
        name: 'json.attrs@example.com',
        password: 'Json-Attrs-1!',
        _attrs: { givenName: ' Giada ', sn: 'Neri', description: ['first', 'second'] },
      },
      { token },
    );
    expect(viaAttrs.status).toBe(200);
    const created = viaAttrs.body.Body.CreateAccountResponse.account[0];
    expect(created.name).toBe('json.attrs@example.com');
    expect(attrMap(created).givenName).toEqual([' Giada ']);
    expect(attrMap(created).description).toEqual(['first', 'second']);

    const viaA = await postJson(
      demo.mock.url,
      'CreateAccountRequest',
      {
        _jsns: ADMIN_NS,
        name: { _content: 'json.a@example.com' },
        password: { _content: 'Json-Attrs-1!' },
        a: [
          { n: 'givenName', _content: 'Piero' },
          { n: 'description', _content: 'one' },
          { n: 'description', _content: 'two' },
        ],
      },
      { token },
    );
    expect(viaA.status).toBe(200);

    const read = await postJson(
      demo.mock.url,
      'GetAccountRequest',
      { _jsns: ADMIN_NS, account: { by: 'name', _content: 'json.a@example.com' } },
      { token },
    );
    const account = read.body.Body.GetAccountResponse.account;
    expect(account).toHaveLength(1);
    expect(account[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(attrMap(account[0]).givenName).toEqual(['Piero']);
    expect(attrMap(account[0]).description).toEqual(['one', 'two']);
    expect(attrMap(account[0]).userPassword).toEqual(['VALUE-BLOCKED']);
  });

  it('writes Java numbers and booleans as JSON numbers and booleans, and reads them in requests', async () => {
    const token = await jsonAdminToken(demo.mock.url);
    const search = await postJson(
      demo.mock.url,
      'SearchDirectoryRequest',
      {
        _jsns: ADMIN_NS,
        query: '',
        domain: 'example.com',
        types: 'accounts',
        limit: 2,
        offset: 0,
        applyCos: false,
      },
      { token },
    );
    expect(search.status).toBe(200);
    const found = search.body.Body.SearchDirectoryResponse;
    expect(found.more).toBe(true);
    expect(typeof found.searchTotal).toBe('number');
    expect(found.searchTotal).toBeGreaterThan(2);
    expect(found.account).toHaveLength(2);

    const coses = await postJson(demo.mock.url, 'GetAllCosRequest', { _jsns: ADMIN_NS }, { token });
    const byName = Object.fromEntries(
      coses.body.Body.GetAllCosResponse.cos.map((c: { name: string }) => [c.name, c]),
    );
    expect(byName.default.isDefaultCos).toBe(true);
    expect(byName.Standard.isDefaultCos).toBeUndefined();

    const mailbox = await postJson(
      demo.mock.url,
      'GetMailboxRequest',
      { _jsns: ADMIN_NS, mbox: { id: found.account[0].id } },
      { token },
    );
    expect(typeof mailbox.body.Body.GetMailboxResponse.mbox[0].s).toBe('number');

    const count = await postJson(
      demo.mock.url,
      'CountAccountRequest',
      { _jsns: ADMIN_NS, domain: { by: 'name', _content: 'example.com' } },
      { token },
    );
    for (const cos of count.body.Body.CountAccountResponse.cos) expect(typeof cos._content).toBe('number');
  });

  it('answers a refusal as a JSON fault: HTTP 500, Code.Value, Reason.Text, Detail.Error with Code and Trace', async () => {
    const token = await jsonAdminToken(demo.mock.url);
    const answer = await postJson(
      demo.mock.url,
      'GetAccountRequest',
      { _jsns: ADMIN_NS, account: { by: 'name', _content: 'nobody@example.com' } },
      { token },
    );
    expect(answer.status).toBe(500);
    expect(answer.contentType).toBe('text/javascript; charset=utf-8');
    const fault = answer.body.Body.Fault;
    expect(fault.Code).toEqual({ Value: 'soap:Sender' });
    expect(fault.Reason).toEqual({ Text: 'no such account: nobody@example.com' });
    expect(fault.Detail.Error).toEqual({
      Code: 'account.NO_SUCH_ACCOUNT',
      Trace: expect.any(String),
      _jsns: 'urn:zimbra',
    });
    expect(fault._jsns).toBeUndefined();
  });

  it('answers unreadable JSON with a bare JSON service.PARSE_ERROR, and a missing _jsns with UNKNOWN_DOCUMENT', async () => {
    const broken = await postText(demo.mock.url, '{"Body": {"AuthRequest": ');
    expect(broken.status).toBe(500);
    expect(broken.body.Body.Fault.Detail.Error.Code).toBe('service.PARSE_ERROR');
    expect(broken.body.Header).toBeUndefined();

    const noNamespace = await postJson(demo.mock.url, 'AuthRequest', {
      name: ADMIN,
      password: DEMO_PASSWORD,
    });
    expect(noNamespace.body.Body.Fault.Detail.Error.Code).toBe('service.UNKNOWN_DOCUMENT');
    expect(noNamespace.body.Body.Fault.Reason.Text).toBe('unknown document: AuthRequest');

    const noBody = await postText(demo.mock.url, JSON.stringify({ Header: {} }));
    expect(noBody.body.Body.Fault.Reason.Text).toBe('invalid request: No SOAP body');

    const arrayOfStrings = await postText(demo.mock.url, JSON.stringify({ Body: { AuthRequest: ['x'] } }));
    expect(arrayOfStrings.body.Body.Fault.Detail.Error.Code).toBe('service.PARSE_ERROR');
  });

  it('switches the answer format with context format: JSON asked for xml gets SOAP 1.2, XML asked for js gets JSON', async () => {
    const jsonForXml = await postJson(
      demo.mock.url,
      'AuthRequest',
      { _jsns: ADMIN_NS, name: ADMIN, password: DEMO_PASSWORD },
      { context: { format: { type: 'xml' } } },
    );
    expect(jsonForXml.contentType).toBe('text/xml; charset=utf-8');
    expect(jsonForXml.text).toMatch(
      /^<soap:Envelope xmlns:soap="http:\/\/www.w3.org\/2003\/05\/soap-envelope">/,
    );
    expect(jsonForXml.text).toContain('<AuthResponse xmlns="urn:zimbraAdmin">');

    const xmlForJs = await postText(
      demo.mock.url,
      envelope(
        `<AuthRequest xmlns="urn:zimbraAdmin"><name>${ADMIN}</name><password>${DEMO_PASSWORD}</password></AuthRequest>`,
      ).replace('<nosession/>', '<format type="js"/>'),
    );
    expect(xmlForJs.contentType).toBe('text/javascript; charset=utf-8');
    expect(xmlForJs.body.Body.AuthResponse.authToken[0]._content).toMatch(/^0_/);

    // Unreadable XML still answers in the format it asked for, as chooseFaultProtocolFromBadXml does.
    const badXmlForJs = await postText(
      demo.mock.url,
      '<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header><context xmlns="urn:zimbra"><format type="js"/></context></soap:Header><soap:Body><Auth',
    );
    expect(badXmlForJs.body.Body.Fault.Detail.Error.Code).toBe('service.PARSE_ERROR');
  });

  it('runs a JSON BatchRequest: answers grouped by name in arrays, each with its requestId, faults in Fault', async () => {
    const token = await jsonAdminToken(demo.mock.url);
    const answer = await postJson(
      demo.mock.url,
      'BatchRequest',
      {
        _jsns: 'urn:zimbra',
        onerror: 'continue',
        GetAccountRequest: [
          { _jsns: ADMIN_NS, requestId: 1, account: { by: 'name', _content: ADMIN } },
          { _jsns: ADMIN_NS, requestId: 2, account: { by: 'name', _content: 'nobody@example.com' } },
        ],
        GetCosRequest: { _jsns: ADMIN_NS, requestId: 3, cos: { by: 'name', _content: 'Standard' } },
      },
      { token },
    );
    expect(answer.status).toBe(200);
    const batch = answer.body.Body.BatchResponse;
    expect(batch._jsns).toBe('urn:zimbra');
    expect(batch.GetAccountResponse).toHaveLength(1);
    expect(batch.GetAccountResponse[0]).toMatchObject({ requestId: '1', _jsns: ADMIN_NS });
    expect(batch.Fault).toHaveLength(1);
    expect(batch.Fault[0]).toMatchObject({ requestId: '2', _jsns: 'urn:zimbraSoap' });
    expect(batch.Fault[0].Detail.Error.Code).toBe('account.NO_SUCH_ACCOUNT');
    expect(batch.GetCosResponse[0].cos[0].name).toBe('Standard');

    const stopped = await postJson(
      demo.mock.url,
      'BatchRequest',
      {
        _jsns: 'urn:zimbra',
        onerror: 'stop',
        GetAccountRequest: [
          { _jsns: ADMIN_NS, requestId: 1, account: { by: 'name', _content: 'nobody@example.com' } },
          { _jsns: ADMIN_NS, requestId: 2, account: { by: 'name', _content: ADMIN } },
        ],
      },
      { token },
    );
    expect(stopped.body.Body.BatchResponse.Fault).toHaveLength(1);
    expect(stopped.body.Body.BatchResponse.GetAccountResponse).toBeUndefined();
  });

  it('answers POSTs to request-name URLs on both endpoints like the bare paths', async () => {
    const admin = await postRaw(
      demo.mock.url,
      envelope(
        `<AuthRequest xmlns="urn:zimbraAdmin"><name>${ADMIN}</name><password>${DEMO_PASSWORD}</password></AuthRequest>`,
      ),
      '/service/admin/soap/AuthRequest',
    );
    expect(admin.status).toBe(200);
    const token = /<authToken>([^<]+)<\/authToken>/.exec(admin.text)?.[1];
    const coses = await postRaw(
      demo.mock.url,
      envelope('<GetAllCosRequest xmlns="urn:zimbraAdmin"/>', token),
      '/service/admin/soap/GetAllCosRequest',
    );
    expect(coses.status).toBe(200);
    expect(coses.text).toContain('<GetAllCosResponse xmlns="urn:zimbraAdmin">');
    const user = await postJson(
      demo.mock.url,
      'AuthRequest',
      {
        _jsns: 'urn:zimbraAccount',
        account: { by: 'name', _content: 'mario.rossi@example.com' },
        password: DEMO_PASSWORD,
      },
      { path: '/service/soap/AuthRequest' },
    );
    expect(user.status).toBe(200);
    expect(user.body.Body.AuthResponse.authToken[0]._content).toMatch(/^0_/);
    const nested = await postRaw(
      demo.mock.url,
      envelope('<GetAllCosRequest xmlns="urn:zimbraAdmin"/>'),
      '/service/admin/soap/a/b',
    );
    expect(nested.status).toBe(404);
  });

  it('drops whitespace-only XML text as Zimbra does, so a blank value removes the attribute, and keeps other text untrimmed', async () => {
    const token = await jsonAdminToken(demo.mock.url);
    const get = await postJson(
      demo.mock.url,
      'GetAccountRequest',
      { _jsns: ADMIN_NS, account: { by: 'name', _content: 'mario.rossi@example.com' } },
      { token },
    );
    const id: string = get.body.Body.GetAccountResponse.account[0].id;
    const set = await postRaw(
      demo.mock.url,
      envelope(
        `<ModifyAccountRequest xmlns="urn:zimbraAdmin"><id>${id}</id><a n="title"> Capo </a></ModifyAccountRequest>`,
        token,
      ),
    );
    expect(set.status).toBe(200);
    expect(set.text).toContain('<a n="title"> Capo </a>');
    const blank = await postRaw(
      demo.mock.url,
      envelope(
        `<ModifyAccountRequest xmlns="urn:zimbraAdmin"><id>${id}</id><a n="title">  \n\t </a></ModifyAccountRequest>`,
        token,
      ),
    );
    expect(blank.status).toBe(200);
    expect(blank.text).not.toContain('<a n="title">');
    expect(faultCode(blank.text)).toBeUndefined();
  });

  it('writes GetInfo as Zimbra does in JSON: scalars as plain keys, sections as objects, attrs and prefs as _attrs', async () => {
    const login = await postJson(
      demo.mock.url,
      'AuthRequest',
      {
        _jsns: 'urn:zimbraAccount',
        account: { by: 'name', _content: 'mario.rossi@example.com' },
        password: DEMO_PASSWORD,
      },
      { path: '/service/soap' },
    );
    const token: string = login.body.Body.AuthResponse.authToken[0]._content;
    const info = await postJson(
      demo.mock.url,
      'GetInfoRequest',
      { _jsns: 'urn:zimbraAccount', sections: 'mbox,attrs' },
      { token, path: '/service/soap' },
    );
    const answer = info.body.Body.GetInfoResponse;
    expect(answer.name).toBe('mario.rossi@example.com');
    expect(typeof answer.version).toBe('string');
    expect(typeof answer.used).toBe('number');
    expect(answer.cos).toMatchObject({ name: 'Standard' });
    expect(answer.attrs._attrs.displayName).toBe('Mario Rossi');
    const version = await postJson(demo.mock.url, 'GetVersionInfoRequest', { _jsns: ADMIN_NS });
    expect(version.body.Body.GetVersionInfoResponse.info[0].version).toBe(answer.version);
  });
});
