import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZIMBRA_ATTRS as MOCK_ATTRS } from '../../mock-server/src/zimbra/generated/zimbra-attrs.ts';
import { buildCatalogue, defaultSource, SDK_TYPES_OUTPUT } from '../../scripts/generate-zimbra-attrs.mjs';
import { ZIMBRA_ATTRS as SDK_ATTRS } from '../../sdk/src/zimbra/generated/zimbra-attrs.ts';

const byName = new Map(MOCK_ATTRS.map((a) => [a.name, a]));

describe('the generated Zimbra attribute catalogue', () => {
  it('is what the generator makes today from zimbra-attrs.xml (../shared beside the clone)', () => {
    const source = defaultSource();
    expect(source, 'zimbra-attrs.xml must be at ../shared/zimbra/ beside the clone').toBeDefined();
    const fresh = buildCatalogue(readFileSync(source!, 'utf8'));
    expect(MOCK_ATTRS).toEqual(fresh);
  });

  it('ships the same facts to the mock and to the SDK', () => {
    expect(SDK_ATTRS).toEqual(MOCK_ATTRS);
  });

  it('gives the SDK a type-level map of every name to its Zimbra type, current with the facts', () => {
    const text = readFileSync(new URL(`../../${SDK_TYPES_OUTPUT}`, import.meta.url), 'utf8');
    const kinds = new Map(
      [...text.matchAll(/readonly '?"?([A-Za-z0-9-]+)'?"?: '([a-z_]+(?:\[\])?)';/g)].map((m) => [m[1], m[2]]),
    );
    expect(kinds.size).toBe(MOCK_ATTRS.length);
    expect(kinds.get('zimbraMailQuota')).toBe('long');
    expect(kinds.get('zimbraMailAlias')).toBe('email[]');
    expect(kinds.get('objectClass')).toBe('string[]');
    for (const attr of MOCK_ATTRS) expect(kinds.get(attr.name)?.replace('[]', '')).toBe(attr.type);
  });

  it('holds every attribute Zimbra defines, once each, sorted by name', () => {
    expect(MOCK_ATTRS.length).toBeGreaterThan(1850);
    const names = MOCK_ATTRS.map((a) => a.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(names);
    const onAccount = MOCK_ATTRS.filter((a) =>
      [...(a.optionalIn ?? []), ...(a.requiredIn ?? [])].some(
        (c) => c === 'account' || c === 'mailRecipient',
      ),
    );
    expect(onAccount.length).toBeGreaterThan(780);
  });

  it('keeps facts only: no descriptions or other prose', () => {
    const allowed = new Set([
      'name',
      'type',
      'id',
      'cardinality',
      'optionalIn',
      'requiredIn',
      'flags',
      'immutable',
      'min',
      'max',
      'value',
      'callback',
      'defaultCOSValue',
      'globalConfigValue',
      'since',
      'deprecatedSince',
    ]);
    for (const attr of MOCK_ATTRS) for (const key of Object.keys(attr)) expect(allowed).toContain(key);
  });

  it('records the facts the mock acts on exactly as Zimbra declares them', () => {
    expect(byName.get('zimbraPasswordMaxAge')).toMatchObject({
      type: 'integer',
      min: '0',
      cardinality: 'single',
      flags: expect.arrayContaining(['accountInherited', 'domainAdminModifiable']),
    });
    expect(byName.get('zimbraMailHost')).toMatchObject({ type: 'astring', max: '256', callback: 'MailHost' });
    expect(byName.get('zimbraMailAlias')).toMatchObject({
      type: 'email',
      immutable: true,
      cardinality: 'multi',
    });
    expect(byName.get('zimbraAccountStatus')?.value?.split(',')).toContain('lockout');
    expect(byName.get('zimbraMailQuota')?.defaultCOSValue).toEqual(['0']);
    expect(byName.get('zimbraPrefLocale')?.optionalIn).toEqual(['account', 'cos']);
    expect(byName.get('objectClass')).toMatchObject({ type: 'string' });
    expect(byName.get('objectClass')?.immutable).toBeUndefined();
  });
});
