import { CasellaError, type CasellaErrorOptions } from './casella-error.ts';

/** The backend did not answer within `timeoutMs`. */
export class TimeoutError extends CasellaError {
  override name = 'TimeoutError';
  readonly timeoutMs: number;

  constructor(timeoutMs: number, options: CasellaErrorOptions = {}) {
    super('TIMEOUT', `no answer within ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}
