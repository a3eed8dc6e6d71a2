export { AbortedError } from './aborted-error.ts';
export type { CasellaErrorOptions } from './casella-error.ts';
export { CasellaError } from './casella-error.ts';
export {
  isAbortedError,
  isCasellaError,
  isPecApiError,
  isResponseTooLargeError,
  isResponseValidationError,
  isTimeoutError,
  isTransportError,
  isValidationError,
  isZimbraFault,
} from './guards.ts';
export type { PecErrorDetail } from './pec-api-error.ts';
export { PecApiError } from './pec-api-error.ts';
export type { PecErrorCode } from './pec-codes.ts';
export { PEC_ERROR_CODES, PEC_ERROR_STATUS } from './pec-codes.ts';
export { ResponseTooLargeError } from './response-too-large-error.ts';
export { ResponseValidationError } from './response-validation-error.ts';
export { TimeoutError } from './timeout-error.ts';
export type { TransportErrorOptions } from './transport-error.ts';
export { TransportError } from './transport-error.ts';
export type { ValidationIssue } from './validation-error.ts';
export { ValidationError } from './validation-error.ts';
export type { ZimbraFaultCode } from './zimbra-codes.ts';
export { ZIMBRA_FAULT_CODES } from './zimbra-codes.ts';
export type { FaultArgument, FaultSide } from './zimbra-fault.ts';
export { ZimbraFault } from './zimbra-fault.ts';
