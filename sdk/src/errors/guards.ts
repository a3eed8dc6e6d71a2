import { AbortedError } from './aborted-error.ts';
import { CasellaError } from './casella-error.ts';
import { PecApiError } from './pec-api-error.ts';
import { PEC_ERROR_STATUS, type PecErrorCode } from './pec-codes.ts';
import { ResponseTooLargeError } from './response-too-large-error.ts';
import { ResponseValidationError } from './response-validation-error.ts';
import { TimeoutError } from './timeout-error.ts';
import { TransportError } from './transport-error.ts';
import { ValidationError } from './validation-error.ts';
import { ZIMBRA_FAULT_CODES, type ZimbraFaultCode } from './zimbra-codes.ts';
import { ZimbraFault } from './zimbra-fault.ts';

const KNOWN_ZIMBRA_CODES: ReadonlySet<string> = new Set(ZIMBRA_FAULT_CODES);

/**
 * A guard given a code it can never match is a typo that would silently be false forever (say
 * `MAILBOX_EXIST`): refuse it loudly instead, for callers without the type check.
 */
function refuseUnknown(code: unknown, known: (code: string) => boolean, list: string): void {
  if (code === undefined) return;
  if (typeof code !== 'string' || !known(code)) {
    throw new ValidationError([
      { field: 'code', rule: 'oneOf', message: `${JSON.stringify(code)} is not one of ${list}` },
    ]);
  }
}

/** True for any error thrown by the SDK. */
export function isCasellaError(error: unknown): error is CasellaError {
  return error instanceof CasellaError;
}

/** True for a Zimbra SOAP fault. */
export function isZimbraFault(error: unknown): error is ZimbraFault;
/**
 * True for a Zimbra SOAP fault with the given code; the error's `code` is narrowed to it.
 * Only known codes are accepted (a type error, and a ValidationError at run time, otherwise).
 * @example
 * if (isZimbraFault(err, 'account.ACCOUNT_EXISTS')) console.log(err.reason);
 */
export function isZimbraFault<C extends ZimbraFaultCode>(
  error: unknown,
  code: C,
): error is ZimbraFault & {
  /** The code asked for. */
  readonly code: C;
};
export function isZimbraFault(error: unknown, code?: ZimbraFaultCode): error is ZimbraFault {
  refuseUnknown(code, (c) => KNOWN_ZIMBRA_CODES.has(c), 'ZIMBRA_FAULT_CODES');
  return error instanceof ZimbraFault && (code === undefined || error.code === code);
}

/** True for a pec-admin error answer. */
export function isPecApiError(error: unknown): error is PecApiError;
/**
 * True for a pec-admin error answer with the given code; the error's `code` is narrowed to it.
 * Only the codes of pec-admin v1 are accepted (a type error, and a ValidationError at run time, otherwise).
 * @example
 * if (isPecApiError(err, 'MAILBOX_EXISTS')) console.log('already there');
 */
export function isPecApiError<C extends PecErrorCode>(
  error: unknown,
  code: C,
): error is PecApiError & {
  /** The code asked for. */
  readonly code: C;
};
export function isPecApiError(error: unknown, code?: PecErrorCode): error is PecApiError {
  refuseUnknown(code, (c) => Object.hasOwn(PEC_ERROR_STATUS, c), 'PEC_ERROR_CODES');
  return error instanceof PecApiError && (code === undefined || error.code === code);
}

/** True for an input refused before the wire. */
export function isValidationError(error: unknown): error is ValidationError {
  return error instanceof ValidationError;
}

/** True when the backend did not answer within `timeoutMs` (headers or body). */
export function isTimeoutError(error: unknown): error is TimeoutError {
  return error instanceof TimeoutError;
}

/** True when the backend could not be reached, answered outside the protocol, or redirected. */
export function isTransportError(error: unknown): error is TransportError {
  return error instanceof TransportError;
}

/** True when an answer passed `maxResponseBytes` and reading stopped. */
export function isResponseTooLargeError(error: unknown): error is ResponseTooLargeError {
  return error instanceof ResponseTooLargeError;
}

/** True when an answer came but not in the shape the protocol promises. */
export function isResponseValidationError(error: unknown): error is ResponseValidationError {
  return error instanceof ResponseValidationError;
}

/** True when the caller's AbortSignal stopped the call. */
export function isAbortedError(error: unknown): error is AbortedError {
  return error instanceof AbortedError;
}
