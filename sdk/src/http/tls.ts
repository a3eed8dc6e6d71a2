import { Agent } from 'undici';
import { ValidationError } from '../errors/validation-error.ts';

/** TLS options shared by every Casella client. Verification is always on unless turned off by name. */
export interface TlsOptions {
  /** PEM text of the CA (or self-signed certificate) to trust, e.g. Zimbra's 7071 certificate. */
  readonly ca?: string | Buffer | undefined;
  /**
   * Accept any certificate. Never the default; for a lab server only. @default false
   */
  readonly insecureSkipTlsVerify?: boolean | undefined;
}

/**
 * The undici dispatcher that applies the TLS options, or undefined when the defaults will do.
 * It is passed to the global fetch (not undici's own fetch, which msw cannot intercept).
 */
export function createDispatcher(options: TlsOptions): Agent | undefined {
  // Checked here too, so that no client can turn verification off with a truthy non-boolean ("false").
  const skip: unknown = options.insecureSkipTlsVerify;
  if (skip !== undefined && typeof skip !== 'boolean') {
    throw new ValidationError([
      { field: 'insecureSkipTlsVerify', rule: 'type', message: 'must be true or false (a boolean)' },
    ]);
  }
  const ca: unknown = options.ca;
  if (ca !== undefined && typeof ca !== 'string' && !Buffer.isBuffer(ca)) {
    throw new ValidationError([{ field: 'ca', rule: 'type', message: 'must be PEM text or a Buffer' }]);
  }
  if (options.ca === undefined && !options.insecureSkipTlsVerify) return undefined;
  return new Agent({
    connect: {
      ...(options.ca === undefined ? {} : { ca: options.ca }),
      rejectUnauthorized: !options.insecureSkipTlsVerify,
    },
  });
}
