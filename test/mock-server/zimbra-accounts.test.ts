import { describe, expect, it } from 'vitest';
import {
  accountId,
  attrValue,
  attrValues,
  DEMO_PASSWORD,
  faultCode,
  faultReason,
  PROFESSIONAL,
  STANDARD,
  soap,
  textOf,
  useMock,
  userToken,
  xmlAttr,
} from './soap-helpers.ts';

const create = (name: string, password: string | undefined, attrs: Record<string, string> = {}) =>
  `<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>${name}</name>${
    password === undefined ? '' : `<password>${password}</password>`
  }${Object.entries(attrs)
    .map(([n, v]) => `<a n="${n}">${v}</a>`)
    .join('')}</CreateAccountRequest>`;

describe('Zimbra mock: accounts', () => {
  const demo = useMock({ resetEach: true, adminToken: true });

  /** ModifyAccountRequest on the account `id`: give it the `<a>` elements, get the answer. */
  const modifier = (id: string) => (attrs: string) =>
    soap(
      demo.mock.url,
      `<ModifyAccountRequest xmlns="urn:zimbraAdmin"><id>${id}</id>${attrs}</ModifyAccountRequest>`,
      demo.token,
    );

  it('creates a Standard mailbox with server-set defaults and a blocked password', async () => {
    const answer = await soap(
      demo.mock.url,
      create('Nuovo.Utente@Example.com', 'Nuovo-Utente-1', {
        givenName: 'Nuovo',
        sn: 'Utente',
        displayName: 'Nuovo Utente',
      }),
      demo.token,
    );
    expect(answer.status).toBe(200);
    expect(xmlAttr(answer.text, 'account', 'name')).toBe('nuovo.utente@example.com');
    expect(attrValue(answer.text, 'zimbraId')).toBe(xmlAttr(answer.text, 'account', 'id'));
    expect(attrValue(answer.text, 'zimbraAccountStatus')).toBe('active');
    expect(attrValue(answer.text, 'zimbraMailStatus')).toBe('enabled');
    expect(attrValue(answer.text, 'mail')).toBe('nuovo.utente@example.com');
    expect(attrValue(answer.text, 'uid')).toBe('nuovo.utente');
    expect(attrValue(answer.text, 'cn')).toBe('Nuovo Utente');
    expect(attrValue(answer.text, 'zimbraCreateTimestamp')).toMatch(/^\d{14}\.\d{3}Z$/);
    expect(attrValue(answer.text, 'userPassword')).toBe('VALUE-BLOCKED');
    // The Standard COS (the domain default) applies: its quota comes through.
    expect(attrValue(answer.text, 'zimbraMailQuota')).toBe('5368709120');
    expect(answer.text).not.toContain('Nuovo-Utente-1');
  });

  it('refuses a Professional mailbox when every Professional slot is taken', async () => {
    const answer = await soap(
      demo.mock.url,
      create('pro@example.com', 'Valid-Pass-1', { zimbraCOSId: PROFESSIONAL }),
      demo.token,
    );
    expect(answer.status).toBe(500);
    expect(faultCode(answer.text)).toBe('account.TOO_MANY_ACCOUNTS');
    expect(faultReason(answer.text)).toBe(
      `number of accounts reached the limit: domain=example.com[cos=${PROFESSIONAL},count=10,limit=10]`,
    );
    expect(answer.text).toContain('<soap:Value>soap:Receiver</soap:Value>');
  });

  it('refuses an account beyond zimbraDomainMaxAccounts with the domain message', async () => {
    const lower = await soap(
      demo.mock.url,
      `<ModifyDomainRequest xmlns="urn:zimbraAdmin"><id>5b7e9d1f-2c4a-4e6b-8d0f-1a3c5e7b9d11</id><a n="zimbraDomainMaxAccounts">40</a></ModifyDomainRequest>`,
      demo.token,
    );
    expect(lower.status).toBe(200);
    const answer = await soap(demo.mock.url, create('one.more@example.com', 'Valid-Pass-1'), demo.token);
    expect(faultCode(answer.text)).toBe('account.TOO_MANY_ACCOUNTS');
    expect(faultReason(answer.text)).toBe('number of accounts reached the limit: domain=example.com (40)');
  });

  it('refuses existing addresses, unknown domains, unknown COSes and suspended domains with Zimbra codes', async () => {
    const exists = await soap(demo.mock.url, create('mario.rossi@example.com', 'Valid-Pass-1'), demo.token);
    expect(faultCode(exists.text)).toBe('account.ACCOUNT_EXISTS');
    expect(faultReason(exists.text)).toMatch(
      /^email address already exists: mario.rossi@example.com, at DN: /,
    );
    const noDomain = await soap(demo.mock.url, create('a@nowhere.test', 'Valid-Pass-1'), demo.token);
    expect(faultCode(noDomain.text)).toBe('account.NO_SUCH_DOMAIN');
    expect(faultReason(noDomain.text)).toBe('no such domain: nowhere.test');
    const noCos = await soap(
      demo.mock.url,
      create('b@example.com', 'Valid-Pass-1', { zimbraCOSId: '00000000-0000-4000-8000-000000000000' }),
      demo.token,
    );
    expect(faultCode(noCos.text)).toBe('account.NO_SUCH_COS');
    const suspended = await soap(demo.mock.url, create('c@oldshop.it', 'Valid-Pass-1'), demo.token);
    expect(faultCode(suspended.text)).toBe('service.PERM_DENIED');
    expect(faultReason(suspended.text)).toBe('permission denied: domain is suspended');
  });

  it('enforces the COS password policy on create, in order, with the rule as a fault argument', async () => {
    const cases: Array<[string, string, string]> = [
      ['Ab1!', 'too short', '<a n="zimbraPasswordMinLength" t="NUM">8</a>'],
      [
        'abcdefg1!',
        'not enough upper case characters',
        '<a n="zimbraPasswordMinUpperCaseChars" t="NUM">1</a>',
      ],
      [
        'ABCDEFG1!',
        'not enough lower case characters',
        '<a n="zimbraPasswordMinLowerCaseChars" t="NUM">1</a>',
      ],
      ['Abcdefgh!', 'not enough numeric characters', '<a n="zimbraPasswordMinNumericChars" t="NUM">1</a>'],
      [
        'Abcdefgh1',
        'not enough punctuation characters',
        '<a n="zimbraPasswordMinPunctuationChars" t="NUM">1</a>',
      ],
      [`A1!${'a'.repeat(62)}`, 'too long', '<a n="zimbraPasswordMaxLength" t="NUM">64</a>'],
    ];
    for (const [password, desc, arg] of cases) {
      const answer = await soap(demo.mock.url, create('weak@example.com', password), demo.token);
      expect(faultCode(answer.text)).toBe('account.INVALID_PASSWORD');
      expect(faultReason(answer.text)).toBe(`invalid password: ${desc}`);
      expect(answer.text).toContain(arg);
    }
  });

  it('reads an account by id with an attrs filter, and without COS values when applyCos is 0', async () => {
    const id = await accountId(demo.mock.url, demo.token, 'giulia.bianchi@example.com');
    const filtered = await soap(
      demo.mock.url,
      `<GetAccountRequest xmlns="urn:zimbraAdmin" attrs="displayName,zimbraMailQuota"><account by="id">${id}</account></GetAccountRequest>`,
      demo.token,
    );
    expect(attrValues(filtered.text, '[^"]+')).toEqual(['Giulia Bianchi', '53687091200']);
    const own = await soap(
      demo.mock.url,
      `<GetAccountRequest xmlns="urn:zimbraAdmin" applyCos="0"><account by="id">${id}</account></GetAccountRequest>`,
      demo.token,
    );
    expect(attrValue(own.text, 'zimbraMailQuota')).toBeUndefined();
    expect(attrValue(own.text, 'zimbraCOSId')).toBe(PROFESSIONAL);
    const unknownAttr = await soap(
      demo.mock.url,
      `<GetAccountRequest xmlns="urn:zimbraAdmin" attrs="noSuchAttr"><account by="id">${id}</account></GetAccountRequest>`,
      demo.token,
    );
    expect(faultReason(unknownAttr.text)).toBe(
      'invalid request: requested attribute noSuchAttr is not on account',
    );
  });

  it('modifies attributes: replace, empty value deletes, +attr adds, -attr removes', async () => {
    const id = await accountId(demo.mock.url, demo.token, 'mario.rossi@example.com');
    const modify = modifier(id);
    const renamed = await modify(
      '<a n="givenName">Mariano</a><a n="displayName">Mariano Rossi</a><a n="title">Capo</a>',
    );
    expect(attrValue(renamed.text, 'givenName')).toBe('Mariano');
    expect(attrValue(renamed.text, 'displayName')).toBe('Mariano Rossi');
    const deleted = await modify('<a n="title"></a><a n="+description">uno</a><a n="+description">due</a>');
    expect(attrValue(deleted.text, 'title')).toBeUndefined();
    expect(attrValues(deleted.text, 'description')).toEqual(['uno', 'due']);
    const removed = await modify('<a n="-description">uno</a>');
    expect(attrValues(removed.text, 'description')).toEqual(['due']);
    const mixed = await modify('<a n="description">x</a><a n="+description">y</a>');
    expect(faultReason(mixed.text)).toBe("invalid request: can't mix +attrName/-attrName with attrName");
  });

  it('refuses immutable attributes, a bad quota and a bad status, changing nothing', async () => {
    const id = await accountId(demo.mock.url, demo.token, 'mario.rossi@example.com');
    const modify = modifier(id);
    const immutable = await modify('<a n="mail">other@example.com</a>');
    expect(faultCode(immutable.text)).toBe('service.INVALID_REQUEST');
    expect(faultReason(immutable.text)).toBe('invalid request: mail is immutable');
    const quota = await modify('<a n="givenName">Changed</a><a n="zimbraMailQuota">lots</a>');
    expect(faultCode(quota.text)).toBe('account.INVALID_ATTR_VALUE');
    expect(faultReason(quota.text)).toBe('can not modify mail quota (invalid format): lots');
    const status = await modify('<a n="zimbraAccountStatus">sleeping</a>');
    expect(faultCode(status.text)).toBe('account.INVALID_ATTR_VALUE');
    expect(faultReason(status.text)).toBe(
      'zimbraAccountStatus must be one of: active,maintenance,locked,closed,lockout,pending',
    );
    const after = await soap(
      demo.mock.url,
      `<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="id">${id}</account></GetAccountRequest>`,
      demo.token,
    );
    expect(attrValue(after.text, 'givenName')).toBe('Mario');
  });

  it('re-checks the slot limit when zimbraCOSId changes', async () => {
    const id = await accountId(demo.mock.url, demo.token, 'mario.rossi@example.com');
    const answer = await soap(
      demo.mock.url,
      `<ModifyAccountRequest xmlns="urn:zimbraAdmin"><id>${id}</id><a n="zimbraCOSId">${PROFESSIONAL}</a></ModifyAccountRequest>`,
      demo.token,
    );
    expect(faultCode(answer.text)).toBe('account.TOO_MANY_ACCOUNTS');
    const proId = await accountId(demo.mock.url, demo.token, 'giulia.bianchi@example.com');
    const downgrade = await soap(
      demo.mock.url,
      `<ModifyAccountRequest xmlns="urn:zimbraAdmin"><id>${proId}</id><a n="zimbraCOSId">${STANDARD}</a></ModifyAccountRequest>`,
      demo.token,
    );
    expect(downgrade.status).toBe(200);
    expect(attrValue(downgrade.text, 'zimbraMailQuota')).toBe('5368709120');
    const upgrade = await soap(
      demo.mock.url,
      `<ModifyAccountRequest xmlns="urn:zimbraAdmin"><id>${id}</id><a n="zimbraCOSId">${PROFESSIONAL}</a></ModifyAccountRequest>`,
      demo.token,
    );
    expect(upgrade.status).toBe(200);
  });

  it('sets a password that breaks the policy with a message, and expires the owner tokens', async () => {
    const id = await accountId(demo.mock.url, demo.token, 'mario.rossi@example.com');
    const ownerToken = await userToken(demo.mock.url, 'mario.rossi@example.com');
    const answer = await soap(
      demo.mock.url,
      `<SetPasswordRequest xmlns="urn:zimbraAdmin"><id>${id}</id><newPassword>short</newPassword></SetPasswordRequest>`,
      demo.token,
    );
    expect(answer.status).toBe(200);
    expect(textOf(answer.text, 'message')).toBe(
      'Password violation: account=mario.rossi@example.com, violation=invalid password: too short.  Password is set successfully.',
    );
    expect(answer.text).not.toContain('>short<');
    const oldToken = await soap(
      demo.mock.url,
      `<ChangePasswordRequest xmlns="urn:zimbraAccount"><account by="name">nobody@example.com</account><oldPassword>x</oldPassword><password>y</password></ChangePasswordRequest>`,
      ownerToken,
      '/service/soap',
    );
    expect(faultCode(oldToken.text)).toBe('service.AUTH_EXPIRED');
    await expect(userToken(demo.mock.url, 'mario.rossi@example.com', 'short')).resolves.toMatch(/^0_/);
    const strong = await soap(
      demo.mock.url,
      `<SetPasswordRequest xmlns="urn:zimbraAdmin" id="${id}" newPassword="Strong-Pass-9"/>`,
      demo.token,
    );
    expect(strong.text).toContain('<SetPasswordResponse xmlns="urn:zimbraAdmin"/>');
  });

  it('renames an account keeping its id, and refuses a taken name', async () => {
    const id = await accountId(demo.mock.url, demo.token, 'mario.rossi@example.com');
    const renamed = await soap(
      demo.mock.url,
      `<RenameAccountRequest xmlns="urn:zimbraAdmin"><id>${id}</id><newName>m.rossi@example.com</newName></RenameAccountRequest>`,
      demo.token,
    );
    expect(xmlAttr(renamed.text, 'account', 'name')).toBe('m.rossi@example.com');
    expect(xmlAttr(renamed.text, 'account', 'id')).toBe(id);
    expect(await accountId(demo.mock.url, demo.token, 'm.rossi@example.com')).toBe(id);
    const taken = await soap(
      demo.mock.url,
      `<RenameAccountRequest xmlns="urn:zimbraAdmin"><id>${id}</id><newName>luca.ferrari@example.com</newName></RenameAccountRequest>`,
      demo.token,
    );
    expect(faultCode(taken.text)).toBe('account.ACCOUNT_EXISTS');
  });

  it('deletes an account, which then is NO_SUCH_ACCOUNT and frees its slot', async () => {
    const id = await accountId(demo.mock.url, demo.token, 'giulia.bianchi@example.com');
    const deleted = await soap(
      demo.mock.url,
      `<DeleteAccountRequest xmlns="urn:zimbraAdmin"><id>${id}</id></DeleteAccountRequest>`,
      demo.token,
    );
    expect(deleted.text).toContain('<DeleteAccountResponse xmlns="urn:zimbraAdmin"/>');
    const again = await soap(
      demo.mock.url,
      `<DeleteAccountRequest xmlns="urn:zimbraAdmin"><id>${id}</id></DeleteAccountRequest>`,
      demo.token,
    );
    expect(faultCode(again.text)).toBe('account.NO_SUCH_ACCOUNT');
    expect(faultReason(again.text)).toBe(`no such account: ${id}`);
    const created = await soap(
      demo.mock.url,
      create('nuova.pro@example.com', DEMO_PASSWORD, { zimbraCOSId: PROFESSIONAL }),
      demo.token,
    );
    expect(created.status).toBe(200);
  });
});
