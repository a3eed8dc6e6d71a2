import type { Translate } from '../i18n/index.tsx';

const KNOWN = [
  'active',
  'maintenance',
  'locked',
  'closed',
  'suspended',
  'shutdown',
  'expired',
  'pending',
] as const;

/** A backend status in the UI's language (unknown statuses pass through). */
export function statusWord(t: Translate, status: string): string {
  const known = KNOWN.find((k) => k === status);
  return known ? t(`status.${known}`) : status;
}
