import { describe, expect, it } from 'vitest';
import {
  accountId,
  attrValue,
  attrValues,
  EXAMPLE_ID,
  faultCode,
  faultReason,
  soap,
  useMock,
  xmlAttr,
} from './soap-helpers.ts';

const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const create = (name: string, attrs: Array<[string, string]>) =>
  `<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>${name}</name>${attrs
    .map(([n, v]) => `<a n="${n}">${esc(v)}</a>`)
    .join('')}</CreateAccountRequest>`;

const modify = (id: string, attrs: Array<[string, string]>) =>
  `<ModifyAccountRequest xmlns="urn:zimbraAdmin"><id>${id}</id>${attrs
    .map(([n, v]) => `<a n="${n}">${esc(v)}</a>`)
    .join('')}</ModifyAccountRequest>`;

describe('Zimbra mock: attribute names and values checked against the catalogue', () => {
  const demo = useMock({ resetEach: true, adminToken: true });

  it('accepts preferences and features Zimbra defines and reads them back exactly', async () => {
    const answer = await soap(
      demo.mock.url,
      create('prefs@example.com', [
        ['zimbraPrefMailSignature', '  Ciao,\nMario  '],
        ['zimbraFeatureBriefcasesEnabled', 'FALSE'],
        ['zimbraPrefTimeZoneId', 'Europe/Rome'],
        ['zimbraPrefMailPollingInterval', '5m'],
        ['zimbraPrefOutOfOfficeReply', 'Sono in ferie'],
      ]),
      demo.token,
    );
    expect(answer.status).toBe(200);
    const id = await accountId(demo.mock.url, demo.token, 'prefs@example.com');
    const read = await soap(
      demo.mock.url,
      `<GetAccountRequest xmlns="urn:zimbraAdmin" applyCos="0"><account by="id">${id}</account></GetAccountRequest>`,
      demo.token,
    );
    expect(attrValue(read.text, 'zimbraFeatureBriefcasesEnabled')).toBe('FALSE');
    expect(attrValue(read.text, 'zimbraPrefMailPollingInterval')).toBe('5m');
    expect(attrValue(read.text, 'zimbraPrefOutOfOfficeReply')).toBe('Sono in ferie');
  });

  it('refuses a name Zimbra does not define with account.INVALID_ATTR_NAME and creates nothing', async () => {
    const answer = await soap(
      demo.mock.url,
      create('x1@example.com', [['zimbraNoSuchThing', '1']]),
      demo.token,
    );
    expect(answer.status).toBe(500);
    expect(faultCode(answer.text)).toBe('account.INVALID_ATTR_NAME');
    expect(faultReason(answer.text)).toBe('invalid attr name: zimbraNoSuchThing');
    const read = await soap(
      demo.mock.url,
      '<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">x1@example.com</account></GetAccountRequest>',
      demo.token,
    );
    expect(faultCode(read.text)).toBe('account.NO_SUCH_ACCOUNT');
  });

  it('refuses an attribute of another kind of entry on an account (a domain attribute)', async () => {
    const answer = await soap(
      demo.mock.url,
      create('x2@example.com', [['zimbraDomainMaxAccounts', '3']]),
      demo.token,
    );
    expect(faultCode(answer.text)).toBe('account.INVALID_ATTR_NAME');
  });

  it.each([
    ['zimbraPasswordMaxAge', '-1', 'zimbraPasswordMaxAge value(-1) smaller than minimum allowed: 0'],
    ['zimbraPasswordMinLength', 'eight', 'zimbraPasswordMinLength must be a valid integer: eight'],
    ['zimbraDataSourceQuota', '1.5', 'zimbraDataSourceQuota must be a valid long: 1.5'],
    ['zimbraDataSourceQuota', '-5', 'zimbraDataSourceQuota value(-5) smaller than minimum allowed: 0'],
    ['zimbraExternalImapPort', '70000', 'zimbraExternalImapPort must be a valid port: 70000'],
    ['zimbraArchiveAccount', 'Mario <m@example.com>', 'invalid email address: Mario &lt;m@example.com&gt;'], // the reason as the XML carries it
    ['zimbraFeatureCalendarEnabled', 'true', 'zimbraFeatureCalendarEnabled must be TRUE or FALSE'],
    [
      'zimbraAccountStatus',
      'frozen',
      'zimbraAccountStatus must be one of: active,maintenance,locked,closed,lockout,pending',
    ],
    ['zimbraPrefLocale', 'x'.repeat(65), 'zimbraPrefLocale value length(65) larger than max allowed: 64'],
    ['zimbraPrefMailForwardingAddress', 'a@x.it,nobody', "address 'nobody' does not include domain"],
  ])("refuses %s=%s with account.INVALID_ATTR_VALUE and Zimbra's message", async (name, value, message) => {
    const id = await accountId(demo.mock.url, demo.token, 'mario.rossi@example.com');
    const answer = await soap(demo.mock.url, modify(id, [[name, value]]), demo.token);
    expect(answer.status).toBe(500);
    expect(faultCode(answer.text)).toBe('account.INVALID_ATTR_VALUE');
    expect(faultReason(answer.text)).toBe(message);
  });

  it('checks durations by unit and limit, and email addresses by shape', async () => {
    const id = await accountId(demo.mock.url, demo.token, 'mario.rossi@example.com');
    const bad = await soap(
      demo.mock.url,
      modify(id, [['zimbraPrefMailPollingInterval', '5 minutes']]),
      demo.token,
    );
    expect(faultCode(bad.text)).toBe('account.INVALID_ATTR_VALUE');
    expect(faultReason(bad.text)).toMatch(/^zimbraPrefMailPollingInterval Must be in valid duration format/);
    const noDomain = await soap(
      demo.mock.url,
      modify(id, [['zimbraPrefMailForwardingAddress', 'mario']]),
      demo.token,
    );
    expect(faultCode(noDomain.text)).toBe('account.INVALID_ATTR_VALUE');
    expect(faultReason(noDomain.text)).toBe("address 'mario' does not include domain");
    const good = await soap(
      demo.mock.url,
      modify(id, [['zimbraPrefMailForwardingAddress', 'mario@elsewhere.it']]),
      demo.token,
    );
    expect(good.status).toBe(200);
    expect(attrValue(good.text, 'zimbraPrefMailForwardingAddress')).toBe('mario@elsewhere.it');
  });

  it('changes nothing when one value of a request is bad', async () => {
    const id = await accountId(demo.mock.url, demo.token, 'mario.rossi@example.com');
    const answer = await soap(
      demo.mock.url,
      modify(id, [
        ['givenName', 'Changed'],
        ['zimbraPasswordMaxAge', '-1'],
      ]),
      demo.token,
    );
    expect(faultCode(answer.text)).toBe('account.INVALID_ATTR_VALUE');
    const read = await soap(
      demo.mock.url,
      `<GetAccountRequest xmlns="urn:zimbraAdmin" attrs="givenName"><account by="id">${id}</account></GetAccountRequest>`,
      demo.token,
    );
    expect(attrValue(read.text, 'givenName')).toBe('Mario');
  });

  it('keeps several values of a multi-valued attribute and refuses two for a single-valued one', async () => {
    const id = await accountId(demo.mock.url, demo.token, 'mario.rossi@example.com');
    const multi = await soap(
      demo.mock.url,
      modify(id, [
        ['zimbraPrefMailLocalDeliveryDisabled', 'FALSE'],
        ['zimbraForeignPrincipal', 'ad:mrossi'],
        ['+zimbraForeignPrincipal', 'kerberos:mrossi@EXAMPLE.COM'],
      ]).replace(
        '<a n="zimbraForeignPrincipal">ad:mrossi</a>',
        '<a n="+zimbraForeignPrincipal">ad:mrossi</a>',
      ),
      demo.token,
    );
    expect(multi.status).toBe(200);
    expect(attrValues(multi.text, 'zimbraForeignPrincipal')).toEqual([
      'ad:mrossi',
      'kerberos:mrossi@EXAMPLE.COM',
    ]);
    const single = await soap(
      demo.mock.url,
      modify(id, [
        ['givenName', 'A'],
        ['givenName', 'B'],
      ]),
      demo.token,
    );
    expect(faultCode(single.text)).toBe('service.PERM_DENIED');
    expect(faultReason(single.text)).toBe(
      'permission denied: can not modify givenName(single valued attribute)',
    );
  });

  it('lets objectClass change, since Zimbra does not declare it immutable, but keeps zimbraId immutable', async () => {
    const id = await accountId(demo.mock.url, demo.token, 'mario.rossi@example.com');
    const added = await soap(
      demo.mock.url,
      modify(id, [['+objectClass', 'zimbraCalendarResource']]),
      demo.token,
    );
    expect(added.status).toBe(200);
    expect(attrValues(added.text, 'objectClass')).toContain('zimbraCalendarResource');
    const immutable = await soap(demo.mock.url, modify(id, [['zimbraId', EXAMPLE_ID]]), demo.token);
    expect(faultCode(immutable.text)).toBe('service.INVALID_REQUEST');
    expect(faultReason(immutable.text)).toBe('invalid request: zimbraId is immutable');
  });

  it('requires zimbraMailHost to name a mailbox server and sets the LMTP transport to match', async () => {
    const unknown = await soap(
      demo.mock.url,
      create('host1@example.com', [['zimbraMailHost', 'nowhere.example.com']]),
      demo.token,
    );
    expect(faultCode(unknown.text)).toBe('service.INVALID_REQUEST');
    expect(faultReason(unknown.text)).toBe(
      'invalid request: specified zimbraMailHost does not correspond to a valid server service hostname: nowhere.example.com',
    );
    const servers = await soap(
      demo.mock.url,
      '<GetAllServersRequest xmlns="urn:zimbraAdmin" service="mailbox"/>',
      demo.token,
    );
    const host = xmlAttr(servers.text, 'server', 'name')!;
    const ok = await soap(demo.mock.url, create('host2@example.com', [['zimbraMailHost', host]]), demo.token);
    expect(ok.status).toBe(200);
    expect(attrValue(ok.text, 'zimbraMailHost')).toBe(host);
    expect(attrValue(ok.text, 'zimbraMailTransport')).toBe(`lmtp:${host}:7025`);
    const both = await soap(
      demo.mock.url,
      create('host3@example.com', [
        ['zimbraMailHost', host],
        ['zimbraMailTransport', 'smtp:elsewhere:25'],
      ]),
      demo.token,
    );
    expect(faultReason(both.text)).toBe(
      'invalid request: setting both zimbraMailHost and zimbraMailTransport in the same request is not allowed',
    );
  });

  it('refuses an attrs= name that is not on an account with service.INVALID_REQUEST, as getReqAttrs does', async () => {
    const answer = await soap(
      demo.mock.url,
      '<GetAccountRequest xmlns="urn:zimbraAdmin" attrs="displayName,zimbraDomainStatus"><account by="name">mario.rossi@example.com</account></GetAccountRequest>',
      demo.token,
    );
    expect(faultCode(answer.text)).toBe('service.INVALID_REQUEST');
    expect(faultReason(answer.text)).toBe(
      'invalid request: requested attribute zimbraDomainStatus is not on account',
    );
  });
});
