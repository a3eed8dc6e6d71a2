import type { PasswordRules } from '../../services/types.ts';
import { createForm, type Field, type FormState, field, fieldValue } from '../form.ts';
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

/**
 * Zimbra's must-change-at-next-login, yes by default as in the web panels: the admin hands over a
 * password the owner replaces at once, so the admin never keeps one the owner uses.
 */
function mustChangeField(): Field {
  return field('mustChange', 'field.mustChange', 'choice', 'yes', {
    options: ['yes', 'no'],
    optionLabels: { yes: 'choice.yes', no: 'choice.no' },
  });
}

/** The Reset password form, loading the mailbox's policy. */
export function resetPasswordScreen(address: string): ResetPasswordScreen {
  return {
    kind: 'resetPassword',
    ...base({ op: 'rulesFor', address }),
    address,
    rules: null,
    form: createForm([...passwordFields(), mustChangeField()]),
  };
}

/** True when the form asks the owner to change the password at next login. */
export function asksMustChange(s: ResetPasswordScreen): boolean {
  return fieldValue(s.form, 'mustChange') === 'yes';
}

export const resetPasswordLogic = policyFormLogic<ResetPasswordScreen>(
  (s, rules) =>
    refusePassword(s, rules) ??
    stay(
      withRequest(s, {
        op: 'setPassword',
        address: s.address,
        password: fieldValue(s.form, 'password'),
        mustChange: asksMustChange(s),
      }),
    ),
  (s) => ({
    type: 'pop',
    message: successMessage(asksMustChange(s) ? 'resetPassword.doneMustChange' : 'resetPassword.done', {
      address: s.address,
    }),
  }),
);
