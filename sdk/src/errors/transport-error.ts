import { CasellaError, type CasellaErrorOptions } from './casella-error.ts';

/** Options of a TransportError: the HTTP status when an answer came, the target of a refused redirect. */
export interface TransportErrorOptions extends CasellaErrorOptions {
  /** The HTTP status, when an HTTP answer came. */
  readonly status?: number | undefined;
  /** For a refused 3xx: where the server wanted the request to go (origin and path only). */
  readonly location?: string | undefined;
  /** False when the request surely had no effect (never sent, refused before dispatch); see the class. */
  readonly mayHaveBeenProcessed?: boolean | undefined;
}

/**
 * The backend could not be reached or answered with something that is not the protocol
 * (connection refused or reset, TLS failure, a proxy's HTML 502, a redirect, which is never
 * followed). `status` is set when an HTTP answer came.
 */
export class TransportError extends CasellaError {
  /** Always `'TransportError'`. */
  override name = 'TransportError';
  /** The HTTP status, when an HTTP answer came. */
  readonly status: number | undefined;
  /** For a refused redirect: its target (origin and path), which was never contacted. */
  readonly location: string | undefined;
  /**
   * Whether the server may have carried the request out: true after it was sent and the answer was
   * lost or unreadable (reset, a proxy's 502 page, a cut-off envelope), false when it surely was not
   * (connection refused, TLS failure, a redirect, a 4xx page). A write with `true` must be checked
   * before it is repeated.
   */
  readonly mayHaveBeenProcessed: boolean;

  /** Made with a message that names the URL but never a credential. */
  constructor(message: string, options: TransportErrorOptions = {}) {
    super('TRANSPORT', message, options);
    this.status = options.status;
    this.location = options.location;
    this.mayHaveBeenProcessed = options.mayHaveBeenProcessed ?? true;
  }

  /** The error's fields as plain JSON, without the cause chain. */
  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      status: this.status,
      location: this.location,
      mayHaveBeenProcessed: this.mayHaveBeenProcessed,
    };
  }
}
