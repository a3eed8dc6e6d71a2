import { describe, expect, it } from 'vitest';
import { envelope, faultCode, postRaw, SOAP12, useMock } from './soap-helpers.ts';
import { jsonAdminToken, postJson } from './zimbra-json-helpers.ts';

const USER = 'mario.rossi@example.com';

describe('Zimbra mock: reading XML as an XML 1.0 processor does', () => {
  const demo = useMock({ resetEach: true });

  /** Sets `title` on the demo user with raw XML, then reads it back exactly through JSON. */
  async function setTitle(
    xmlValue: string,
  ): Promise<{ code: string | undefined; title: string | undefined }> {
    const token = await jsonAdminToken(demo.mock.url);
    const read = () =>
      postJson(
        demo.mock.url,
        'GetAccountRequest',
        { _jsns: 'urn:zimbraAdmin', account: { by: 'name', _content: USER } },
        { token },
      );
    const id: string = (await read()).body.Body.GetAccountResponse.account[0].id;
    const set = await postRaw(
      demo.mock.url,
      envelope(
        `<ModifyAccountRequest xmlns="urn:zimbraAdmin"><id>${id}</id><a n="title">${xmlValue}</a></ModifyAccountRequest>`,
        token,
      ),
    );
    const account = (await read()).body.Body.GetAccountResponse.account[0];
    const title = account.a.find((a: { n: string }) => a.n === 'title')?._content;
    return { code: faultCode(set.text), title };
  }

  it('keeps a carriage return given as &#13; and normalizes a raw CR LF to LF, as XML line-end handling does', async () => {
    expect(await setTitle('a&#13;b')).toEqual({ code: undefined, title: 'a\rb' });
    expect(await setTitle('a\r\nb\rc')).toEqual({ code: undefined, title: 'a\nb\nc' });
  });

  it('decodes XML’s five entities and character references, and refuses HTML names such as &nbsp;', async () => {
    expect((await setTitle('&lt;&gt;&amp;&quot;&apos;&#x20AC;&#8364;')).title).toBe('<>&"\'€€');
    expect((await setTitle('a&nbsp;b')).code).toBe('service.PARSE_ERROR');
    expect((await setTitle('a & b')).code).toBe('service.PARSE_ERROR');
  });

  it('refuses characters XML 1.0 cannot carry, raw or as references, with service.PARSE_ERROR', async () => {
    expect((await setTitle('bell\u0007')).code).toBe('service.PARSE_ERROR');
    expect((await setTitle('ref&#1;')).code).toBe('service.PARSE_ERROR');
    expect((await setTitle('\uFFFE')).code).toBe('service.PARSE_ERROR');
  });

  it('refuses unbound prefixes, duplicate attributes, a second root and a DOCTYPE', async () => {
    const bodies = ['<zadmin:GetAllCosRequest/>', '<GetAllCosRequest xmlns="urn:zimbraAdmin" a="1" a="2"/>'];
    for (const body of bodies)
      expect(faultCode((await postRaw(demo.mock.url, envelope(body))).text)).toBe('service.PARSE_ERROR');
    const twoRoots = `<soap:Envelope xmlns:soap="${SOAP12}"><soap:Body/></soap:Envelope><x/>`;
    expect(faultCode((await postRaw(demo.mock.url, twoRoots)).text)).toBe('service.PARSE_ERROR');
    const doctype = `<!DOCTYPE x [<!ENTITY e "v">]><soap:Envelope xmlns:soap="${SOAP12}"><soap:Body/></soap:Envelope>`;
    expect(faultCode((await postRaw(demo.mock.url, doctype)).text)).toBe('service.PARSE_ERROR');
  });

  it('reads CDATA, comments and processing instructions, and normalizes tabs and newlines in attribute values', async () => {
    expect((await setTitle('<![CDATA[<b>&]]><!-- note --><?pi x?>!')).title).toBe('<b>&!');
    const token = await jsonAdminToken(demo.mock.url);
    const answer = await postRaw(
      demo.mock.url,
      envelope(
        '<GetAccountRequest xmlns="urn:zimbraAdmin" attrs="givenName,\tsn"><account by="name">mario.rossi@example.com</account></GetAccountRequest>',
        token,
      ),
    );
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('<a n="sn">Rossi</a>');
  });
});
