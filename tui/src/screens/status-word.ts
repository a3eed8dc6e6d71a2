import { isMessageKey, type Translate } from '../i18n/index.tsx';

/** A backend status in the UI's language (unknown statuses pass through). */
export function statusWord(t: Translate, status: string): string {
  const key = `status.${status}`;
  return isMessageKey(key) ? t(key) : status;
}
