import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { NS, type SoapContext, type SoapDocument } from '../../sdk/src/zimbra/envelope.ts';
import { xmlCodec } from '../../sdk/src/zimbra/wire/xml.ts';

const buildEnvelope = (doc: SoapDocument, context: SoapContext) => xmlCodec.encode(doc, context);
const buildBatchEnvelope = (docs: SoapDocument[], onError: 'continue' | 'stop', context: SoapContext) =>
  xmlCodec.encodeBatch(docs, onError, context);

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, preserveOrder: false });
const userAgent = { name: 'casella', version: '0.1.0' };

describe('Zimbra request envelopes', () => {
  it('builds a SOAP 1.2 envelope with the urn:zimbra context header and the token', () => {
    const xml = buildEnvelope(
      {
        name: 'GetAccountRequest',
        namespace: NS.admin,
        body: { account: { '@_by': 'name', '#text': 'a@example.com' } },
      },
      { authToken: '0_abc_123', userAgent },
    );
    expect(xml.startsWith('<')).toBe(true);
    const doc = parser.parse(xml);
    const envelope = doc['soap:Envelope'];
    expect(envelope['@_xmlns:soap']).toBe('http://www.w3.org/2003/05/soap-envelope');
    const context = envelope['soap:Header'].context;
    expect(context['@_xmlns']).toBe('urn:zimbra');
    expect(context.authToken).toBe('0_abc_123');
    expect(context).toHaveProperty('nosession');
    expect(context.userAgent['@_name']).toBe('casella');
    const request = envelope['soap:Body'].GetAccountRequest;
    expect(request['@_xmlns']).toBe('urn:zimbraAdmin');
    expect(request.account).toEqual({ '@_by': 'name', '#text': 'a@example.com' });
  });

  it('leaves the token out of AuthRequest and escapes every value', () => {
    const nasty = `</password><x>"&'`;
    const xml = buildEnvelope(
      { name: 'AuthRequest', namespace: NS.admin, body: { name: 'admin@example.com', password: nasty } },
      { userAgent },
    );
    expect(xml).not.toContain('<authToken>');
    expect(xml).not.toContain('<x>');
    const doc = parser.parse(xml);
    expect(doc['soap:Envelope']['soap:Body'].AuthRequest.password).toBe(nasty);
  });

  it('keeps batch children in the given order, each with its namespace and requestId', () => {
    const xml = buildBatchEnvelope(
      [
        { name: 'CreateAccountRequest', namespace: NS.admin, body: { name: 'a@example.com' } },
        { name: 'ModifyAccountRequest', namespace: NS.admin, body: { id: 'x' } },
        { name: 'CreateAccountRequest', namespace: NS.admin, body: { name: 'b@example.com' } },
      ],
      'stop',
      { authToken: 't', userAgent },
    );
    const ordered = new XMLParser({ ignoreAttributes: false, preserveOrder: true }).parse(xml);
    const body = ordered[0]['soap:Envelope'][1]['soap:Body'][0];
    expect(body[':@']).toEqual({ '@_xmlns': 'urn:zimbra', '@_onerror': 'stop' });
    const children = body.BatchRequest.map((c: Record<string, unknown>) => [
      Object.keys(c).find((k) => k !== ':@'),
      (c[':@'] as Record<string, string>)['@_requestId'],
      (c[':@'] as Record<string, string>)['@_xmlns'],
    ]);
    expect(children).toEqual([
      ['CreateAccountRequest', '0', 'urn:zimbraAdmin'],
      ['ModifyAccountRequest', '1', 'urn:zimbraAdmin'],
      ['CreateAccountRequest', '2', 'urn:zimbraAdmin'],
    ]);
  });
});
