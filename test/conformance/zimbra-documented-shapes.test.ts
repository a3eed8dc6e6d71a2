import { describe, expect, it } from 'vitest';
import { faultFromElement, readBatch, readEnvelope, readResponse } from '../../sdk/src/zimbra/parse.ts';
import {
  AuthResponse,
  ChangePasswordResponse,
  CosListResponse,
  CountAccountResponse,
  DomainListResponse,
  QuotaUsageResponse,
} from '../../sdk/src/zimbra/schemas.ts';

// More shapes from soap-admin.txt, soap.txt and the JAXB classes: auth answers in both namespaces,
// empty lists, and a batch holding several faults with <a n t> details.
const env = (body: string) =>
  `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header><context xmlns="urn:zimbra"/></soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;

describe('documented Zimbra shapes', () => {
  it('reads an admin AuthResponse (lifetime first, then authToken, with a csrfToken) into token and lifetime', () => {
    const xml = env(
      '<AuthResponse xmlns="urn:zimbraAdmin"><lifetime>43199998</lifetime><authToken>0_5f1c_69643d33363a</authToken><csrfToken>0_abc</csrfToken></AuthResponse>',
    );
    expect(readResponse(xml, 'AuthRequest', AuthResponse)).toEqual({
      authToken: '0_5f1c_69643d33363a',
      lifetimeMs: 43199998,
    });
  });

  it('reads an account AuthResponse and a ChangePasswordResponse (authToken first, then lifetime)', () => {
    const auth = env(
      '<AuthResponse xmlns="urn:zimbraAccount"><authToken>0_u</authToken><lifetime>172799999</lifetime><skin>harmony</skin></AuthResponse>',
    );
    expect(readResponse(auth, 'AuthRequest', AuthResponse)).toEqual({
      authToken: '0_u',
      lifetimeMs: 172799999,
    });
    const change = env(
      '<ChangePasswordResponse xmlns="urn:zimbraAccount"><authToken>0_n</authToken><lifetime>172799999</lifetime></ChangePasswordResponse>',
    );
    expect(readResponse(change, 'ChangePasswordRequest', ChangePasswordResponse)).toMatchObject({
      lifetimeMs: 172799999,
    });
  });

  it('reads empty lists: no quota rows, no COS with accounts, no domains, no COS', () => {
    const quota = env('<GetQuotaUsageResponse xmlns="urn:zimbraAdmin" more="0" searchTotal="0"/>');
    expect(readResponse(quota, 'GetQuotaUsageRequest', QuotaUsageResponse)).toEqual({
      rows: [],
      more: false,
      total: 0,
    });
    expect(
      readResponse(
        env('<CountAccountResponse xmlns="urn:zimbraAdmin"/>'),
        'CountAccountRequest',
        CountAccountResponse,
      ),
    ).toEqual([]);
    expect(
      readResponse(
        env('<GetAllDomainsResponse xmlns="urn:zimbraAdmin"/>'),
        'GetAllDomainsRequest',
        DomainListResponse,
      ),
    ).toEqual([]);
    expect(
      readResponse(env('<GetAllCosResponse xmlns="urn:zimbraAdmin"/>'), 'GetAllCosRequest', CosListResponse),
    ).toEqual([]);
  });

  it('reads a BatchResponse with two faults, one carrying <a n t> details, each by its requestId', () => {
    const fault = (id: string, code: string, reason: string, side: string, args = '') =>
      `<soap:Fault requestId="${id}"><soap:Code><soap:Value>${side}</soap:Value></soap:Code><soap:Reason><soap:Text>${reason}</soap:Text></soap:Reason><soap:Detail><Error xmlns="urn:zimbra"><Code>${code}</Code><Trace>qtp-1:1704110400000:6f1d2c3b4a596877</Trace>${args}</Error></soap:Detail></soap:Fault>`;
    const xml = env(
      `<BatchResponse xmlns="urn:zimbra">${fault('0', 'account.INVALID_PASSWORD', 'invalid password: too short', 'soap:Sender', '<a n="zimbraPasswordMinLength" t="NUM">8</a>')}${fault('1', 'account.TOO_MANY_ACCOUNTS', 'number of accounts reached the limit: domain=example.com', 'soap:Receiver')}</BatchResponse>`,
    );
    const message = readEnvelope(xml);
    if (message?.kind !== 'body') throw new Error('expected a body');
    const entries = readBatch(message.element);
    const first = entries.get('0');
    const second = entries.get('1');
    if (first?.kind !== 'fault' || second?.kind !== 'fault') throw new Error('expected two faults');
    expect(faultFromElement(first.fault, 'CreateAccountRequest')).toMatchObject({
      code: 'account.INVALID_PASSWORD',
      fault: 'client',
      args: [{ name: 'zimbraPasswordMinLength', type: 'NUM', value: '8' }],
    });
    expect(faultFromElement(second.fault, 'CreateAccountRequest')).toMatchObject({
      code: 'account.TOO_MANY_ACCOUNTS',
      fault: 'server',
      args: [],
    });
  });
});
