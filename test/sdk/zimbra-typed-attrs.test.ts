import {
  type CreateAccountInput,
  type ModifyAccountInput,
  ValidationError,
  type ZimbraAttrsInput,
  type ZimbraAttrValue,
} from '@casella/sdk';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { failure, GOOD_PASSWORD, useDemoAdmin } from './zimbra-fixtures.ts';

describe('typed attrs', () => {
  const demo = useDemoAdmin({ resetEach: true });

  it('gives each known attribute the value type of its Zimbra kind', () => {
    expectTypeOf<ZimbraAttrValue<'zimbraFeatureMailForwardingEnabled'>>().toEqualTypeOf<
      'TRUE' | 'FALSE' | boolean | ''
    >();
    expectTypeOf<ZimbraAttrValue<'zimbraMailQuota'>>().toEqualTypeOf<`${bigint}` | number | ''>();
    expectTypeOf<ZimbraAttrValue<'zimbraAccountStatus'>>().toEqualTypeOf<
      'active' | 'maintenance' | 'locked' | 'closed' | 'lockout' | 'pending' | ''
    >();
    expectTypeOf<ZimbraAttrValue<'zimbraMailAlias'>>().toEqualTypeOf<string | readonly string[]>();
    expectTypeOf<ZimbraAttrValue<'displayName'>>().toEqualTypeOf<string>();
    expectTypeOf<CreateAccountInput['attrs']>().toEqualTypeOf<ZimbraAttrsInput | undefined>();
    expectTypeOf<ModifyAccountInput['extraAttrs']>().toEqualTypeOf<
      Readonly<Record<string, string | number | boolean | readonly string[]>> | undefined
    >();
  });

  it('refuses misspelt names and wrong value kinds at compile time', () => {
    const ok: ZimbraAttrsInput = {
      zimbraFeatureMailForwardingEnabled: 'TRUE',
      zimbraMailQuota: '1073741824',
      zimbraPrefMailForwardingAddress: 'a@example.org',
      '+zimbraMailAlias': 'x@example.com',
    };
    // @ts-expect-error a misspelt attribute name is not a known name
    const typo: ZimbraAttrsInput = { zimbraMailQuotta: '1' };
    // @ts-expect-error a boolean attribute takes TRUE or FALSE, not yes
    const notBoolean: ZimbraAttrsInput = { zimbraFeatureMailForwardingEnabled: 'yes' };
    // @ts-expect-error an integer attribute takes decimal text, not a word
    const notInteger: ZimbraAttrsInput = { zimbraMailQuota: 'lots' };
    // @ts-expect-error a status outside Zimbra's enum
    const notStatus: ZimbraAttrsInput = { zimbraAccountStatus: 'suspended' };
    // @ts-expect-error a single-valued attribute takes one value
    const notSingle: ZimbraAttrsInput = { displayName: ['a', 'b'] };
    expect([ok, typo, notBoolean, notInteger, notStatus, notSingle]).toHaveLength(6);
  });

  it('stores typed attrs and extraAttrs together on create and reads them back', async () => {
    const created = await demo.admin.accounts.create({
      name: 'typed.attrs@example.com',
      password: GOOD_PASSWORD,
      attrs: { zimbraFeatureMailForwardingEnabled: false, zimbraPrefMailForwardingAddress: 'x@example.org' },
      extraAttrs: { description: 'from extraAttrs' },
    });
    const read = await demo.admin.accounts.get(created.id);
    expect(read.attrs.zimbraFeatureMailForwardingEnabled).toBe('FALSE');
    expect(read.forwarding.addresses).toEqual(['x@example.org']);
    expect(read.attrs.description).toBe('from extraAttrs');
  });

  it('refuses a name given in both attrs and extraAttrs naming the extraAttrs field and rule conflict', async () => {
    const error = await failure(
      demo.admin.accounts.modify('mario.rossi@example.com', {
        attrs: { description: 'one' },
        extraAttrs: { Description: 'two' },
      }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'extraAttrs.Description', rule: 'conflict' });
    expect((await demo.admin.accounts.get('mario.rossi@example.com')).attrs.description).toBeUndefined();
  });

  it('checks extraAttrs names like attrs names before the wire', async () => {
    const error = await failure(
      demo.admin.accounts.modify('mario.rossi@example.com', { extraAttrs: { 'bad name': 'x' } }),
    );
    expect(error).toMatchObject({ field: 'extraAttrs.bad name', rule: 'attrName' });
  });
});
