import { describe, expect, it } from 'vitest';
import { attrsToXml, collectAttrs, toBoolean, toDate, toInteger } from '../../sdk/src/zimbra/attrs.ts';

describe('Zimbra attribute values', () => {
  it('parses generalized time with and without milliseconds', () => {
    expect(toDate('20261122101500Z')?.toISOString()).toBe('2026-11-22T10:15:00.000Z');
    expect(toDate('20261122101500.123Z')?.toISOString()).toBe('2026-11-22T10:15:00.123Z');
    expect(toDate('20261122101500.5z')?.toISOString()).toBe('2026-11-22T10:15:00.500Z');
    expect(toDate('2026-11-22T10:15:00Z')).toBeUndefined();
  });

  it('reads LDAP (TRUE/FALSE) and protocol (1/0) booleans, nothing else', () => {
    expect([
      toBoolean('TRUE'),
      toBoolean('FALSE'),
      toBoolean('1'),
      toBoolean('0'),
      toBoolean('true'),
    ]).toEqual([true, false, true, false, true]);
    expect(toBoolean('yes')).toBeUndefined();
  });

  it('reads quotas as integers beyond 32 bits and refuses non-integers', () => {
    expect(toInteger('53687091200')).toBe(53687091200);
    expect(toInteger('1e3')).toBeUndefined();
    expect(toInteger('99999999999999999999')).toBeUndefined();
  });

  it('writes arrays as repeated <a n>, booleans as TRUE/FALSE and skips undefined', () => {
    expect(
      attrsToXml({
        zimbraMailAlias: ['a@x.it', 'b@x.it'],
        zimbraPasswordMustChange: true,
        sn: undefined,
        q: 5,
      }),
    ).toEqual([
      { '@_n': 'zimbraMailAlias', '#text': 'a@x.it' },
      { '@_n': 'zimbraMailAlias', '#text': 'b@x.it' },
      { '@_n': 'zimbraPasswordMustChange', '#text': 'TRUE' },
      { '@_n': 'q', '#text': '5' },
    ]);
  });

  it('folds a value-less <a n> into an empty string', () => {
    expect(collectAttrs([{ n: 'zimbraNotes' }])).toEqual({ zimbraNotes: '' });
  });
});
