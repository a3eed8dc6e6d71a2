import type { PasswordRules } from '../../services/types.ts';
import { createForm, type FormState, field, fieldValue, setValue } from '../form.ts';
import { errorMessage, successMessage } from '../message.ts';
import { passwordFields, policyFormLogic, refusePassword } from '../password-form.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';

/**
 * The logged-in PEC postmaster changes their own password: the current one first, then the new one
 * twice against the PEC policy. The service proves the current one with a fresh login before the change.
 */
export interface PecOwnPasswordScreen extends ScreenBase {
  readonly kind: 'pecOwnPassword';
  /** The postmaster's address. */
  readonly address: string;
  readonly rules: PasswordRules | null;
  readonly form: FormState;
}

/** The postmaster's own password form, loading the PEC policy. */
export function pecOwnPasswordScreen(address: string): PecOwnPasswordScreen {
  return {
    kind: 'pecOwnPassword',
    ...base({ op: 'pecRules' }),
    address,
    rules: null,
    form: createForm([
      field('current', 'field.currentPassword', 'secret'),
      ...passwordFields('field.newPassword'),
    ]),
  };
}

const policyLogic = policyFormLogic<PecOwnPasswordScreen>(
  (s, rules) => {
    const currentPassword = fieldValue(s.form, 'current');
    if (!currentPassword)
      return stay({
        ...s,
        form: { ...s.form, focus: 0 },
        message: errorMessage('form.required', { field: 'field.currentPassword' }),
      });
    return (
      refusePassword(s, rules) ??
      stay(
        withRequest(s, {
          op: 'pecOwnPassword',
          address: s.address,
          currentPassword,
          password: fieldValue(s.form, 'password'),
          passwordConfirm: fieldValue(s.form, 'repeat'),
        }),
      )
    );
  },
  () => ({ type: 'pop', message: successMessage('pecOwnPassword.done') }),
);

export const pecOwnPasswordLogic: ScreenLogic<PecOwnPasswordScreen> = {
  ...policyLogic,
  // A wrong current password is the user's slip, not a login failure: say so, clear it and put the cursor there.
  onFailed(s, message) {
    if (message.params?.code !== 'INVALID_CREDENTIALS') return { ...s, message };
    return {
      ...s,
      form: { ...setValue(s.form, 'current', ''), focus: 0 },
      message: { ...message, key: 'pecOwnPassword.wrongCurrent' },
    };
  },
};
