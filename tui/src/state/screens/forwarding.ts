import { capturesText, createForm, type FormState, field, fieldValue } from '../form.ts';
import { FORM_FOOTER, formScreenKey } from '../form-screen.ts';
import { errorMessage, successMessage } from '../message.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';

/** Forwarding of a mailbox: where its mail goes too, and whether its owner may forward at all. */
export interface ForwardingScreen extends ScreenBase {
  readonly kind: 'forwarding';
  readonly address: string;
  readonly form: FormState;
}

/** A plain address check: one `@`, no spaces; the server has the last word. */
const ADDRESS = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

/** The Forwarding form of `address`, filled with what is set now. */
export function forwardingScreen(address: string, to: readonly string[], allowed: boolean): ForwardingScreen {
  return {
    kind: 'forwarding',
    ...base(),
    address,
    form: createForm(
      [
        field('to', 'field.forwardTo', 'text', to.join(', ')),
        field('allowed', 'field.forwardingAllowed', 'choice', allowed ? 'yes' : 'no', {
          options: ['yes', 'no'],
          optionLabels: { yes: 'choice.yes', no: 'choice.no' },
        }),
      ],
      { enterAdvances: true },
    ),
  };
}

/** The addresses typed in the To field, split at commas and spaces. */
export function forwardTargets(form: FormState): string[] {
  return fieldValue(form, 'to')
    .split(/[\s,]+/)
    .filter((x) => x !== '');
}

function submit(s: ForwardingScreen) {
  const to = forwardTargets(s.form);
  const bad = to.find((x) => !ADDRESS.test(x));
  if (bad)
    return stay({
      ...s,
      message: errorMessage('forwarding.badAddress', { address: bad, field: 'field.forwardTo' }),
    });
  if (to.includes(s.address)) return stay({ ...s, message: errorMessage('forwarding.self') });
  const allowed = fieldValue(s.form, 'allowed') === 'yes';
  return stay(withRequest(s, { op: 'setForwarding', address: s.address, to, allowed }));
}

export const forwardingLogic: ScreenLogic<ForwardingScreen> = {
  onKey: (s, key) => formScreenKey(s, key, submit),
  onLoaded(s, data) {
    if (data.kind !== 'done') return stay(s);
    const to = forwardTargets(s.form);
    const message =
      to.length === 0
        ? successMessage('forwarding.cleared', { address: s.address })
        : successMessage('forwarding.saved', { address: s.address, to: to.join(', ') });
    return { screen: s, nav: { type: 'pop', message, reload: true } };
  },
  captures: (s) => capturesText(s.form),
  dirty: (s) => s.form.dirty,
  footer: () => [...FORM_FOOTER, 'cycle'],
};
