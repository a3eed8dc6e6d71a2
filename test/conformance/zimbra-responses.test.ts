import { describe, expect, it } from 'vitest';
import { ResponseValidationError } from '../../sdk/src/errors/index.ts';
import { readResponse } from '../../sdk/src/zimbra/parse.ts';
import {
  CountAccountResponse,
  DomainListResponse,
  EmptyResponse,
  OneAccountResponse,
  OneCosResponse,
  QuotaUsageResponse,
  SearchDirectoryResponse,
  SetPasswordResponse,
} from '../../sdk/src/zimbra/schemas.ts';

// Response shapes written from Zimbra's soap-admin.txt and the admin JAXB classes.
const env = (body: string) =>
  `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header><context xmlns="urn:zimbra"/></soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;

const ID = '6b3c1a2e-0c00-11d9-836a-000d93afea2a';
const COS = 'e00428a1-0c00-11d9-836a-000d93afea2a';

const account = (name: string, id = ID, extra = '') =>
  `<account name="${name}" id="${id}" isExternal="0">
     <a n="zimbraId">${id}</a><a n="givenName">Mario</a><a n="sn">Rossi</a><a n="displayName">Mario Rossi</a>
     <a n="zimbraAccountStatus">active</a><a n="zimbraCOSId">${COS}</a><a n="zimbraMailQuota">5368709120</a>
     <a n="zimbraCreateTimestamp">20240101120000.123Z</a><a n="userPassword">VALUE-BLOCKED</a>${extra}
   </account>`;

describe('Zimbra response shapes', () => {
  it('reads one account with typed fields and every attribute kept', () => {
    const xml = env(
      `<GetAccountResponse xmlns="urn:zimbraAdmin">${account('mario.rossi@example.com')}</GetAccountResponse>`,
    );
    const a = readResponse(xml, 'GetAccountRequest', OneAccountResponse);
    expect(a).toMatchObject({
      id: ID,
      name: 'mario.rossi@example.com',
      givenName: 'Mario',
      sn: 'Rossi',
      displayName: 'Mario Rossi',
      status: 'active',
      cosId: COS,
      quotaBytes: 5368709120,
      isAdmin: false,
    });
    expect(a.createdAt?.toISOString()).toBe('2024-01-01T12:00:00.123Z');
    expect(a.attrs.userPassword).toBe('VALUE-BLOCKED');
  });

  it('keeps a repeated attribute as an array of its values, in order', () => {
    const extra =
      '<a n="zimbraMailAlias">m.rossi@example.com</a><a n="zimbraMailAlias">mario@example.com</a>';
    const xml = env(
      `<GetAccountResponse xmlns="urn:zimbraAdmin">${account('mario.rossi@example.com', ID, extra)}</GetAccountResponse>`,
    );
    const a = readResponse(xml, 'GetAccountRequest', OneAccountResponse);
    expect(a.attrs.zimbraMailAlias).toEqual(['m.rossi@example.com', 'mario@example.com']);
    expect(a.attrs.givenName).toBe('Mario');
  });

  it('leaves out attributes a delegated admin may not read (pd="1")', () => {
    const xml = env(
      `<GetAccountResponse xmlns="urn:zimbraAdmin"><account name="x@example.com" id="${ID}"><a n="zimbraMailQuota" pd="1"/><a n="sn">X</a></account></GetAccountResponse>`,
    );
    const a = readResponse(xml, 'GetAccountRequest', OneAccountResponse);
    expect(a.attrs).toEqual({ sn: 'X' });
    expect(a.quotaBytes).toBeUndefined();
  });

  it('decodes entities, numeric references and keeps leading zeros and hex-looking text as strings', () => {
    const extra =
      '<a n="description">R&amp;D &#232; &#x263A;</a><a n="employeeNumber">00123</a><a n="title">0x1F</a>';
    const xml = env(
      `<GetAccountResponse xmlns="urn:zimbraAdmin">${account('a@example.com', ID, extra)}</GetAccountResponse>`,
    );
    const a = readResponse(xml, 'GetAccountRequest', OneAccountResponse);
    expect(a.attrs.description).toBe('R&D è ☺');
    expect(a.attrs.employeeNumber).toBe('00123');
    expect(a.attrs.title).toBe('0x1F');
  });

  it('reads a search page with one account and with many the same way', () => {
    const one = env(
      `<SearchDirectoryResponse xmlns="urn:zimbraAdmin" more="0" searchTotal="1">${account('a@example.com')}</SearchDirectoryResponse>`,
    );
    const many = env(
      `<SearchDirectoryResponse xmlns="urn:zimbraAdmin" more="1" searchTotal="57">${account('a@example.com')}${account('b@example.com', '7b3c1a2e-0c00-11d9-836a-000d93afea2a')}</SearchDirectoryResponse>`,
    );
    const p1 = readResponse(one, 'SearchDirectoryRequest', SearchDirectoryResponse);
    const p2 = readResponse(many, 'SearchDirectoryRequest', SearchDirectoryResponse);
    expect(p1).toMatchObject({ more: false, total: 1 });
    expect(p1.accounts.map((a) => a.name)).toEqual(['a@example.com']);
    expect(p2).toMatchObject({ more: true, total: 57 });
    expect(p2.accounts.map((a) => a.name)).toEqual(['a@example.com', 'b@example.com']);
  });

  it('reads a countOnly search as its num and an empty search as no accounts', () => {
    const count = readResponse(
      env('<SearchDirectoryResponse xmlns="urn:zimbraAdmin" num="57"/>'),
      'SearchDirectoryRequest',
      SearchDirectoryResponse,
    );
    expect(count).toEqual({ accounts: [], more: false, total: 57 });
    const none = readResponse(
      env('<SearchDirectoryResponse xmlns="urn:zimbraAdmin" more="0" searchTotal="0"/>'),
      'SearchDirectoryRequest',
      SearchDirectoryResponse,
    );
    expect(none.accounts).toEqual([]);
  });

  it('reads empty responses such as DeleteAccountResponse and a SetPasswordResponse without message', () => {
    expect(
      readResponse(
        env('<DeleteAccountResponse xmlns="urn:zimbraAdmin"/>'),
        'DeleteAccountRequest',
        EmptyResponse,
      ),
    ).toBeUndefined();
    expect(
      readResponse(
        env('<SetPasswordResponse xmlns="urn:zimbraAdmin"/>'),
        'SetPasswordRequest',
        SetPasswordResponse,
      ),
    ).toEqual({});
  });

  it('returns the SetPassword policy warning as warning', () => {
    const msg =
      'Password violation: account=a@example.com, violation=invalid password: too short.  Password is set successfully.';
    const xml = env(
      `<SetPasswordResponse xmlns="urn:zimbraAdmin"><message>${msg}</message></SetPasswordResponse>`,
    );
    expect(readResponse(xml, 'SetPasswordRequest', SetPasswordResponse)).toEqual({ warning: msg });
  });

  it('reads quota rows in bytes with 0 meaning unlimited', () => {
    const xml = env(
      `<GetQuotaUsageResponse xmlns="urn:zimbraAdmin" more="1" searchTotal="120"><account name="a@example.com" id="${ID}" used="524288000" limit="1073741824"/></GetQuotaUsageResponse>`,
    );
    const page = readResponse(xml, 'GetQuotaUsageRequest', QuotaUsageResponse);
    expect(page).toEqual({
      rows: [{ name: 'a@example.com', id: ID, usedBytes: 524288000, limitBytes: 1073741824 }],
      more: true,
      total: 120,
    });
  });

  it('reads CountAccount per COS from the element text', () => {
    const xml = env(
      `<CountAccountResponse xmlns="urn:zimbraAdmin"><cos id="${COS}" name="Standard">28</cos><cos id="${ID}" name="Professional">10</cos></CountAccountResponse>`,
    );
    expect(readResponse(xml, 'CountAccountRequest', CountAccountResponse)).toEqual([
      { id: COS, name: 'Standard', count: 28 },
      { id: ID, name: 'Professional', count: 10 },
    ]);
  });

  it('reads domain limits from multi-valued zimbraDomainCOSMaxAccounts', () => {
    const xml = env(`<GetAllDomainsResponse xmlns="urn:zimbraAdmin"><domain name="example.com" id="${ID}">
      <a n="zimbraDomainStatus">active</a><a n="zimbraDomainMaxAccounts">60</a>
      <a n="zimbraDomainCOSMaxAccounts">${COS}:40</a><a n="zimbraDomainCOSMaxAccounts">${ID}:10</a>
      <a n="zimbraDomainDefaultCOSId">${COS}</a></domain></GetAllDomainsResponse>`);
    const [d] = readResponse(xml, 'GetAllDomainsRequest', DomainListResponse);
    expect(d).toMatchObject({
      name: 'example.com',
      status: 'active',
      maxAccounts: 60,
      defaultCosId: COS,
      cosLimits: [
        { cosId: COS, max: 40 },
        { cosId: ID, max: 10 },
      ],
    });
  });

  it('reads the default COS flag written as 1', () => {
    const xml = env(
      `<GetCosResponse xmlns="urn:zimbraAdmin"><cos name="default" id="${COS}" isDefaultCos="1"><a n="zimbraMailQuota">0</a><a n="cn" c="1">default</a></cos></GetCosResponse>`,
    );
    expect(readResponse(xml, 'GetCosRequest', OneCosResponse)).toMatchObject({
      name: 'default',
      isDefault: true,
      quotaBytes: 0,
    });
  });

  it('refuses a response of another shape with a ResponseValidationError naming it', () => {
    const wrongStatus = env(
      `<GetAccountResponse xmlns="urn:zimbraAdmin"><account name="a@example.com" id="${ID}"><a n="zimbraAccountStatus">sleepy</a></account></GetAccountResponse>`,
    );
    expect(() => readResponse(wrongStatus, 'GetAccountRequest', OneAccountResponse)).toThrow(
      ResponseValidationError,
    );
    const otherDoc = env('<GetDomainResponse xmlns="urn:zimbraAdmin"/>');
    expect(() => readResponse(otherDoc, 'GetAccountRequest', OneAccountResponse)).toThrow(
      /GetAccountResponse/,
    );
  });

  it('refuses any payload that carries a DOCTYPE', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${env('<DeleteAccountResponse xmlns="urn:zimbraAdmin"/>')}`;
    expect(() => readResponse(xml, 'DeleteAccountRequest', EmptyResponse)).toThrow(/DOCTYPE/);
  });
});
