import { readFileSync } from 'node:fs';

/** A certificate and its private key, PEM, for {@link startMockServer} to speak HTTPS. */
export interface MockTlsOptions {
  /** PEM certificate (chain) the server presents, e.g. a self-signed one for 127.0.0.1. */
  readonly cert: string | Buffer;
  /** PEM private key of that certificate, unencrypted. */
  readonly key: string | Buffer;
}

/**
 * Reads a PEM certificate and key from disk; a missing or unreadable file throws an Error naming
 * which one and why (no stack-worthy detail), so the CLI can print it as one line.
 * @example
 * const mock = await startMockServer({ tls: readTlsFiles('cert.pem', 'key.pem') });
 */
export function readTlsFiles(certFile: string, keyFile: string): MockTlsOptions {
  return { cert: readPem('certificate', certFile), key: readPem('key', keyFile) };
}

function readPem(what: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(`cannot read the TLS ${what} file ${file} (${code})`);
  }
}
