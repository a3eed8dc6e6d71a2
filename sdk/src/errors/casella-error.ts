/** Options every Casella error accepts: the lower error it wraps. */
export interface CasellaErrorOptions {
  /** The lower error (kept as `cause`); never one that holds a request with credentials. */
  readonly cause?: unknown;
}

/**
 * The base of every error the SDK throws. `code` is a stable, machine-readable string:
 * the backend's own code for backend refusals (`account.NO_SUCH_ACCOUNT`, `MAILBOX_EXISTS`),
 * a Casella code otherwise (`VALIDATION`, `TRANSPORT`, `TIMEOUT`, `BAD_RESPONSE`).
 */
export class CasellaError extends Error {
  /** Always `'CasellaError'`. */
  /** Always `'CasellaError'` here; each subclass has its own literal name. */
  override name = 'CasellaError';
  /** A stable machine-readable code: the backend's own for refusals, a Casella one otherwise. */
  readonly code: string;

  /** Makes an error with its code and a message that never holds a secret. */
  constructor(code: string, message: string, options: CasellaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }

  /** Serialises without the cause chain, which may hold raw request bodies. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message };
  }
}
