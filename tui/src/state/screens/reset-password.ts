import type { PasswordRules } from '../../services/types.ts';
import { capturesText, createForm, type FormState, field, fieldValue } from '../form.ts';
import { FORM_FOOTER, formScreenKey } from '../form-screen.ts';
import { errorMessage, successMessage } from '../message.ts';
import { checkPassword, passwordOk } from '../password-check.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';

/** An admin sets a new password on a mailbox (password + repeat, live checklist). */
export interface ResetPasswordScreen extends ScreenBase {
  readonly kind: 'resetPassword';
  readonly address: string;
  readonly rules: PasswordRules | null;
  readonly form: FormState;
}

/** The Reset password form, loading the mailbox's policy. */
export function resetPasswordScreen(address: string): ResetPasswordScreen {
  return {
    kind: 'resetPassword',
    ...base({ op: 'rulesFor', address }),
    address,
    rules: null,
    form: createForm([
      field('password', 'field.password', 'secret'),
      field('repeat', 'field.repeat', 'secret'),
    ]),
  };
}

function submit(s: ResetPasswordScreen) {
  if (!s.rules) return stay({ ...s, message: errorMessage('form.stillLoading') });
  const checks = checkPassword(s.rules, fieldValue(s.form, 'password'), fieldValue(s.form, 'repeat'));
  if (!passwordOk(checks)) return stay({ ...s, message: errorMessage('password.refused') });
  return stay(
    withRequest(s, { op: 'setPassword', address: s.address, password: fieldValue(s.form, 'password') }),
  );
}

export const resetPasswordLogic: ScreenLogic<ResetPasswordScreen> = {
  onKey: (s, key) => formScreenKey(s, key, submit),
  onLoaded(s, data) {
    if (data.kind === 'rules') return stay({ ...s, rules: data.rules });
    if (data.kind === 'done') {
      return {
        screen: s,
        nav: { type: 'pop', message: successMessage('resetPassword.done', { address: s.address }) },
      };
    }
    return stay(s);
  },
  captures: (s) => capturesText(s.form),
  dirty: (s) => s.form.dirty,
  footer: () => FORM_FOOTER,
};
