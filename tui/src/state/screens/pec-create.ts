import type { PasswordRules } from '../../services/types.ts';
import { capturesText, createForm, type FormState, field, fieldValue } from '../form.ts';
import { FORM_FOOTER, formScreenKey } from '../form-screen.ts';
import { errorMessage, successMessage } from '../message.ts';
import { checkPassword, passwordOk } from '../password-check.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';

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
      field('password', 'field.password', 'secret'),
      field('repeat', 'field.repeat', 'secret'),
    ]),
  };
}

function submit(s: PecCreateScreen) {
  if (!s.rules) return stay({ ...s, message: errorMessage('form.stillLoading') });
  const localPart = fieldValue(s.form, 'localPart').trim().toLowerCase();
  if (!localPart)
    return stay({ ...s, message: errorMessage('form.required', { field: 'field.mailboxName' }) });
  const password = fieldValue(s.form, 'password');
  const repeat = fieldValue(s.form, 'repeat');
  if (!passwordOk(checkPassword(s.rules, password, repeat)))
    return stay({ ...s, message: errorMessage('password.refused') });
  return stay(withRequest(s, { op: 'pecCreate', localPart, password, passwordConfirm: repeat }));
}

export const pecCreateLogic: ScreenLogic<PecCreateScreen> = {
  onKey: (s, key) => formScreenKey(s, key, submit),
  onLoaded(s, data) {
    if (data.kind === 'rules') return stay({ ...s, rules: data.rules });
    if (data.kind === 'done') {
      const address = `${fieldValue(s.form, 'localPart').trim().toLowerCase()}@${s.domain}`;
      return {
        screen: s,
        nav: { type: 'pop', message: successMessage('pec.created', { address }), reload: true },
      };
    }
    return stay(s);
  },
  captures: (s) => capturesText(s.form),
  dirty: (s) => s.form.dirty,
  footer: () => FORM_FOOTER,
};
