import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { Catalogue, Lang, MessageKey } from './catalogue.ts';
import { en } from './en.ts';
import { it } from './it.ts';

/** Both catalogues, by language. */
export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { it, en };

/** Parameters of a message: `{name}` in the text is replaced; a value that is itself a key is translated. */
export type Params = Readonly<Record<string, string | number>>;

/** A translate function bound to one language. */
export type Translate = (key: MessageKey, params?: Params) => string;

/** The parameters that choose a plural form, in this order: the first one given that is a number. */
const PLURAL_BY = ['n', 'free', 'count', 'max'] as const;

const PLURAL_RULES: Readonly<Record<Lang, Intl.PluralRules>> = {
  en: new Intl.PluralRules('en'),
  it: new Intl.PluralRules('it'),
};

/**
 * Translates `key` into `lang`, filling `{placeholders}`. When the catalogue has a plural form of the key
 * (`key.one`, `key.many`… as `Intl.PluralRules` names them) for the count in the parameters, that form is
 * used: "1 casella libera", "2 caselle libere".
 */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const catalogue = CATALOGUES[lang];
  let text: string = catalogue[key];
  if (!params) return text;
  const count = PLURAL_BY.map((p) => params[p]).find((v): v is number => typeof v === 'number');
  if (count !== undefined) {
    const form = `${key}.${PLURAL_RULES[lang].select(count)}`;
    if (Object.hasOwn(catalogue, form)) text = catalogue[form as MessageKey];
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'string' && value in catalogue ? catalogue[value as MessageKey] : String(value);
  });
}

/** True when `key` is in the catalogue, e.g. a key built from a server's rule id. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(CATALOGUES.en, key);
}

/** Picks the language from `--lang`, else LC_ALL / LC_MESSAGES / LANG (Italian for `it_*`), else English. */
export function detectLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag === 'it' || flag === 'en') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('it') ? 'it' : 'en';
}

const LangContext = createContext<Lang>('en');

/** Props of {@link I18nProvider}. */
export interface I18nProviderProps {
  readonly lang: Lang;
  readonly children: ReactNode;
}

/** Provides the language to every component below. */
export function I18nProvider({ lang, children }: I18nProviderProps) {
  return <LangContext.Provider value={lang}>{children}</LangContext.Provider>;
}

/** The current language, e.g. for number formatting (`formatBytes(n, useLang())`). */
export function useLang(): Lang {
  return useContext(LangContext);
}

/** The translate function of the current language. */
export function useT(): Translate {
  const lang = useContext(LangContext);
  return useMemo(() => (key: MessageKey, params?: Params) => translate(lang, key, params), [lang]);
}
