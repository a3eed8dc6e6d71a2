import type { MessageKey } from '../i18n/catalogue.ts';

/** A line of feedback under a screen: translated at render time from a catalogue key. */
export interface Message {
  readonly tone: 'error' | 'info' | 'success';
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
  /** The server's own words (already free of secrets), shown only on request (`d`), never in the sentence. */
  readonly detail?: string;
}

/** An error message built from a catalogue key. */
export function errorMessage(key: MessageKey, params?: Record<string, string | number>): Message {
  return params ? { tone: 'error', key, params } : { tone: 'error', key };
}

/** A success message built from a catalogue key. */
export function successMessage(key: MessageKey, params?: Record<string, string | number>): Message {
  return params ? { tone: 'success', key, params } : { tone: 'success', key };
}

/** An informative line (a question, a hint) built from a catalogue key. */
export function infoMessage(key: MessageKey, params?: Record<string, string | number>): Message {
  return params ? { tone: 'info', key, params } : { tone: 'info', key };
}
