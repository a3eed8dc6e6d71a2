import { capturesText, createForm, type FormState, field, fieldValue } from '../form.ts';
import { FORM_FOOTER, formScreenKey } from '../form-screen.ts';
import { errorMessage } from '../message.ts';
import { base, type Env, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';
import { pecHomeScreen } from './pec-home.ts';

/** The PEC postmaster login. */
export interface PecLoginScreen extends ScreenBase {
  readonly kind: 'pecLogin';
  readonly form: FormState;
}

/** The PEC login, prefilled with the demo postmaster in demo mode. */
export function pecLoginScreen(env: Env): PecLoginScreen {
  return {
    kind: 'pecLogin',
    ...base(),
    form: createForm([
      field('username', 'field.postmaster', 'text', env.pecUser),
      field('password', 'field.password', 'secret', env.pecPassword),
    ]),
  };
}

function submit(s: PecLoginScreen) {
  const username = fieldValue(s.form, 'username').trim();
  const password = fieldValue(s.form, 'password');
  if (!username) return stay({ ...s, message: errorMessage('form.required', { field: 'field.postmaster' }) });
  if (!password) return stay({ ...s, message: errorMessage('form.required', { field: 'field.password' }) });
  return stay(withRequest(s, { op: 'pecLogin', username, password }));
}

export const pecLoginLogic: ScreenLogic<PecLoginScreen> = {
  onKey: (s, key) => formScreenKey(s, key, submit),
  onLoaded: (s, data) =>
    data.kind === 'done'
      ? { screen: s, nav: { type: 'replace', screen: pecHomeScreen(fieldValue(s.form, 'username').trim()) } }
      : stay(s),
  captures: (s) => capturesText(s.form),
  footer: () => FORM_FOOTER,
};
