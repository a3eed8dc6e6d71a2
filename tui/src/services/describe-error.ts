import { isCasellaError, isPecApiError, isValidationError, isZimbraFault } from '@casella/sdk';
import { isMessageKey } from '../i18n/index.tsx';
import type { Message } from '../state/message.ts';
import { plainKeyOf } from './error-codes.ts';

/** The SDK's input fields, by the label the forms show for them. */
const FIELD_LABEL: Readonly<Record<string, string>> = {
  name: 'field.mailboxName',
  localPart: 'field.mailboxName',
  newName: 'field.newName',
  alias: 'field.newAlias',
  password: 'field.password',
  newPassword: 'field.newPassword',
  oldPassword: 'field.oldPassword',
  passwordConfirm: 'field.repeat',
  givenName: 'field.givenName',
  sn: 'field.sn',
  displayName: 'field.givenName',
  cos: 'field.type',
  quotaBytes: 'field.quotaMib',
  username: 'field.user',
  url: 'field.url',
};

/**
 * Turns anything thrown by the services into one plain sentence in the UI's language that names the
 * cause and what to do, with the backend's code; the server's own text goes to `detail` (shown on `d`),
 * never into the sentence.
 */
export function describeError(error: unknown): Message {
  if (isValidationError(error)) {
    const label = FIELD_LABEL[error.field.split('.').at(-1) ?? ''];
    const rule = `why.${error.rule}`;
    return {
      tone: 'error',
      key: 'error.validation',
      params: {
        field: label && isMessageKey(label) ? label : error.field,
        rule: isMessageKey(rule) ? rule : 'why.other',
        code: error.code,
      },
      detail: error.message,
    };
  }
  if (isZimbraFault(error)) return backend(error.code, error.reason);
  if (isPecApiError(error)) {
    const own = error.message.startsWith(`${error.code}: `)
      ? error.message.slice(error.code.length + 2)
      : error.message;
    const details = error.details.map((d) => d.message).join('; ');
    return backend(error.code, details ? `${own}: ${details}` : own);
  }
  if (isCasellaError(error)) return backend(error.code, error.message);
  const text = error instanceof Error ? error.message : String(error);
  return { tone: 'error', key: 'error.unexpected', detail: text };
}

function backend(code: string, detail: string): Message {
  return { tone: 'error', key: plainKeyOf(code), params: { code }, detail };
}
