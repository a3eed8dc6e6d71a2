import type { PasswordRules } from '../../services/types.ts';
import { createForm, type FormState, fieldValue } from '../form.ts';
import { successMessage } from '../message.ts';
import { passwordFields, policyFormLogic, refusePassword } from '../password-form.ts';
import { base, type ScreenBase, stay, withRequest } from '../screen-base.ts';

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
    form: createForm(passwordFields()),
  };
}

export const resetPasswordLogic = policyFormLogic<ResetPasswordScreen>(
  (s, rules) =>
    refusePassword(s, rules) ??
    stay(withRequest(s, { op: 'setPassword', address: s.address, password: fieldValue(s.form, 'password') })),
  (s) => ({ type: 'pop', message: successMessage('resetPassword.done', { address: s.address }) }),
);
