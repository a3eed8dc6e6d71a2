import { capturesText, createForm, type FormState, field, fieldValue, setValue } from '../form.ts';
import { FORM_FOOTER, formScreenKey } from '../form-screen.ts';
import { errorMessage, successMessage } from '../message.ts';
import { base, notReady, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';

/** Edit a mailbox holder's first and last name. */
export interface EditUserScreen extends ScreenBase {
  readonly kind: 'editUser';
  readonly address: string;
  readonly loaded: boolean;
  readonly form: FormState;
}

/** The Edit user form, loading the current names. */
export function editUserScreen(address: string): EditUserScreen {
  return {
    kind: 'editUser',
    ...base({ op: 'holder', address }),
    address,
    loaded: false,
    form: createForm([field('givenName', 'field.givenName', 'text'), field('sn', 'field.sn', 'text')], {
      enterAdvances: true,
    }),
  };
}

function submit(s: EditUserScreen) {
  if (!s.loaded) return notReady(s);
  const givenName = fieldValue(s.form, 'givenName').trim();
  const sn = fieldValue(s.form, 'sn').trim();
  if (!sn) return stay({ ...s, message: errorMessage('form.required', { field: 'field.sn' }) });
  return stay(withRequest(s, { op: 'rename', address: s.address, givenName, sn }));
}

export const editUserLogic: ScreenLogic<EditUserScreen> = {
  onKey: (s, key) => formScreenKey(s, key, submit),
  onLoaded(s, data) {
    if (data.kind === 'holder') {
      const filled = setValue(setValue(s.form, 'givenName', data.holder.givenName), 'sn', data.holder.sn);
      return stay({ ...s, loaded: true, form: { ...filled, dirty: false } });
    }
    if (data.kind === 'done') {
      const message = successMessage('editUser.saved', { address: s.address });
      return { screen: s, nav: { type: 'pop', message, reload: true } };
    }
    return stay(s);
  },
  captures: (s) => capturesText(s.form),
  dirty: (s) => s.form.dirty,
  footer: () => FORM_FOOTER,
};
