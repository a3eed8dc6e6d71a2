import type { PasswordRules } from '../../services/types.ts';
import { createForm, type FormState, fieldValue } from '../form.ts';
import { successMessage } from '../message.ts';
import { passwordFields, policyFormLogic, refusePassword } from '../password-form.ts';
import { base, type ScreenBase, stay, withRequest } from '../screen-base.ts';

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
    form: createForm(passwordFields('field.newPassword')),
  };
}

export const pecChangePasswordLogic = policyFormLogic<PecChangePasswordScreen>(
  (s, rules) =>
    refusePassword(s, rules) ??
    stay(
      withRequest(s, {
        op: 'pecChangePassword',
        localPart: s.localPart,
        password: fieldValue(s.form, 'password'),
        passwordConfirm: fieldValue(s.form, 'repeat'),
      }),
    ),
  (s) => ({ type: 'pop', message: successMessage('pec.passwordChanged', { address: s.address }) }),
);
