import { CasellaError } from './casella-error.ts';
import { PecApiError } from './pec-api-error.ts';
import { ValidationError } from './validation-error.ts';
import { ZimbraFault } from './zimbra-fault.ts';

/** True for any error thrown by the SDK. */
export function isCasellaError(error: unknown): error is CasellaError {
  return error instanceof CasellaError;
}

/** True for a Zimbra SOAP fault, optionally with the given code (e.g. `account.NO_SUCH_ACCOUNT`). */
export function isZimbraFault(error: unknown, code?: string): error is ZimbraFault {
  return error instanceof ZimbraFault && (code === undefined || error.code === code);
}

/** True for a pec-admin error answer, optionally with the given code (e.g. `MAILBOX_EXISTS`). */
export function isPecApiError(error: unknown, code?: string): error is PecApiError {
  return error instanceof PecApiError && (code === undefined || error.code === code);
}

/** True for an input refused before the wire. */
export function isValidationError(error: unknown): error is ValidationError {
  return error instanceof ValidationError;
}
