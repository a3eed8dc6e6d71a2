import { capturesText, createForm, type FormState, field, fieldValue } from '../form.ts';
import { FORM_FOOTER, formScreenKey } from '../form-screen.ts';
import { errorMessage, successMessage } from '../message.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';

/** Rename a mailbox's address inside its domain (Zimbra's RenameAccount). */
export interface RenameAddressScreen extends ScreenBase {
  readonly kind: 'renameAddress';
  readonly domain: string;
  readonly address: string;
  readonly form: FormState;
}

/** Letters, digits and `.`, `_`, `-` inside, as the New mailbox form takes them. */
const LOCAL_PART = /^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/i;

/** The Rename address form of `address`, its name part filled in. */
export function renameAddressScreen(domain: string, address: string): RenameAddressScreen {
  const local = address.split('@')[0] ?? '';
  return {
    kind: 'renameAddress',
    ...base(),
    domain,
    address,
    form: createForm([field('name', 'field.newName', 'text', local, { suffix: `@${domain}` })]),
  };
}

function submit(s: RenameAddressScreen) {
  const name = fieldValue(s.form, 'name').trim();
  if (!name) return stay({ ...s, message: errorMessage('form.required', { field: 'field.newName' }) });
  if (!LOCAL_PART.test(name))
    return stay({ ...s, message: errorMessage('rename.badName', { field: 'field.newName' }) });
  const newAddress = `${name}@${s.domain}`;
  if (newAddress === s.address) return stay({ ...s, message: errorMessage('rename.same') });
  return stay(withRequest(s, { op: 'renameAddress', address: s.address, newAddress }));
}

export const renameAddressLogic: ScreenLogic<RenameAddressScreen> = {
  onKey: (s, key) => formScreenKey(s, key, submit),
  onLoaded(s, data) {
    if (data.kind !== 'done') return stay(s);
    const to = `${fieldValue(s.form, 'name').trim()}@${s.domain}`;
    // The Mailbox screen under this one names the old address: back to the list, which reloads.
    return {
      screen: s,
      nav: {
        type: 'popTo',
        kind: 'mailboxes',
        message: successMessage('rename.done', { from: s.address, to }),
      },
    };
  },
  captures: (s) => capturesText(s.form),
  dirty: (s) => s.form.dirty,
  footer: () => FORM_FOOTER,
};
