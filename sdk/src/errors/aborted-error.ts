import { CasellaError, type CasellaErrorOptions } from './casella-error.ts';

/**
 * The caller's `AbortSignal` fired: the call stopped at once and its connection was closed. A write
 * that was already on the wire may still have happened on the server (check before repeating it).
 */
export class AbortedError extends CasellaError {
  /** Always `'AbortedError'`. */
  override name = 'AbortedError';

  /** Made when the caller's signal fires. */
  constructor(options: CasellaErrorOptions = {}) {
    super('ABORTED', 'the call was aborted by its AbortSignal', options);
  }
}
