import { is } from '../keys/bindings.ts';
import type { KeyEvent } from '../keys/key-event.ts';
import { type FormState, formKey } from './form.ts';
import type { Message } from './message.ts';
import { isWrite } from './requests.ts';
import { type ScreenBase, type Step, stay } from './screen-base.ts';

/** A screen built around one form. */
export type FormScreen = ScreenBase & { readonly form: FormState };

/**
 * Shared key handling of form screens: the form takes the key, Esc goes back,
 * Enter calls `submit` (which validates and maybe starts a request).
 */
export function formScreenKey<S extends FormScreen>(
  s: S,
  key: KeyEvent,
  submit: (s: S) => Step<S>,
  extra?: (s: S, key: KeyEvent) => Step<S> | null,
): Step<S> {
  // While a change is on its way, keys wait (Esc still leaves); reads in flight do not block typing.
  if (s.pending && isWrite(s.pending.req))
    return key.name === 'escape' ? { screen: s, nav: { type: 'pop' } } : stay(s);
  if (s.form.asking) {
    const { asking: _asking, ...form } = s.form;
    return is(key, 'yes')
      ? submit({ ...s, form: { ...form, confirmed: true }, message: null })
      : stay({ ...s, form, message: null });
  }
  const step = formKey(s.form, key);
  if (step.unhandled) {
    const handled = extra?.(s, key);
    if (handled) return handled;
    return key.name === 'escape' ? { screen: s, nav: { type: 'pop' } } : stay(s);
  }
  const edited = step.form.fields !== s.form.fields;
  const form = edited && step.form.confirmed ? { ...step.form, confirmed: false } : step.form;
  const next: S = form === s.form ? s : { ...s, form, message: null };
  return step.submit ? submit(next) : stay(next);
}

/** Footer of form screens. */
export const FORM_FOOTER = ['nextField', 'prevField', 'submit', 'cancel'] as const;

/** The screen asking `question` before its submit goes ahead; the next y submits again, confirmed. */
export function ask<S extends FormScreen>(s: S, question: Message): Step<S> {
  return stay({ ...s, form: { ...s.form, asking: question }, message: question });
}
