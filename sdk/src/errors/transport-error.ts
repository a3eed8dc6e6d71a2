import { CasellaError, type CasellaErrorOptions } from './casella-error.ts';

/**
 * The backend could not be reached or answered with something that is not the protocol
 * (connection refused or reset, TLS failure, a proxy's HTML 502). `status` is set when an HTTP answer came.
 */
export class TransportError extends CasellaError {
  override name = 'TransportError';
  readonly status: number | undefined;

  constructor(message: string, options: CasellaErrorOptions & { status?: number | undefined } = {}) {
    super('TRANSPORT', message, options);
    this.status = options.status;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status };
  }
}
