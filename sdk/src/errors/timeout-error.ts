import { CasellaError, type CasellaErrorOptions } from './casella-error.ts';

/** The backend did not answer within `timeoutMs`. */
export class TimeoutError extends CasellaError {
  /** Always `'TimeoutError'`. */
  override name = 'TimeoutError';
  /** The limit that passed, in ms. */
  readonly timeoutMs: number;

  /** Made with the limit that passed. */
  constructor(timeoutMs: number, options: CasellaErrorOptions = {}) {
    super('TIMEOUT', `no answer within ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}
