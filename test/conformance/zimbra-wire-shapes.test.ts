// The same answers in Zimbra's XML and JSON forms map to the same typed values (one mapping, two wires).
import { describe, expect, it } from 'vitest';
import { expectResponse, faultFromElement, readBatch } from '../../sdk/src/zimbra/parse.ts';
import { AuthResponse, OneAccountResponse, SearchDirectoryResponse } from '../../sdk/src/zimbra/schemas.ts';
import type { SoapMessage } from '../../sdk/src/zimbra/wire/codec.ts';
import { jsonCodec } from '../../sdk/src/zimbra/wire/json.ts';
import { xmlCodec } from '../../sdk/src/zimbra/wire/xml.ts';

const ID = '6b3c1a2e-0c00-11d9-836a-000d93afea2a';
const env = (body: string) =>
  `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header><context xmlns="urn:zimbra"/></soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;
const json = (body: unknown) =>
  JSON.stringify({ Header: { context: { _jsns: 'urn:zimbra' } }, Body: body, _jsns: 'urn:zimbraSoap' });

function decoded(codec: typeof xmlCodec, text: string): SoapMessage {
  const message = codec.decode(text);
  if (message === undefined) throw new Error('not an envelope');
  return message;
}

describe('one typed mapping for both wires', () => {
  it('reads an AuthResponse with the lifetime as element text (XML) or a JSON number', () => {
    const xml = env(
      '<AuthResponse xmlns="urn:zimbraAdmin"><authToken>0_tok</authToken><lifetime>43199998</lifetime></AuthResponse>',
    );
    const js = json({
      AuthResponse: { authToken: [{ _content: '0_tok' }], lifetime: 43199998, _jsns: 'urn:zimbraAdmin' },
    });
    const want = { authToken: '0_tok', lifetimeMs: 43199998 };
    expect(expectResponse(decoded(xmlCodec, xml), 'AuthRequest', AuthResponse)).toEqual(want);
    expect(expectResponse(decoded(jsonCodec, js), 'AuthRequest', AuthResponse)).toEqual(want);
  });

  it('reads the same account from XML and from JSON, attributes and spaces exactly', () => {
    const xml = env(
      `<GetAccountResponse xmlns="urn:zimbraAdmin">
         <account name="a@example.com" id="${ID}">
           <a n="givenName"> Anna </a><a n="zimbraMailQuota">1024</a><a n="mail">a@example.com</a><a n="mail">b@example.com</a>
         </account>
       </GetAccountResponse>`,
    );
    const js = json({
      GetAccountResponse: {
        _jsns: 'urn:zimbraAdmin',
        account: [
          {
            name: 'a@example.com',
            id: ID,
            a: [
              { n: 'givenName', _content: ' Anna ' },
              { n: 'zimbraMailQuota', _content: '1024' },
              { n: 'mail', _content: 'a@example.com' },
              { n: 'mail', _content: 'b@example.com' },
            ],
          },
        ],
      },
    });
    const fromXml = expectResponse(decoded(xmlCodec, xml), 'GetAccountRequest', OneAccountResponse);
    const fromJson = expectResponse(decoded(jsonCodec, js), 'GetAccountRequest', OneAccountResponse);
    expect(fromXml).toEqual(fromJson);
    expect(fromXml).toMatchObject({ givenName: ' Anna ', quotaBytes: 1024 });
    expect(fromXml.attrs.mail).toEqual(['a@example.com', 'b@example.com']);
  });

  it('reads search totals and flags given as JSON numbers and booleans', () => {
    const js = json({
      SearchDirectoryResponse: { _jsns: 'urn:zimbraAdmin', more: true, searchTotal: 12, account: [] },
    });
    expect(expectResponse(decoded(jsonCodec, js), 'SearchDirectoryRequest', SearchDirectoryResponse)).toEqual(
      {
        accounts: [],
        more: true,
        total: 12,
      },
    );
  });

  it('reads the same fault from XML and from JSON', () => {
    const xml = env(
      '<soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code><soap:Reason><soap:Text>no such account: x</soap:Text></soap:Reason><soap:Detail><Error xmlns="urn:zimbra"><Code>account.NO_SUCH_ACCOUNT</Code><Trace>t</Trace><a n="name" t="STR">x</a></Error></soap:Detail></soap:Fault>',
    );
    const js = json({
      Fault: {
        Code: { Value: 'soap:Sender' },
        Reason: { Text: 'no such account: x' },
        Detail: {
          Error: {
            Code: 'account.NO_SUCH_ACCOUNT',
            Trace: 't',
            a: [{ n: 'name', t: 'STR', _content: 'x' }],
            _jsns: 'urn:zimbra',
          },
        },
      },
    });
    const fault = (codec: typeof xmlCodec, text: string) => {
      const m = decoded(codec, text);
      if (m.kind !== 'fault') throw new Error('expected a fault');
      return faultFromElement(m.fault, 'GetAccountRequest').toJSON();
    };
    expect(fault(xmlCodec, xml)).toEqual(fault(jsonCodec, js));
    expect(fault(jsonCodec, js)).toMatchObject({ code: 'account.NO_SUCH_ACCOUNT', fault: 'client' });
  });

  it('indexes a JSON BatchResponse by requestId, numbers included', () => {
    const js = json({
      BatchResponse: {
        _jsns: 'urn:zimbra',
        DeleteAccountResponse: [{ requestId: '0', _jsns: 'urn:zimbraAdmin' }],
        Fault: [
          {
            requestId: 1,
            Code: { Value: 'soap:Sender' },
            Reason: { Text: 'r' },
            Detail: { Error: { Code: 'account.NO_SUCH_ACCOUNT' } },
          },
        ],
      },
    });
    const m = decoded(jsonCodec, js);
    if (m.kind !== 'body') throw new Error('expected a body');
    const entries = readBatch(m.element);
    expect(entries.get('0')).toMatchObject({ kind: 'response', name: 'DeleteAccountResponse' });
    expect(entries.get('1')?.kind).toBe('fault');
  });

  it('keeps attributes named like Object.prototype members as plain entries of a prototype-free map', () => {
    const xml = env(
      `<GetAccountResponse xmlns="urn:zimbraAdmin"><account name="a@example.com" id="${ID}"><a n="__proto__">p</a><a n="constructor">c</a><a n="toString">t</a></account></GetAccountResponse>`,
    );
    const a = expectResponse(decoded(xmlCodec, xml), 'GetAccountRequest', OneAccountResponse);
    expect(Object.getPrototypeOf(a.attrs)).toBeNull();
    expect(Object.keys(a.attrs)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(a.attrs.constructor).toBe('c');
  });

  it('writes CR as a character reference and TAB/LF in attributes too, so a parser reads them back', () => {
    const xml = xmlCodec.encode(
      { name: 'X', namespace: 'urn:zimbraAdmin', body: { '@_v': 'a\tb\nc\rd', t: 'e\rf\ng\th' } },
      { userAgent: { name: 'casella', version: '0' } },
    );
    expect(xml).toContain('v="a&#9;b&#10;c&#13;d"');
    expect(xml).toContain('<t>e&#13;f\ng\th</t>');
  });

  it('writes JSON requests in soap.txt form: attributes as values, elements as objects, _jsns, _content', () => {
    const text = jsonCodec.encode(
      {
        name: 'GetAccountRequest',
        namespace: 'urn:zimbraAdmin',
        body: { '@_applyCos': '1', account: { '@_by': 'name', '#text': 'a@example.com' } },
      },
      { authToken: 'tok', userAgent: { name: 'casella', version: '0' } },
    );
    expect(JSON.parse(text)).toEqual({
      Header: {
        context: {
          _jsns: 'urn:zimbra',
          authToken: { _content: 'tok' },
          nosession: {},
          userAgent: { name: 'casella', version: '0' },
          format: { type: 'js' },
        },
      },
      Body: {
        GetAccountRequest: {
          _jsns: 'urn:zimbraAdmin',
          applyCos: '1',
          account: { by: 'name', _content: 'a@example.com' },
        },
      },
      _jsns: 'urn:zimbraSoap',
    });
  });

  it('tells apart a body that is not a Zimbra JSON envelope', () => {
    expect(jsonCodec.decode('{"Body": 1}')).toBeUndefined();
    expect(jsonCodec.decode('{"_jsns":"urn:other","Body":{"AuthResponse":{}}}')).toBeUndefined();
    expect(jsonCodec.decode('<html/>')).toBeUndefined();
  });
});
