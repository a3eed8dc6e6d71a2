// Throwaway TLS material for the HTTPS mock tests: a private CA and a server certificate it signed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** PEM files of a test CA and of a 127.0.0.1 server certificate it signed, valid one day. */
export interface TestCertificates {
  /** The CA certificate a client must trust (`ca`); it is not the server's own certificate. */
  readonly ca: string;
  /** The server certificate for IP 127.0.0.1, signed by `ca`. */
  readonly cert: string;
  /** The server certificate's private key. */
  readonly key: string;
  /** The same three as files, for the casella-mock command; removed by `remove()`. */
  readonly files: { readonly ca: string; readonly cert: string; readonly key: string };
  remove(): void;
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/**
 * Makes a CA and a server certificate with `openssl` (EC keys: a few milliseconds), like an admin who
 * signs Zimbra's 7071 certificate with an in-house CA.
 */
export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'casella-mock-tls-'));
  const path = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  openssl(
    'req',
    '-x509',
    ...EC,
    '-keyout',
    path('ca.key'),
    '-out',
    path('ca.pem'),
    '-days',
    '1',
    '-subj',
    '/CN=Casella test CA',
  );
  openssl('req', ...EC, '-keyout', path('key.pem'), '-out', path('server.csr'), '-subj', '/CN=127.0.0.1');
  writeFileSync(path('ext.cnf'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  openssl(
    'x509',
    '-req',
    '-in',
    path('server.csr'),
    '-CA',
    path('ca.pem'),
    '-CAkey',
    path('ca.key'),
    '-set_serial',
    '1',
    '-days',
    '1',
    '-extfile',
    path('ext.cnf'),
    '-out',
    path('cert.pem'),
  );
  const files = { ca: path('ca.pem'), cert: path('cert.pem'), key: path('key.pem') };
  return {
    ca: readFileSync(files.ca, 'utf8'),
    cert: readFileSync(files.cert, 'utf8'),
    key: readFileSync(files.key, 'utf8'),
    files,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
