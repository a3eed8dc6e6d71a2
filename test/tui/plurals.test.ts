import { describe, expect, it } from 'vitest';
import { CATALOGUES, translate } from '../../tui/src/i18n/index.tsx';

describe('plurals follow Intl.PluralRules in both languages', () => {
  it('says "1 casella libera" and "2 caselle libere" in Italian', () => {
    expect(translate('it', 'newMailbox.slotsFree', { type: 'Standard', free: 1, max: 11 })).toBe(
      'Standard: 1 casella libera su 11',
    );
    expect(translate('it', 'newMailbox.slotsFree', { type: 'Standard', free: 2, max: 11 })).toBe(
      'Standard: 2 caselle libere su 11',
    );
    expect(translate('it', 'dashboard.slots', { used: 9, max: 10, free: 1 })).toBe('9/10 create, 1 libera');
    expect(translate('it', 'dashboard.slots', { used: 10, max: 10, free: 0 })).toBe('10/10 create, 0 libere');
  });

  it('writes password rules without "(s)" or "/e" in either language', () => {
    expect(translate('it', 'rule.upper', { n: 1 })).toBe('almeno 1 lettera maiuscola');
    expect(translate('it', 'rule.upper', { n: 2 })).toBe('almeno 2 lettere maiuscole');
    expect(translate('en', 'rule.digit', { n: 1 })).toBe('at least 1 digit');
    expect(translate('en', 'rule.digit', { n: 3 })).toBe('at least 3 digits');
    for (const lang of ['en', 'it'] as const) {
      for (const [key, text] of Object.entries(CATALOGUES[lang])) {
        if (key.startsWith('rule.')) expect(text, key).not.toMatch(/\(s\)|\/[ei]\b/);
      }
    }
  });

  it('says "1 mailbox." in English, not "1 mailboxes."', () => {
    expect(translate('en', 'pecHome.countUnlimited', { count: 1 })).toBe('1 mailbox.');
    expect(translate('en', 'pecHome.countUnlimited', { count: 5 })).toBe('5 mailboxes.');
    expect(translate('it', 'pecHome.count', { count: 1, limit: 20 })).toBe('1 casella su 20.');
  });

  it('has a plain form for every plural form in the catalogue', () => {
    for (const lang of ['en', 'it'] as const) {
      for (const key of Object.keys(CATALOGUES[lang])) {
        const m = /^(.+)\.(zero|one|two|few|many)$/.exec(key);
        if (m) expect(Object.hasOwn(CATALOGUES[lang], m[1] as string), key).toBe(true);
      }
    }
  });
});
