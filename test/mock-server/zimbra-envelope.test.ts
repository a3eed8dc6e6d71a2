import { describe, expect, it } from 'vitest';
import { envelope, faultCode, faultReason, postRaw, SOAP12, soap, useMock, xmlAttr } from './soap-helpers.ts';

describe('Zimbra mock: SOAP envelope and faults', () => {
  const demo = useMock({ adminToken: true });

  it('writes a fault as SOAP 1.2 with HTTP 500, soap:Code, soap:Reason and an urn:zimbra Error detail', async () => {
    const answer = await soap(
      demo.mock.url,
      '<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">nobody@example.com</account></GetAccountRequest>',
      demo.token,
    );
    expect(answer.status).toBe(500);
    // Zimbra answers text/xml for SOAP 1.2 too (Soap12Protocol.getContentType).
    expect(answer.contentType).toBe('text/xml; charset=utf-8');
    expect(answer.text).toMatch(
      /^<soap:Envelope xmlns:soap="http:\/\/www.w3.org\/2003\/05\/soap-envelope"><soap:Header><context xmlns="urn:zimbra"\/><\/soap:Header><soap:Body><soap:Fault>/,
    );
    expect(answer.text).toContain('<soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code>');
    expect(answer.text).toContain(
      '<soap:Reason><soap:Text>no such account: nobody@example.com</soap:Text></soap:Reason>',
    );
    expect(answer.text).toMatch(
      /<soap:Detail><Error xmlns="urn:zimbra"><Code>account.NO_SUCH_ACCOUNT<\/Code><Trace>[^<]+<\/Trace><\/Error><\/soap:Detail>/,
    );
  });

  it('answers service.PARSE_ERROR to malformed XML and to an empty body, without a Header', async () => {
    const malformed = await postRaw(
      demo.mock.url,
      '<soap:Envelope xmlns:soap="x"><soap:Body><Get></soap:Body>',
    );
    expect(malformed.status).toBe(500);
    expect(faultCode(malformed.text)).toBe('service.PARSE_ERROR');
    expect(malformed.text).not.toContain('soap:Header');
    const empty = await postRaw(demo.mock.url, '');
    expect(faultCode(empty.text)).toBe('service.PARSE_ERROR');
    expect(faultReason(empty.text)).toBe('parse error: empty request payload');
  });

  it('refuses a document type declaration with service.PARSE_ERROR', async () => {
    const answer = await postRaw(
      demo.mock.url,
      `<!DOCTYPE x [<!ENTITY e "boom">]><soap:Envelope xmlns:soap="${SOAP12}"><soap:Body><x>&e;</x></soap:Body></soap:Envelope>`,
    );
    expect(faultCode(answer.text)).toBe('service.PARSE_ERROR');
  });

  it('answers service.INVALID_REQUEST to an envelope without Body and to an unknown SOAP version', async () => {
    const noBody = await postRaw(
      demo.mock.url,
      `<soap:Envelope xmlns:soap="${SOAP12}"><soap:Header/></soap:Envelope>`,
    );
    expect(faultCode(noBody.text)).toBe('service.INVALID_REQUEST');
    expect(faultReason(noBody.text)).toBe('invalid request: No SOAP body');
    const unknownVersion = await postRaw(
      demo.mock.url,
      '<e:Envelope xmlns:e="urn:not-soap"><e:Body><AuthRequest xmlns="urn:zimbraAdmin"/></e:Body></e:Envelope>',
    );
    expect(faultCode(unknownVersion.text)).toBe('service.INVALID_REQUEST');
    expect(faultReason(unknownVersion.text)).toBe('invalid request: unable to determine SOAP version');
  });

  it('answers service.UNKNOWN_DOCUMENT to an unknown request and to an admin request on /service/soap', async () => {
    const unknown = await soap(demo.mock.url, '<FlyToTheMoonRequest xmlns="urn:zimbraAdmin"/>', demo.token);
    expect(faultCode(unknown.text)).toBe('service.UNKNOWN_DOCUMENT');
    expect(faultReason(unknown.text)).toBe('unknown document: FlyToTheMoonRequest');
    const wrongEndpoint = await soap(
      demo.mock.url,
      '<GetAllDomainsRequest xmlns="urn:zimbraAdmin"/>',
      demo.token,
      '/service/soap',
    );
    expect(faultCode(wrongEndpoint.text)).toBe('service.UNKNOWN_DOCUMENT');
    const wrongNamespace = await soap(
      demo.mock.url,
      '<GetAllDomainsRequest xmlns="urn:zimbraMail"/>',
      demo.token,
    );
    expect(faultCode(wrongNamespace.text)).toBe('service.UNKNOWN_DOCUMENT');
  });

  it('answers service.INVALID_REQUEST when a required element is missing', async () => {
    const answer = await soap(demo.mock.url, '<GetDomainRequest xmlns="urn:zimbraAdmin"/>', demo.token);
    expect(faultCode(answer.text)).toBe('service.INVALID_REQUEST');
    expect(faultReason(answer.text)).toBe('invalid request: missing required element: domain');
    const modify = await soap(demo.mock.url, '<ModifyAccountRequest xmlns="urn:zimbraAdmin"/>', demo.token);
    expect(faultReason(modify.text)).toBe('invalid request: missing required attribute: id');
  });

  it('accepts prefixed request elements, echoes requestId, and decodes entities and character references', async () => {
    const answer = await postRaw(
      demo.mock.url,
      envelope(
        '<z:GetDomainRequest xmlns:z="urn:zimbraAdmin" requestId="r-7"><z:domain by="name">exam&#112;le.com</z:domain></z:GetDomainRequest>',
        demo.token,
      ),
    );
    expect(answer.status).toBe(200);
    expect(xmlAttr(answer.text, 'GetDomainResponse', 'requestId')).toBe('r-7');
    expect(xmlAttr(answer.text, 'domain', 'name')).toBe('example.com');
  });

  it('answers a SOAP 1.1 request with a SOAP 1.1 fault', async () => {
    const answer = await postRaw(
      demo.mock.url,
      '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><GetAllCosRequest xmlns="urn:zimbraAdmin"/></soap:Body></soap:Envelope>',
    );
    expect(answer.status).toBe(500);
    expect(answer.text).toContain('<faultcode>soap:Client</faultcode>');
    expect(faultCode(answer.text)).toBe('service.AUTH_REQUIRED');
  });
});
