import { createForm, type FormState, field, fieldValue } from '../form.ts';
import { formScreenKey } from '../form-screen.ts';
import { errorMessage, successMessage } from '../message.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';

/** Delete a Zimbra mailbox after the address is typed in full. */
export interface DeleteMailboxScreen extends ScreenBase {
  readonly kind: 'deleteMailbox';
  readonly address: string;
  readonly form: FormState;
}

/** The delete confirmation of `address`. */
export function deleteMailboxScreen(address: string): DeleteMailboxScreen {
  return {
    kind: 'deleteMailbox',
    ...base(),
    address,
    form: createForm([field('confirm', 'field.typeAddress', 'text')]),
  };
}

function submit(s: DeleteMailboxScreen) {
  // A wrong confirmation sends nothing.
  if (fieldValue(s.form, 'confirm').trim() !== s.address) {
    return stay({ ...s, message: errorMessage('delete.mismatch', { address: s.address }) });
  }
  return stay(withRequest(s, { op: 'deleteMailbox', address: s.address }));
}

export const deleteMailboxLogic: ScreenLogic<DeleteMailboxScreen> = {
  onKey: (s, key) => formScreenKey(s, key, submit),
  onLoaded(s, data) {
    if (data.kind !== 'done') return stay(s);
    const message = successMessage('delete.done', { address: s.address });
    // Back past the mailbox's own menu, which no longer has a mailbox.
    return { screen: s, nav: { type: 'popTo', kind: 'mailboxes', message } };
  },
  captures: () => true,
  dirty: (s) => s.form.dirty,
  footer: () => ['submit', 'cancel'],
};
