import type { Translate } from '../i18n/index.tsx';
import type { Binding } from '../keys/bindings.ts';

/**
 * A binding's keys as the footer and help show them, in the UI's language: Italian prose says `Invio`
 * and its prompts `(s/N)`, so the footer must too (the keys themselves are matched in bindings.ts).
 */
export function keyCaps(b: Binding, t: Translate): string {
  if (b.id === 'yes') return t('keycap.yes');
  return b.keys.replace(/\bEnter\b/g, t('keycap.enter'));
}
