import { CasellaError, type CasellaErrorOptions } from './casella-error.ts';

/** Options of a TransportError: the HTTP status when an answer came, the target of a refused redirect. */
export interface TransportErrorOptions extends CasellaErrorOptions {
  /** The HTTP status, when an HTTP answer came. */
  readonly status?: number | undefined;
  /** For a refused 3xx: where the server wanted the request to go (origin and path only). */
  readonly location?: string | undefined;
}

/**
 * The backend could not be reached or answered with something that is not the protocol
 * (connection refused or reset, TLS failure, a proxy's HTML 502, a redirect, which is never
 * followed). `status` is set when an HTTP answer came.
 */
export class TransportError extends CasellaError {
  override name = 'TransportError';
  /** The HTTP status, when an HTTP answer came. */
  readonly status: number | undefined;
  /** For a refused redirect: its target (origin and path), which was never contacted. */
  readonly location: string | undefined;

  constructor(message: string, options: TransportErrorOptions = {}) {
    super('TRANSPORT', message, options);
    this.status = options.status;
    this.location = options.location;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, location: this.location };
  }
}
