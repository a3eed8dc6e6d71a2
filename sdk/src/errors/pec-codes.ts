/**
 * Every `error.code` of pec-admin v1 (docs/pec-admin.openapi.yaml), with the HTTP status it comes with.
 * A `PecApiError`'s `code` is one of these unless a newer server sends a code this SDK does not know yet.
 */
export const PEC_ERROR_STATUS = {
  /** The request broke a rule of the contract; `details` names field and rule. */
  VALIDATION_FAILED: 400,
  /** Wrong address or password at login. */
  INVALID_CREDENTIALS: 401,
  /** The session token expired (the client logs in again once by itself). */
  TOKEN_EXPIRED: 401,
  /** The token is not one the server issued, or was revoked by logout. */
  TOKEN_INVALID: 401,
  /** The account is not the postmaster of a PEC domain. */
  NOT_POSTMASTER: 403,
  /** The target is outside the session's PEC domain. */
  FORBIDDEN_DOMAIN: 403,
  /** The domain holds as many mailboxes as its contract allows. */
  MAILBOX_LIMIT_REACHED: 403,
  /** The postmaster mailbox cannot be reset or deleted. */
  POSTMASTER_PROTECTED: 403,
  /** No such mailbox in the domain. */
  MAILBOX_NOT_FOUND: 404,
  /** No such route of the contract. */
  NOT_FOUND: 404,
  /** The route does not take this HTTP method. */
  METHOD_NOT_ALLOWED: 405,
  /** A mailbox with this local part already exists. */
  MAILBOX_EXISTS: 409,
  /** The mailbox is suspended or expired. */
  MAILBOX_NOT_ACTIVE: 409,
  /** The local part breaks the naming rules. */
  INVALID_LOCAL_PART: 422,
  /** The local part is reserved (`postmaster`). */
  RESERVED_LOCAL_PART: 422,
  /** The password breaks the password policy; `details` lists the rules. */
  PASSWORD_POLICY_VIOLATION: 422,
  /** `passwordConfirm` differs from `password`. */
  PASSWORD_MISMATCH: 422,
  /** The delete confirmation is not the mailbox's exact address. */
  CONFIRMATION_MISMATCH: 422,
  /** The `Idempotency-Key` was used before with a different body. */
  IDEMPOTENCY_KEY_REUSED: 422,
  /** Too many failed logins: the account is locked for a while. */
  ACCOUNT_LOCKED: 423,
  /** Step 1 of a delete: confirm with the address in `confirmWith`. */
  CONFIRMATION_REQUIRED: 428,
  /** Too many requests; `Retry-After` says when to try again. */
  RATE_LIMITED: 429,
  /** The PEC provider behind the server cannot do this. */
  NOT_SUPPORTED_BY_PROVIDER: 501,
  /** The PEC provider behind the server is down for now. */
  PROVIDER_UNAVAILABLE: 503,
} as const;

/** One `error.code` of pec-admin v1. */
export type PecErrorCode = keyof typeof PEC_ERROR_STATUS;

/** Every `error.code` of pec-admin v1. */
export const PEC_ERROR_CODES = Object.freeze(Object.keys(PEC_ERROR_STATUS)) as readonly PecErrorCode[];
