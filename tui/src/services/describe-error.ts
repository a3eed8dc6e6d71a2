import { isCasellaError, isPecApiError, isValidationError, isZimbraFault } from '@casella/sdk';
import type { MessageKey } from '../i18n/catalogue.ts';
import type { Message } from '../state/message.ts';

/** Plain words for the codes people meet most; the backend's own message and code always follow. */
const PLAIN: Readonly<Record<string, MessageKey>> = {
  'account.ACCOUNT_EXISTS': 'code.exists',
  MAILBOX_EXISTS: 'code.exists',
  'account.AUTH_FAILED': 'code.authFailed',
  INVALID_CREDENTIALS: 'code.authFailed',
  'account.NO_SUCH_ACCOUNT': 'code.noSuchAccount',
  MAILBOX_NOT_FOUND: 'code.noSuchAccount',
  'service.PERM_DENIED': 'code.permDenied',
  FORBIDDEN_DOMAIN: 'code.permDenied',
  'account.TOO_MANY_ACCOUNTS': 'code.noSlot',
  MAILBOX_LIMIT_REACHED: 'code.noSlot',
  'account.INVALID_PASSWORD': 'code.badPassword',
  PASSWORD_POLICY_VIOLATION: 'code.badPassword',
  'account.PASSWORD_RECENTLY_USED': 'code.recentlyUsed',
  POSTMASTER_PROTECTED: 'code.postmaster',
  MAILBOX_NOT_ACTIVE: 'code.notActive',
  CONFIRMATION_MISMATCH: 'code.confirmMismatch',
  TRANSPORT: 'code.transport',
  TIMEOUT: 'code.timeout',
};

/** Turns anything thrown by the services into a feedback line naming the backend's message and code. */
export function describeError(error: unknown): Message {
  if (isValidationError(error)) {
    return { tone: 'error', key: 'error.validation', params: { field: error.field, rule: error.rule } };
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
  return { tone: 'error', key: 'error.unexpected', params: { message: text } };
}

function backend(code: string, message: string): Message {
  const plain = PLAIN[code];
  return { tone: 'error', key: plain ?? 'error.backend', params: { message, code } };
}
