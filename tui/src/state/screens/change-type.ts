import type { BuySetup } from '../../services/types.ts';
import { capturesText, createForm, type FormState, field, fieldValue } from '../form.ts';
import { FORM_FOOTER, formScreenKey } from '../form-screen.ts';
import { errorMessage, successMessage } from '../message.ts';
import { base, notReady, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';

/** Move a mailbox to another type (Zimbra class of service), only into a type with a free slot. */
export interface ChangeTypeScreen extends ScreenBase {
  readonly kind: 'changeType';
  readonly domain: string;
  readonly address: string;
  /** The type the mailbox has now. */
  readonly current: string;
  readonly setup: BuySetup | null;
  readonly form: FormState;
}

/** The Change type form of `address`, loading the domain's types and free slots. */
export function changeTypeScreen(domain: string, address: string, current: string): ChangeTypeScreen {
  return {
    kind: 'changeType',
    ...base({ op: 'buySetup', domain }),
    domain,
    address,
    current,
    setup: null,
    form: createForm([field('type', 'field.type', 'choice', current, { options: [] })]),
  };
}

/** The free slots of the chosen type: null when unlimited, undefined while loading. */
export function freeOfChosen(s: ChangeTypeScreen): number | null | undefined {
  return s.setup?.slots.find((t) => t.cosName === fieldValue(s.form, 'type'))?.free;
}

function submit(s: ChangeTypeScreen) {
  if (!s.setup) return notReady(s);
  const type = fieldValue(s.form, 'type');
  if (type === s.current) return stay({ ...s, message: errorMessage('changeType.same', { type }) });
  const free = freeOfChosen(s);
  // The free-slot check runs here, before the wire: Zimbra would refuse with TOO_MANY_ACCOUNTS.
  if (free !== null && free !== undefined && free <= 0)
    return stay({ ...s, message: errorMessage('changeType.full', { type }) });
  return stay(withRequest(s, { op: 'changeType', address: s.address, type }));
}

export const changeTypeLogic: ScreenLogic<ChangeTypeScreen> = {
  onKey: (s, key) => formScreenKey(s, key, submit),
  onLoaded(s, data) {
    if (data.kind === 'buySetup') {
      const options = data.setup.slots.map((t) => t.cosName);
      const value = options.includes(s.current) ? s.current : (options[0] ?? '');
      const all = options.includes(s.current) || !s.current ? options : [s.current, ...options];
      const fields = s.form.fields.map((f) => (f.name === 'type' ? { ...f, options: all, value } : f));
      return stay({ ...s, setup: data.setup, form: { ...s.form, fields } });
    }
    if (data.kind === 'done') {
      const message = successMessage('changeType.done', {
        address: s.address,
        type: fieldValue(s.form, 'type'),
      });
      return { screen: s, nav: { type: 'pop', message, reload: true } };
    }
    return stay(s);
  },
  captures: (s) => capturesText(s.form),
  dirty: (s) => s.form.dirty,
  footer: () => [...FORM_FOOTER, 'cycle'],
};
