import type { PecDeleteWarning } from '../../services/types.ts';
import { createForm, type FormState, field, fieldValue } from '../form.ts';
import { formScreenKey } from '../form-screen.ts';
import { errorMessage, successMessage } from '../message.ts';
import { base, notReady, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';

/** Delete a PEC mailbox: the server's warning first, then the address typed in full. */
export interface PecDeleteScreen extends ScreenBase {
  readonly kind: 'pecDelete';
  readonly localPart: string;
  readonly address: string;
  readonly warning: PecDeleteWarning | null;
  readonly form: FormState;
}

/** The PEC delete screen, asking the server for its warning (step 1). */
export function pecDeleteScreen(localPart: string, address: string): PecDeleteScreen {
  return {
    kind: 'pecDelete',
    ...base({ op: 'pecDeleteWarning', localPart }),
    localPart,
    address,
    warning: null,
    form: createForm([field('confirm', 'field.typeAddress', 'text')]),
  };
}

function submit(s: PecDeleteScreen) {
  if (!s.warning) return notReady(s);
  const typed = fieldValue(s.form, 'confirm').trim();
  // A wrong confirmation sends nothing.
  if (typed !== s.warning.confirmWith) {
    return stay({ ...s, message: errorMessage('delete.mismatch', { address: s.warning.confirmWith }) });
  }
  return stay(withRequest(s, { op: 'pecDelete', localPart: s.localPart, confirm: typed }));
}

export const pecDeleteLogic: ScreenLogic<PecDeleteScreen> = {
  onKey: (s, key) => formScreenKey(s, key, submit),
  onLoaded(s, data) {
    if (data.kind === 'pecDeleteWarning') return stay({ ...s, warning: data.warning });
    if (data.kind === 'done') {
      const message = successMessage('delete.done', { address: s.address });
      return { screen: s, nav: { type: 'popTo', kind: 'pecSearch', message } };
    }
    return stay(s);
  },
  captures: () => true,
  dirty: (s) => s.form.dirty,
  footer: () => ['submit', 'cancel'],
};
