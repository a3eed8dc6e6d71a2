import type { BuySetup } from '../../services/types.ts';
import { capturesText, createForm, type FormState, field, fieldValue } from '../form.ts';
import { ask, FORM_FOOTER, formScreenKey } from '../form-screen.ts';
import { errorMessage, infoMessage, successMessage } from '../message.ts';
import { base, notReady, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';

/** Buy / raise mailbox slots of a type: a global admin raises the limit, a domain admin is told to order. */
export interface BuyScreen extends ScreenBase {
  readonly kind: 'buy';
  readonly domain: string;
  readonly setup: BuySetup | null;
  readonly form: FormState;
}

/** The Buy / raise screen, loading the current slots; `type` preselects a type. */
export function buyScreen(domain: string, type = ''): BuyScreen {
  return {
    kind: 'buy',
    ...base({ op: 'buySetup', domain }),
    domain,
    setup: null,
    form: createForm([
      field('type', 'field.type', 'choice', type, { options: [] }),
      field('max', 'field.newMax', 'number'),
    ]),
  };
}

function submit(s: BuyScreen) {
  if (!s.setup) return notReady(s);
  if (!s.setup.globalAdmin) return stay({ ...s, message: errorMessage('buy.orderMore') });
  const type = fieldValue(s.form, 'type');
  const max = Number.parseInt(fieldValue(s.form, 'max'), 10);
  const slot = s.setup.slots.find((t) => t.cosName === type);
  const used = slot?.used ?? 0;
  if (!Number.isInteger(max))
    return stay({ ...s, message: errorMessage('form.required', { field: 'field.newMax' }) });
  if (max < used) return stay({ ...s, message: errorMessage('buy.belowUsed', { used }) });
  // Lowering a limit takes slots away: it goes ahead only after a yes.
  const current = slot?.max ?? null;
  if ((current === null || max < current) && !s.form.confirmed) {
    const from = current === null ? 'unlimited' : String(current);
    return ask(
      s,
      infoMessage(current === null ? 'buy.confirmLimit' : 'buy.confirmLower', { type, from, max }),
    );
  }
  return stay(withRequest(s, { op: 'setTypeLimit', domain: s.domain, type, max }));
}

export const buyLogic: ScreenLogic<BuyScreen> = {
  onKey: (s, key) => formScreenKey(s, key, submit),
  onLoaded(s, data) {
    if (data.kind === 'buySetup') {
      const options = data.setup.slots.map((t) => t.cosName);
      const current = fieldValue(s.form, 'type');
      const type = options.includes(current) ? current : (options[0] ?? '');
      const fields = s.form.fields.map((f) => (f.name === 'type' ? { ...f, options, value: type } : f));
      return stay({ ...s, setup: data.setup, form: { ...s.form, fields } });
    }
    if (data.kind === 'done') {
      const params = { type: fieldValue(s.form, 'type'), max: fieldValue(s.form, 'max') };
      return { screen: s, nav: { type: 'pop', message: successMessage('buy.raised', params), reload: true } };
    }
    return stay(s);
  },
  captures: (s) => capturesText(s.form),
  dirty: (s) => s.form.dirty,
  footer: () => [...FORM_FOOTER, 'cycle'],
};
