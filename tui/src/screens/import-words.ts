import type { OutcomeKind } from '@casella/sdk';
import { isMessageKey, type Translate } from '../i18n/index.tsx';
import type { ImportReason, PreviewRow } from '../state/screens/import-model.ts';

/** A verdict or outcome in words, agreeing with `count` rows (Italian `creata`, `create: 5`). */
export function kindWord(t: Translate, kind: 'write' | OutcomeKind, count = 1): string {
  return t(`import.kind.${kind}`, { count });
}

/** One reason in plain words, with its column: the catalogue's words for the rule, else the engine's. */
export function reasonWords(t: Translate, r: ImportReason): string {
  const key = `import.rule.${r.rule}`;
  const text = isMessageKey(key) ? t(key) : `${r.message} (${r.rule})`;
  return r.column === undefined ? text : t('import.inColumn', { column: r.column, text });
}

/** Why a preview row is not written as is: its reasons, the columns that differ, or the server's code. */
export function rowWhy(t: Translate, row: PreviewRow): string {
  if (row.reasons.length > 0) return row.reasons.map((r) => reasonWords(t, r)).join('; ');
  if (row.differences.length > 0) return t('import.differs', { columns: row.differences.join(', ') });
  if (row.resumed) return t('import.fromJournal');
  if (row.code) return row.code;
  return '';
}

/** `1:05` or `1:02:05`: the ETA in a few cells. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** The address column: most of what the line and verdict columns leave, so addresses stay readable at 60. */
export function addressWidth(width: number): number {
  const rest = width - 2 - 6 - 16;
  return Math.max(16, Math.min(34, Math.floor(rest * 0.6)));
}

/**
 * The first row a window of `height` shows so that the cursor is inside it: the view is shorter than the
 * reducer's page when capacity or notes take lines above the table.
 */
export function windowTop(top: number, cursor: number, height: number): number {
  return Math.max(0, Math.min(Math.max(top, cursor - height + 1), cursor));
}
