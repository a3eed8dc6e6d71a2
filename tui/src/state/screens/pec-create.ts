import type { PasswordRules, PecDomainInfo } from '../../services/types.ts';
import { createForm, type FormState, field, fieldValue, focused } from '../form.ts';
import { errorMessage, infoMessage, type Message, successMessage } from '../message.ts';
import { passwordFields, policyFormLogic, refusePassword } from '../password-form.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';

/** The early check's answer for one name: taken or not, and the domain's counts when it was asked. */
export interface PecNameCheck {
  readonly localPart: string;
  readonly taken: boolean;
  readonly domain: PecDomainInfo;
}

/** Create a PEC mailbox: name without the domain, password, repeat. */
export interface PecCreateScreen extends ScreenBase {
  readonly kind: 'pecCreate';
  readonly domain: string;
  readonly rules: PasswordRules | null;
  readonly form: FormState;
  /** What the early check found (asked when the focus left the name field). */
  readonly nameCheck: PecNameCheck | null;
}

/** The PEC create form, loading the password policy. */
export function pecCreateScreen(domain: string): PecCreateScreen {
  return {
    kind: 'pecCreate',
    ...base({ op: 'pecRules' }),
    domain,
    rules: null,
    nameCheck: null,
    form: createForm([
      field('localPart', 'field.mailboxName', 'text', '', { suffix: `@${domain}` }),
      ...passwordFields(),
    ]),
  };
}

/** The mailbox name as it is sent: trimmed and lower case. */
const localPartOf = (s: PecCreateScreen): string => fieldValue(s.form, 'localPart').trim().toLowerCase();

const nameFocused = (s: PecCreateScreen): boolean => focused(s.form)?.name === 'localPart';

/** The early check's answer for the name typed now; one for an earlier spelling does not count. */
function currentCheck(s: PecCreateScreen): PecNameCheck | null {
  const localPart = localPartOf(s);
  return localPart && s.nameCheck?.localPart === localPart ? s.nameCheck : null;
}

/** The domain is full by the early check's counts: the create would be refused. */
function fullCounts(check: PecNameCheck | null): { count: number; limit: number } | null {
  const d = check?.domain;
  return d && d.mailboxLimit !== null && d.mailboxCount >= d.mailboxLimit
    ? { count: d.mailboxCount, limit: d.mailboxLimit }
    : null;
}

/** What the name field shows after the early checks: taken, domain full, free, or still checking. */
export function pecNameNote(s: PecCreateScreen): Message | null {
  if (!localPartOf(s)) return null;
  const check = currentCheck(s);
  // A check that failed (a name the format refuses) says so on the message line; no endless "checking".
  if (!check) return nameFocused(s) || s.message?.tone === 'error' ? null : infoMessage('check.checking');
  if (check.taken) return errorMessage('check.taken');
  const full = fullCounts(check);
  return full ? errorMessage('check.pecFull', full) : successMessage('check.free');
}

const logic = policyFormLogic<PecCreateScreen>(
  (s, rules) => {
    const localPart = localPartOf(s);
    if (!localPart)
      return stay({ ...s, message: errorMessage('form.required', { field: 'field.mailboxName' }) });
    const password = fieldValue(s.form, 'password');
    const passwordConfirm = fieldValue(s.form, 'repeat');
    return (
      refusePassword(s, rules) ??
      stay(withRequest(s, { op: 'pecCreate', localPart, password, passwordConfirm }))
    );
  },
  (s) => ({
    type: 'pop',
    message: successMessage('pec.created', { address: `${localPartOf(s)}@${s.domain}` }),
    reload: true,
  }),
);

export const pecCreateLogic: ScreenLogic<PecCreateScreen> = {
  ...logic,
  // The early check: the name and the domain's counts, once the focus has left a non-empty name.
  fetches: (s) => {
    const localPart = localPartOf(s);
    if (!localPart || nameFocused(s) || currentCheck(s)) return { list: [], debounce: false };
    return {
      list: [{ key: `name\u0000${localPart}`, req: { op: 'pecNameCheck', localPart } }],
      debounce: false,
    };
  },
  // An answer for a name the user has since changed is dropped.
  onFetched: (s, _key, data) =>
    data.kind === 'pecNameCheck' && data.localPart === localPartOf(s)
      ? { ...s, nameCheck: { localPart: data.localPart, taken: data.taken, domain: data.domain } }
      : s,
};
