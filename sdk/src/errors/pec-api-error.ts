import { CasellaError } from './casella-error.ts';

/** One entry of a pec-admin error's `details`. */
export interface PecErrorDetail {
  /** The input field the detail is about, e.g. `password`; undefined for a general warning. */
  readonly field?: string | undefined;
  /** The broken rule, e.g. `minLength`; undefined for a warning. */
  readonly rule?: string | undefined;
  /** The server's sentence, secrets redacted. */
  readonly message: string;
}

/**
 * An error answer of the pec-admin v1 contract, with its `code` (e.g. `MAILBOX_EXISTS`) and HTTP `status`.
 * @example
 * if (isPecApiError(err, 'POSTMASTER_PROTECTED')) console.log('the postmaster cannot be reset');
 */
export class PecApiError extends CasellaError {
  /** Always `'PecApiError'`. */
  override name = 'PecApiError';
  /** The HTTP status the error came with. */
  readonly status: number;
  /** Failed rules or warnings, in the server's order. */
  readonly details: readonly PecErrorDetail[];
  /** The server's request id (body `requestId` or `X-Request-Id`), for support tickets. */
  readonly requestId: string | undefined;
  /** For `CONFIRMATION_REQUIRED`: the exact address to confirm with. */
  readonly confirmWith: string | undefined;

  /** Made by the client from an error answer; every text in `init` already redacted. */
  constructor(init: {
    code: string;
    message: string;
    status: number;
    details?: readonly PecErrorDetail[];
    requestId?: string | undefined;
    confirmWith?: string | undefined;
  }) {
    super(init.code, `${init.code}: ${init.message}`);
    this.status = init.status;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
    this.confirmWith = init.confirmWith;
  }

  /** The error's fields as plain JSON, without the cause chain. */
  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      details: this.details,
      requestId: this.requestId,
      confirmWith: this.confirmWith,
    };
  }
}
