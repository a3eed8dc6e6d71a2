import type { PasswordRules } from '../../services/types.ts';
import { capturesText, createForm, type FormState, field, fieldValue } from '../form.ts';
import { FORM_FOOTER, formScreenKey } from '../form-screen.ts';
import { errorMessage, successMessage } from '../message.ts';
import { checkPassword, passwordOk } from '../password-check.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';

/** The postmaster sets a new password on an active PEC mailbox. */
export interface PecChangePasswordScreen extends ScreenBase {
  readonly kind: 'pecChangePassword';
  readonly localPart: string;
  readonly address: string;
  readonly rules: PasswordRules | null;
  readonly form: FormState;
}

/** The PEC change-password form, loading the policy. */
export function pecChangePasswordScreen(localPart: string, address: string): PecChangePasswordScreen {
  return {
    kind: 'pecChangePassword',
    ...base({ op: 'pecRules' }),
    localPart,
    address,
    rules: null,
    form: createForm([
      field('password', 'field.newPassword', 'secret'),
      field('repeat', 'field.repeat', 'secret'),
    ]),
  };
}

function submit(s: PecChangePasswordScreen) {
  if (!s.rules) return stay({ ...s, message: errorMessage('form.stillLoading') });
  const password = fieldValue(s.form, 'password');
  const repeat = fieldValue(s.form, 'repeat');
  if (!passwordOk(checkPassword(s.rules, password, repeat)))
    return stay({ ...s, message: errorMessage('password.refused') });
  return stay(
    withRequest(s, { op: 'pecChangePassword', localPart: s.localPart, password, passwordConfirm: repeat }),
  );
}

export const pecChangePasswordLogic: ScreenLogic<PecChangePasswordScreen> = {
  onKey: (s, key) => formScreenKey(s, key, submit),
  onLoaded(s, data) {
    if (data.kind === 'rules') return stay({ ...s, rules: data.rules });
    if (data.kind === 'done') {
      return {
        screen: s,
        nav: { type: 'pop', message: successMessage('pec.passwordChanged', { address: s.address }) },
      };
    }
    return stay(s);
  },
  captures: (s) => capturesText(s.form),
  dirty: (s) => s.form.dirty,
  footer: () => FORM_FOOTER,
};
