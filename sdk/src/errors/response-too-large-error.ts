import { CasellaError, type CasellaErrorOptions } from './casella-error.ts';

/**
 * The backend's answer grew past the client's `maxResponseBytes` (counted on the decoded body, so a
 * small gzip answer that inflates past the limit counts at its inflated size). Reading stopped there
 * and the connection was closed; nothing past the limit was kept in memory.
 */
export class ResponseTooLargeError extends CasellaError {
  /** Always `'ResponseTooLargeError'`. */
  override name = 'ResponseTooLargeError';
  /** The limit that was passed, in decoded bytes. */
  readonly limitBytes: number;

  /** Made with the limit that was passed. */
  constructor(limitBytes: number, options: CasellaErrorOptions = {}) {
    super(
      'RESPONSE_TOO_LARGE',
      `the answer is larger than the limit of ${limitBytes} bytes (option maxResponseBytes)`,
      options,
    );
    this.limitBytes = limitBytes;
  }

  /** The error's fields as plain JSON, without the cause chain. */
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), limitBytes: this.limitBytes };
  }
}
