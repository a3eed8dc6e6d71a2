import { capturesText, createForm, type FormState, field, fieldValue } from '../form.ts';
import { FORM_FOOTER, formScreenKey } from '../form-screen.ts';
import { errorMessage, successMessage } from '../message.ts';
import { PANEL_RULES } from '../password-check.ts';
import { passwordFields, refusePassword } from '../password-form.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';

/** A mailbox owner changes their own password (address, old password, new twice). */
export interface ChangeMyPasswordScreen extends ScreenBase {
  readonly kind: 'changeMyPassword';
  readonly form: FormState;
}

/** The Change my password form. */
export function changeMyPasswordScreen(): ChangeMyPasswordScreen {
  return {
    kind: 'changeMyPassword',
    ...base(),
    form: createForm([
      field('address', 'field.address', 'text'),
      field('old', 'field.oldPassword', 'secret'),
      ...passwordFields('field.newPassword'),
    ]),
  };
}

function submit(s: ChangeMyPasswordScreen) {
  const address = fieldValue(s.form, 'address').trim();
  if (!address.includes('@'))
    return stay({ ...s, message: errorMessage('form.required', { field: 'field.address' }) });
  if (!fieldValue(s.form, 'old'))
    return stay({ ...s, message: errorMessage('form.required', { field: 'field.oldPassword' }) });
  return (
    refusePassword(s, PANEL_RULES) ??
    stay(
      withRequest(s, {
        op: 'changeMyPassword',
        address,
        oldPassword: fieldValue(s.form, 'old'),
        newPassword: fieldValue(s.form, 'password'),
      }),
    )
  );
}

export const changeMyPasswordLogic: ScreenLogic<ChangeMyPasswordScreen> = {
  onKey: (s, key) => formScreenKey(s, key, submit),
  onLoaded(s, data) {
    if (data.kind !== 'done') return stay(s);
    const message = successMessage('changeMyPassword.done', {
      address: fieldValue(s.form, 'address').trim(),
    });
    return { screen: s, nav: { type: 'pop', message } };
  },
  captures: (s) => capturesText(s.form),
  dirty: (s) => s.form.dirty,
  footer: () => FORM_FOOTER,
};
