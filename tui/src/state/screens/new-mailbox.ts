import { is } from '../../keys/bindings.ts';
import type { NewMailboxSetup, PasswordRules } from '../../services/types.ts';
import { capturesText, createForm, type FormState, field, fieldValue, focused } from '../form.ts';
import { FORM_FOOTER, formScreenKey } from '../form-screen.ts';
import { errorMessage, infoMessage, type Message, successMessage } from '../message.ts';
import { generateKey, passwordFields, refusePassword } from '../password-form.ts';
import { isWrite } from '../requests.ts';
import { base, notReady, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';
import { buyScreen } from './buy.ts';

/** The New mailbox form of a domain. */
export interface NewMailboxScreen extends ScreenBase {
  readonly kind: 'newMailbox';
  readonly domain: string;
  readonly setup: NewMailboxSetup | null;
  readonly form: FormState;
  /** What the early check found for an address (asked when the focus left the name field). */
  readonly nameCheck: NameCheck | null;
}

/** The answer of the early check for one address; `taken` is null when the server would not tell. */
export interface NameCheck {
  readonly address: string;
  readonly taken: boolean | null;
}

/** The New mailbox form, loading the types, free slots and policies. */
export function newMailboxScreen(domain: string): NewMailboxScreen {
  return {
    kind: 'newMailbox',
    ...base({ op: 'newMailboxSetup', domain }),
    domain,
    setup: null,
    nameCheck: null,
    form: createForm([
      field('name', 'field.mailboxName', 'text', '', { suffix: `@${domain}` }),
      field('type', 'field.type', 'choice', '', { options: [] }),
      ...passwordFields(),
      field('givenName', 'field.givenName', 'text'),
      field('sn', 'field.sn', 'text'),
    ]),
  };
}

/** The rules of the chosen type (empty when the type carries none). */
export function rulesOf(s: NewMailboxScreen): PasswordRules {
  return s.setup?.rules[fieldValue(s.form, 'type')] ?? {};
}

/** True when the chosen type has no free slot. */
export function typeFull(s: NewMailboxScreen): boolean {
  const slot = s.setup?.slots.find((t) => t.cosName === fieldValue(s.form, 'type'));
  return slot !== undefined && slot.free !== null && slot.free <= 0;
}

/** The address the name field makes, lower case as Zimbra stores it; '' while the name is empty. */
function addressOf(s: NewMailboxScreen): string {
  const name = fieldValue(s.form, 'name').trim().toLowerCase();
  return name ? `${name}@${s.domain}` : '';
}

const nameFocused = (s: NewMailboxScreen): boolean => focused(s.form)?.name === 'name';

/** The early check's answer for the address typed now; an answer for an earlier spelling does not count. */
function currentCheck(s: NewMailboxScreen): NameCheck | null {
  const address = addressOf(s);
  return address && s.nameCheck?.address === address ? s.nameCheck : null;
}

/**
 * What the name field shows after the early checks: taken, no slot of the chosen type, free, or still
 * checking; nothing while the user types a name not yet checked.
 */
export function nameNote(s: NewMailboxScreen): Message | null {
  if (!addressOf(s)) return null;
  const check = currentCheck(s);
  if (check?.taken) return errorMessage('check.taken');
  if (nameFocused(s) && !check) return null;
  if (typeFull(s)) return errorMessage('check.typeFull', { type: fieldValue(s.form, 'type') });
  // A check that failed says so on the message line; no endless "checking".
  if (!check) return s.message?.tone === 'error' ? null : infoMessage('check.checking');
  return check.taken === false ? successMessage('check.free') : null;
}

function submit(s: NewMailboxScreen) {
  const name = fieldValue(s.form, 'name').trim();
  const type = fieldValue(s.form, 'type');
  if (!s.setup) return notReady(s);
  if (!name) return stay({ ...s, message: errorMessage('form.required', { field: 'field.mailboxName' }) });
  if (typeFull(s)) {
    const typeAt = s.form.fields.findIndex((f) => f.name === 'type');
    return stay({
      ...s,
      form: { ...s.form, focus: typeAt },
      message: errorMessage('newMailbox.full', { type }),
    });
  }
  return (
    refusePassword(s, rulesOf(s)) ??
    stay(
      withRequest(s, {
        op: 'createMailbox',
        address: `${name}@${s.domain}`,
        password: fieldValue(s.form, 'password'),
        type,
        givenName: fieldValue(s.form, 'givenName').trim(),
        sn: fieldValue(s.form, 'sn').trim(),
      }),
    )
  );
}

export const newMailboxLogic: ScreenLogic<NewMailboxScreen> = {
  onKey: (s, key) =>
    (is(key, 'generate') && !(s.pending && isWrite(s.pending.req))
      ? s.setup
        ? generateKey(s, key, rulesOf(s))
        : notReady(s)
      : null) ??
    formScreenKey(s, key, submit, (s2, k) =>
      is(k, 'buy') && focused(s2.form)?.name === 'type' && typeFull(s2)
        ? { screen: s2, nav: { type: 'push', screen: buyScreen(s2.domain, fieldValue(s2.form, 'type')) } }
        : null,
    ),
  onLoaded(s, data) {
    if (data.kind === 'newMailboxSetup') {
      const options = data.setup.slots.map((t) => t.cosName);
      // A reload (after Buy / raise) keeps the type the user picked.
      const current = fieldValue(s.form, 'type');
      const fallback = options.includes(data.setup.defaultType) ? data.setup.defaultType : (options[0] ?? '');
      const type = options.includes(current) ? current : fallback;
      const fields = s.form.fields.map((f) => (f.name === 'type' ? { ...f, options, value: type } : f));
      return stay({ ...s, setup: data.setup, form: { ...s.form, fields } });
    }
    if (data.kind === 'done') {
      const address = `${fieldValue(s.form, 'name').trim()}@${s.domain}`;
      return {
        screen: s,
        nav: { type: 'pop', message: successMessage('newMailbox.created', { address }), reload: true },
      };
    }
    return stay(s);
  },
  // The early check: one GetAccount once the focus has left a non-empty name (never per keystroke).
  fetches: (s) => {
    const address = addressOf(s);
    if (!address || nameFocused(s) || currentCheck(s)) return { list: [], debounce: false };
    return {
      list: [{ key: `address\u0000${address}`, req: { op: 'addressCheck', address } }],
      debounce: false,
    };
  },
  // An answer for a name the user has since changed is dropped.
  onFetched: (s, _key, data) =>
    data.kind === 'addressCheck' && data.address === addressOf(s)
      ? { ...s, nameCheck: { address: data.address, taken: data.taken } }
      : s,
  reload: (s) => withRequest(s, { op: 'newMailboxSetup', domain: s.domain }),
  captures: (s) => capturesText(s.form),
  dirty: (s) => s.form.dirty,
  footer: (s) =>
    typeFull(s) ? ['buy', ...FORM_FOOTER, 'cycle', 'generate'] : [...FORM_FOOTER, 'cycle', 'generate'],
};
