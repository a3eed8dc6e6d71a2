import { CasellaError, type CasellaErrorOptions } from './casella-error.ts';

/** The backend answered, but not in the shape the protocol promises (caught at the edge by a zod schema). */
export class ResponseValidationError extends CasellaError {
  /** Always `'ResponseValidationError'`. */
  override name = 'ResponseValidationError';
  /** What was being read, e.g. `GetAccountResponse`. */
  readonly what: string;

  /** Made with what was read and what was wrong with it. */
  constructor(what: string, problem: string, options: CasellaErrorOptions = {}) {
    super('BAD_RESPONSE', `unexpected ${what}: ${problem}`, options);
    this.what = what;
  }
}
