import type { MessageKey } from '../i18n/catalogue.ts';
import { is } from '../keys/bindings.ts';
import type { KeyEvent } from '../keys/key-event.ts';
import type { PasswordRules } from '../services/types.ts';
import { capturesText, type Field, type FormState, field, fieldValue, setValue } from './form.ts';
import { FORM_FOOTER, type FormScreen, formScreenKey } from './form-screen.ts';
import { errorMessage, infoMessage } from './message.ts';
import { checkPassword, passwordOk, type RuleCheck } from './password-check.ts';
import { generatePassword } from './password-generator.ts';
import { isWrite } from './requests.ts';
import type { Screen } from './screen.ts';
import { type Nav, notReady, type ScreenLogic, type Step, stay } from './screen-base.ts';

/** The `password` and `repeat` fields of every password form; `label` names the first. */
export function passwordFields(label: MessageKey = 'field.password'): Field[] {
  return [field('password', label, 'secret'), field('repeat', 'field.repeat', 'secret')];
}

/** The live checklist of a form's `password` and `repeat` fields against `rules`. */
export function checkFormPassword(rules: PasswordRules, form: FormState): RuleCheck[] {
  return checkPassword(rules, fieldValue(form, 'password'), fieldValue(form, 'repeat'));
}

/** The screen told "password refused" when its password misses a rule or its repetition; null when it passes. */
export function refusePassword<S extends FormScreen>(s: S, rules: PasswordRules): Step<S> | null {
  return passwordOk(checkFormPassword(rules, s.form))
    ? null
    : stay({ ...s, message: errorMessage('password.refused') });
}

/**
 * Ctrl+G on a password form: both fields filled with a password meeting `rules`, shown once on the message
 * line (the next key that changes the form clears it). Null when the key is not Ctrl+G.
 */
export function generateKey<S extends FormScreen>(s: S, key: KeyEvent, rules: PasswordRules): Step<S> | null {
  if (!is(key, 'generate')) return null;
  const password = generatePassword(rules);
  if (password === null) return stay({ ...s, message: errorMessage('password.cannotGenerate') });
  const form = setValue(setValue(s.form, 'password', password), 'repeat', password);
  return stay({ ...s, form, message: infoMessage('password.generated', { password }) });
}

/** Footer of password forms: the form keys and Ctrl+G. */
export const PASSWORD_FORM_FOOTER = [...FORM_FOOTER, 'generate'] as const;

/** A password form that loads the backend's policy before it can be sent. */
export type PolicyFormScreen = FormScreen & { readonly rules: PasswordRules | null };

/**
 * The logic of a policy form: Enter waits for the policy, then `submit` validates and sends;
 * when the backend has done it, the screen goes where `done` says.
 */
export function policyFormLogic<S extends Screen & PolicyFormScreen>(
  submit: (s: S, rules: PasswordRules) => Step<S>,
  done: (s: S) => Nav,
): ScreenLogic<S> {
  const send = (s: S): Step<S> => (s.rules ? submit(s, s.rules) : notReady(s));
  return {
    onKey(s, key) {
      if (s.pending && isWrite(s.pending.req)) return formScreenKey(s, key, send);
      // Before the policy arrives a generated password could break it: ask for the policy again instead.
      if (is(key, 'generate')) return s.rules ? (generateKey(s, key, s.rules) ?? stay(s)) : notReady(s);
      return formScreenKey(s, key, send);
    },
    onLoaded(s, data) {
      if (data.kind === 'rules') return stay({ ...s, rules: data.rules });
      return data.kind === 'done' ? { screen: s, nav: done(s) } : stay(s);
    },
    captures: (s) => capturesText(s.form),
    dirty: (s) => s.form.dirty,
    footer: () => PASSWORD_FORM_FOOTER,
  };
}
