import type { en } from './en.ts';

/** Every message key; English is the reference, so a key missing from Italian fails typecheck. */
export type MessageKey = keyof typeof en;

/** A full translation: every key, nothing else. */
export type Catalogue = { readonly [K in MessageKey]: string };

/** Languages of the UI. */
export type Lang = 'it' | 'en';
