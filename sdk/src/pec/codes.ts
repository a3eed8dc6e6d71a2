/**
 * Every `error.code` of pec-admin v1 (docs/pec-admin.openapi.yaml), with the HTTP status it comes with.
 * A `PecApiError`'s `code` is one of these unless a newer server sends a code this SDK does not know yet.
 */
export const PEC_ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_CREDENTIALS: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_INVALID: 401,
  NOT_POSTMASTER: 403,
  FORBIDDEN_DOMAIN: 403,
  MAILBOX_LIMIT_REACHED: 403,
  POSTMASTER_PROTECTED: 403,
  MAILBOX_NOT_FOUND: 404,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  MAILBOX_EXISTS: 409,
  MAILBOX_NOT_ACTIVE: 409,
  INVALID_LOCAL_PART: 422,
  RESERVED_LOCAL_PART: 422,
  PASSWORD_POLICY_VIOLATION: 422,
  PASSWORD_MISMATCH: 422,
  CONFIRMATION_MISMATCH: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  ACCOUNT_LOCKED: 423,
  CONFIRMATION_REQUIRED: 428,
  RATE_LIMITED: 429,
  NOT_SUPPORTED_BY_PROVIDER: 501,
  PROVIDER_UNAVAILABLE: 503,
} as const;

/** One `error.code` of pec-admin v1. */
export type PecErrorCode = keyof typeof PEC_ERROR_STATUS;

/** Every `error.code` of pec-admin v1. */
export const PEC_ERROR_CODES = Object.freeze(Object.keys(PEC_ERROR_STATUS)) as readonly PecErrorCode[];
