import type { QuotaInfo } from '../../services/types.ts';
import { capturesText, createForm, type FormState, field, fieldValue, setValue } from '../form.ts';
import { FORM_FOOTER, formScreenKey } from '../form-screen.ts';
import { errorMessage, successMessage } from '../message.ts';
import { base, notReady, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';

/** Quota of one mailbox: usage, limit, and a field to change the limit (MiB, 0 = unlimited). */
export interface QuotaScreen extends ScreenBase {
  readonly kind: 'quota';
  readonly address: string;
  readonly quota: QuotaInfo | null;
  readonly form: FormState;
}

const MIB = 1024 * 1024;
/** Zimbra's zimbraMailQuota is a long; a petabyte in MiB is far beyond any mailbox. */
const MAX_MIB = 1024 * 1024 * 1024;

/** The quota detail of `address`, loading. */
export function quotaScreen(address: string): QuotaScreen {
  return {
    kind: 'quota',
    ...base({ op: 'quota', address }),
    address,
    quota: null,
    form: createForm([field('limitMib', 'field.quotaMib', 'number')]),
  };
}

function submit(s: QuotaScreen) {
  if (!s.quota) return notReady(s);
  // An untouched form: Enter leaves, as the read-only detail did.
  if (!s.form.dirty) return { screen: s, nav: { type: 'pop' } } as const;
  const text = fieldValue(s.form, 'limitMib');
  const mib = Number.parseInt(text, 10);
  if (!/^\d+$/.test(text) || mib > MAX_MIB)
    return stay({ ...s, message: errorMessage('quota.badLimit', { field: 'field.quotaMib' }) });
  return stay(withRequest(s, { op: 'setQuota', address: s.address, bytes: mib * MIB }));
}

export const quotaLogic: ScreenLogic<QuotaScreen> = {
  onKey: (s, key) => formScreenKey(s, key, submit),
  onLoaded(s, data) {
    if (data.kind === 'quota') {
      const mib = String(Math.round(data.quota.limitBytes / MIB));
      return stay({ ...s, quota: data.quota, form: { ...setValue(s.form, 'limitMib', mib), dirty: false } });
    }
    if (data.kind === 'done') {
      const mib = Number.parseInt(fieldValue(s.form, 'limitMib'), 10);
      const message =
        mib === 0
          ? successMessage('quota.savedUnlimited', { address: s.address })
          : successMessage('quota.saved', { address: s.address, mib });
      return { screen: s, nav: { type: 'pop', message, reload: true } };
    }
    return stay(s);
  },
  reload: (s) => withRequest(s, { op: 'quota', address: s.address }),
  captures: (s) => capturesText(s.form),
  dirty: (s) => s.form.dirty,
  footer: () => FORM_FOOTER,
};
