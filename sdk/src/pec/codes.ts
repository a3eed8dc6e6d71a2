// The codes live with the errors (the typed guards need them); the PEC entry point re-exports them.
export type { PecErrorCode } from '../errors/pec-codes.ts';
export { PEC_ERROR_CODES, PEC_ERROR_STATUS } from '../errors/pec-codes.ts';
