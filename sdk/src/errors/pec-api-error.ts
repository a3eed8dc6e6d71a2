import { CasellaError } from './casella-error.ts';

/** One entry of a pec-admin error's `details`. */
export interface PecErrorDetail {
  readonly field?: string | undefined;
  readonly rule?: string | undefined;
  readonly message: string;
}

/**
 * An error answer of the pec-admin v1 contract, with its `code` (e.g. `MAILBOX_EXISTS`) and HTTP `status`.
 * @example
 * if (isPecApiError(err, 'POSTMASTER_PROTECTED')) console.log('the postmaster cannot be reset');
 */
export class PecApiError extends CasellaError {
  override name = 'PecApiError';
  readonly status: number;
  readonly details: readonly PecErrorDetail[];
  readonly requestId: string | undefined;
  /** For `CONFIRMATION_REQUIRED`: the exact address to confirm with. */
  readonly confirmWith: string | undefined;

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
