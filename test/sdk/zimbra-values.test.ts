// Findings 3, 4 and 6 of the hardening issue: what is given is what is stored and read back, or the
// input is refused before the wire with its field and rule.
import { isZimbraFault, ValidationError, ZimbraAccount, ZimbraAdmin } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, failure, useDemoAdmin, WIRE } from './zimbra-fixtures.ts';

describe('values through the Zimbra admin client', () => {
  const demo = useDemoAdmin({ resetEach: true });
  const owner = 'mario.rossi@example.com';

  it('keeps a password with CR, TAB and LF exactly: the owner logs in with what was set', async () => {
    const password = 'Ab1!\rcarriage\ttab\nline\r\n-end';
    await demo.admin.accounts.setPassword(owner, password, { policy: false });
    await ZimbraAccount.changePassword({
      wire: WIRE,
      url: demo.mock.url,
      username: owner,
      oldPassword: password,
      newPassword: DEMO_PASSWORD,
    });
  });

  it('keeps leading and trailing spaces of names', async () => {
    const changed = await demo.admin.accounts.modify(owner, {
      givenName: ' Anna ',
      sn: '  Verdi',
      displayName: 'A  V ',
    });
    expect(changed).toMatchObject({ givenName: ' Anna ', sn: '  Verdi', displayName: 'A  V ' });
    expect(await demo.admin.accounts.get(owner)).toMatchObject({ givenName: ' Anna ', sn: '  Verdi' });
  });

  it('refuses a lone surrogate in a password naming field and rule, without showing the value', async () => {
    const error = await failure(demo.admin.accounts.setPassword(owner, 'Ab1!-\uD800-pw', { policy: false }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'password', rule: 'xmlChar' });
    expect(error.message).not.toContain('Ab1!');
  });

  it('refuses C0 controls and U+FFFE/U+FFFF in attribute values, naming the attribute', async () => {
    for (const bad of ['a\u0001b', 'x\uFFFE', 'y\uFFFF', '\uDC00z']) {
      const error = await failure(demo.admin.accounts.modify(owner, { attrs: { description: bad } }));
      expect(error).toMatchObject({ field: 'attrs.description', rule: 'xmlChar' });
    }
  });

  it('refuses a whitespace-only name, which Zimbra would drop, and keeps the empty string as removal', async () => {
    const error = await failure(demo.admin.accounts.modify(owner, { sn: '   ' }));
    expect(error).toMatchObject({ field: 'sn', rule: 'whitespaceOnly' });
    const cleared = await demo.admin.accounts.modify(owner, { displayName: '' });
    expect(cleared.displayName).toBeUndefined();
  });

  it('applies first-class attributes given only in attrs instead of dropping them', async () => {
    const changed = await demo.admin.accounts.modify(owner, {
      attrs: { displayName: 'Solo Attrs', givenName: 'Giò', zimbraMailQuota: 1234567 },
    });
    expect(changed).toMatchObject({ displayName: 'Solo Attrs', givenName: 'Giò', quotaBytes: 1234567 });
  });

  it('refuses a field and an attrs entry naming the same attribute as a conflict, changing nothing', async () => {
    const before = await demo.admin.accounts.get(owner);
    const error = await failure(
      demo.admin.accounts.modify(owner, { displayName: 'Uno', attrs: { displayName: 'Due' } }),
    );
    expect(error).toMatchObject({ field: 'attrs.displayName', rule: 'conflict' });
    const cos = await failure(
      demo.admin.accounts.modify(owner, { cos: 'Standard', attrs: { zimbraCOSId: 'x' } }),
    );
    expect(cos).toMatchObject({ field: 'attrs.zimbraCOSId', rule: 'conflict' });
    expect((await demo.admin.accounts.get(owner)).displayName).toBe(before.displayName);
  });

  it('refuses prototype keys in attrs, an own __proto__ included', async () => {
    const proto = JSON.parse('{"__proto__": "x"}') as Record<string, string>;
    for (const attrs of [proto, { constructor: 'y' }, { prototype: 'z' }]) {
      const error = await failure(demo.admin.accounts.modify(owner, { attrs }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ rule: 'prototypeKey' });
    }
  });

  it('reads attributes into a map without a prototype', async () => {
    const account = await demo.admin.accounts.get(owner);
    expect(Object.getPrototypeOf(account.attrs)).toBeNull();
    expect(account.attrs.constructor).toBeUndefined();
  });

  it('refuses option values of the wrong type, such as insecureSkipTlsVerify "false"', async () => {
    for (const [field, value] of [
      ['insecureSkipTlsVerify', 'false'],
      ['timeoutMs', '1000'],
      ['retries', true],
      ['wire', 'soap'],
      ['hooks', { onRequest: () => undefined }],
      ['cacheTtlMs', -5],
    ] as const) {
      const error = await failure(
        ZimbraAdmin.login({
          url: demo.mock.url,
          wire: WIRE,
          username: 'admin@example.com',
          password: DEMO_PASSWORD,
          [field]: value,
        } as unknown as Parameters<typeof ZimbraAdmin.login>[0]),
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field.startsWith(field)).toBe(true);
    }
  });

  it('still passes server refusals through as faults with their code', async () => {
    const error = await failure(demo.admin.accounts.modify('nessuno@example.com', { givenName: 'X' }));
    expect(isZimbraFault(error, 'account.NO_SUCH_ACCOUNT')).toBe(true);
  });
});
