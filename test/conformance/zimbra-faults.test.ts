import { describe, expect, it } from 'vitest';
import { ZimbraFault } from '../../sdk/src/errors/index.ts';
import { faultFromElement, readBatch, readEnvelope, readResponse } from '../../sdk/src/zimbra/parse.ts';
import { EmptyResponse, OneAccountResponse } from '../../sdk/src/zimbra/schemas.ts';

// Fault shapes from Zimbra's soap.txt and Soap12Protocol.soapFault: Code/Value, Reason/Text,
// Detail/Error (urn:zimbra) with Code, Trace and <a n t> arguments.
const faultXml = (code: string, reason: string, side = 'soap:Sender', args = '') => `
  <soap:Fault>
    <soap:Code><soap:Value>${side}</soap:Value></soap:Code>
    <soap:Reason><soap:Text>${reason}</soap:Text></soap:Reason>
    <soap:Detail><Error xmlns="urn:zimbra"><Code>${code}</Code><Trace>qtp1234567-89:1704110400000:6f1d2c3b4a596877</Trace>${args}</Error></soap:Detail>
  </soap:Fault>`;

const caught = (fn: () => unknown): ZimbraFault => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ZimbraFault) return error;
    throw error;
  }
  throw new Error('no fault thrown');
};

describe('Zimbra faults', () => {
  it('turns a fault with a header into a ZimbraFault with code, reason, side and request', () => {
    const xml = `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header><context xmlns="urn:zimbra"/></soap:Header><soap:Body>${faultXml('account.NO_SUCH_ACCOUNT', 'no such account: x@example.com')}</soap:Body></soap:Envelope>`;
    const f = caught(() => readResponse(xml, 'GetAccountRequest', OneAccountResponse));
    expect(f).toMatchObject({
      code: 'account.NO_SUCH_ACCOUNT',
      reason: 'no such account: x@example.com',
      fault: 'client',
      request: 'GetAccountRequest',
      args: [],
    });
  });

  it('reads a bare fault envelope without Header, as sent for AUTH_EXPIRED', () => {
    const xml = `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>${faultXml('service.AUTH_EXPIRED', 'auth credentials have expired')}</soap:Body></soap:Envelope>`;
    const f = caught(() => readResponse(xml, 'DeleteAccountRequest', EmptyResponse));
    expect(f.code).toBe('service.AUTH_EXPIRED');
  });

  it('carries the <a n t> arguments of INVALID_PASSWORD', () => {
    const args = '<a n="zimbraPasswordMinLength" t="NUM">8</a>';
    const xml = `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>${faultXml('account.INVALID_PASSWORD', 'invalid password: too short', 'soap:Sender', args)}</soap:Body></soap:Envelope>`;
    const f = caught(() => readResponse(xml, 'CreateAccountRequest', OneAccountResponse));
    expect(f.args).toEqual([{ name: 'zimbraPasswordMinLength', type: 'NUM', value: '8' }]);
  });

  it('marks soap:Receiver faults such as TOO_MANY_ACCOUNTS as server faults', () => {
    const reason =
      'number of accounts reached the limit: domain=example.com[cos=e00428a1-0c00-11d9-836a-000d93afea2a,count=10,limit=10]';
    const xml = `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>${faultXml('account.TOO_MANY_ACCOUNTS', reason, 'soap:Receiver')}</soap:Body></soap:Envelope>`;
    const f = caught(() => readResponse(xml, 'CreateAccountRequest', OneAccountResponse));
    expect(f).toMatchObject({ code: 'account.TOO_MANY_ACCOUNTS', fault: 'server', reason });
  });

  it('reads a SOAP 1.1 fault (faultcode, faultstring, detail)', () => {
    const xml = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>no such domain: nowhere.it</faultstring><detail><Error xmlns="urn:zimbra"><Code>account.NO_SUCH_DOMAIN</Code><Trace>t</Trace></Error></detail></soap:Fault></soap:Body></soap:Envelope>`;
    const f = caught(() => readResponse(xml, 'GetDomainRequest', EmptyResponse));
    expect(f).toMatchObject({
      code: 'account.NO_SUCH_DOMAIN',
      fault: 'client',
      reason: 'no such domain: nowhere.it',
    });
  });

  it('blanks out a secret the server echoed in a reason or argument', () => {
    const element = readEnvelope(
      `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>${faultXml('service.INVALID_REQUEST', 'bad value Casella-Demo-1!', 'soap:Sender', '<a n="v" t="STR">Casella-Demo-1!</a>')}</soap:Body></soap:Envelope>`,
    );
    if (element?.kind !== 'fault') throw new Error('expected a fault');
    const f = faultFromElement(element.fault, 'X', ['Casella-Demo-1!']);
    expect(JSON.stringify(f)).not.toContain('Casella-Demo-1!');
    expect(f.message).not.toContain('Casella-Demo-1!');
  });

  it('indexes a BatchResponse mixing responses and faults by requestId', () => {
    const xml = `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header><context xmlns="urn:zimbra"/></soap:Header><soap:Body>
      <BatchResponse xmlns="urn:zimbra">
        <CreateAccountResponse xmlns="urn:zimbraAdmin" requestId="0"><account name="a@example.com" id="6b3c1a2e-0c00-11d9-836a-000d93afea2a"><a n="zimbraAccountStatus">active</a></account></CreateAccountResponse>
        <soap:Fault requestId="1"><soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code><soap:Reason><soap:Text>email address already exists: b@example.com</soap:Text></soap:Reason><soap:Detail><Error xmlns="urn:zimbra"><Code>account.ACCOUNT_EXISTS</Code><Trace>t</Trace></Error></soap:Detail></soap:Fault>
        <CreateAccountResponse xmlns="urn:zimbraAdmin" requestId="2"><account name="c@example.com" id="7b3c1a2e-0c00-11d9-836a-000d93afea2a"/></CreateAccountResponse>
        <DeleteAccountResponse xmlns="urn:zimbraAdmin" requestId="3"/>
      </BatchResponse></soap:Body></soap:Envelope>`;
    const message = readEnvelope(xml);
    if (message?.kind !== 'body') throw new Error('expected a body');
    const entries = readBatch(message.element);
    expect([...entries.keys()].sort()).toEqual(['0', '1', '2', '3']);
    expect(entries.get('0')).toMatchObject({ kind: 'response', name: 'CreateAccountResponse' });
    expect(entries.get('2')).toMatchObject({ kind: 'response', name: 'CreateAccountResponse' });
    expect(entries.get('3')).toMatchObject({ kind: 'response', name: 'DeleteAccountResponse' });
    const fault = entries.get('1');
    if (fault?.kind !== 'fault') throw new Error('expected a fault');
    expect(faultFromElement(fault.fault, 'CreateAccountRequest').code).toBe('account.ACCOUNT_EXISTS');
  });

  it('tells a proxy error page apart from SOAP: it is not an envelope', () => {
    expect(readEnvelope('<html><body>503 Service Unavailable</body></html>')).toBeUndefined();
    expect(readEnvelope('Service Unavailable')).toBeUndefined();
  });
});
