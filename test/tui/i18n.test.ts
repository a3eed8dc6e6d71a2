import { describe, expect, it } from 'vitest';
import { en } from '../../tui/src/i18n/en.ts';
import { CATALOGUES, detectLang, translate } from '../../tui/src/i18n/index.tsx';
import { it as italian } from '../../tui/src/i18n/it.ts';
import { BINDINGS } from '../../tui/src/keys/bindings.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  it('has the same keys in Italian and English', () => {
    expect(Object.keys(italian).sort()).toEqual(Object.keys(en).sort());
  });

  it('has no empty message in either language', () => {
    for (const catalogue of Object.values(CATALOGUES)) {
      for (const [key, text] of Object.entries(catalogue)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(italian[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('has a label and a help sentence for every keybinding, in both languages', () => {
    for (const b of BINDINGS) {
      for (const lang of ['it', 'en'] as const) {
        expect(CATALOGUES[lang][b.label]).toBeTruthy();
        expect(CATALOGUES[lang][b.help]).toBeTruthy();
      }
    }
  });

  it('fills placeholders and translates a parameter that is itself a key', () => {
    expect(translate('it', 'form.required', { field: 'field.sn' })).toBe('Cognome è obbligatorio.');
    expect(translate('en', 'newMailbox.created', { address: 'a@b.it' })).toBe('Mailbox a@b.it created.');
  });

  it('picks the language from --lang, then LC_ALL, LC_MESSAGES and LANG', () => {
    expect(detectLang('en', { LANG: 'it_IT.UTF-8' })).toBe('en');
    expect(detectLang(undefined, { LANG: 'it_IT.UTF-8' })).toBe('it');
    expect(detectLang(undefined, { LC_ALL: 'en_US.UTF-8', LANG: 'it_IT.UTF-8' })).toBe('en');
    expect(detectLang(undefined, {})).toBe('en');
  });
});
