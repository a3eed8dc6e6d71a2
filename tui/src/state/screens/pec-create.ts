import type { PasswordRules } from '../../services/types.ts';
import { createForm, type FormState, field, fieldValue } from '../form.ts';
import { errorMessage, successMessage } from '../message.ts';
import { passwordFields, policyFormLogic, refusePassword } from '../password-form.ts';
import { base, type ScreenBase, stay, withRequest } from '../screen-base.ts';

/** Create a PEC mailbox: name without the domain, password, repeat. */
export interface PecCreateScreen extends ScreenBase {
  readonly kind: 'pecCreate';
  readonly domain: string;
  readonly rules: PasswordRules | null;
  readonly form: FormState;
}

/** The PEC create form, loading the password policy. */
export function pecCreateScreen(domain: string): PecCreateScreen {
  return {
    kind: 'pecCreate',
    ...base({ op: 'pecRules' }),
    domain,
    rules: null,
    form: createForm([
      field('localPart', 'field.mailboxName', 'text', '', { suffix: `@${domain}` }),
      ...passwordFields(),
    ]),
  };
}

/** The mailbox name as it is sent: trimmed and lower case. */
const localPartOf = (s: PecCreateScreen): string => fieldValue(s.form, 'localPart').trim().toLowerCase();

export const pecCreateLogic = policyFormLogic<PecCreateScreen>(
  (s, rules) => {
    const localPart = localPartOf(s);
    if (!localPart)
      return stay({ ...s, message: errorMessage('form.required', { field: 'field.mailboxName' }) });
    const password = fieldValue(s.form, 'password');
    const passwordConfirm = fieldValue(s.form, 'repeat');
    return (
      refusePassword(s, rules) ??
      stay(withRequest(s, { op: 'pecCreate', localPart, password, passwordConfirm }))
    );
  },
  (s) => ({
    type: 'pop',
    message: successMessage('pec.created', { address: `${localPartOf(s)}@${s.domain}` }),
    reload: true,
  }),
);
