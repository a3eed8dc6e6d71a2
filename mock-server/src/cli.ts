#!/usr/bin/env node
import { parseArgs } from 'node:util';
import type { FaultSettings } from './faults.ts';
import { startMockServer } from './server.ts';
import { type MockTlsOptions, readTlsFiles } from './tls.ts';

const USAGE = `casella-mock: a stateful emulator of Zimbra's SOAP admin API and the pec-admin v1 contract

Usage: casella-mock [--port 7071] [--host 127.0.0.1] [--seed demo|empty|FILE.json]
                    [--latency MS] [--failure-rate 0..1] [--failure-mode 5xx|reset] [--rate-limit 0..1]
                    [--tls-cert FILE.pem --tls-key FILE.pem]   (HTTPS, like Zimbra admin on 7071)

Endpoints: /service/admin/soap, /service/soap (Zimbra SOAP 1.2), /pec/v1/... (pec-admin v1),
control plane: POST /__mock/reset, POST /__mock/expire-tokens, GET|POST /__mock/faults
Expire every token now: kill -USR2 <pid> (or POST /__mock/expire-tokens)`;

/** Prints one line to stderr and exits 2: a usage mistake, not a crash, so no stack trace. */
function fail(message: string): never {
  console.error(`casella-mock: ${message}`);
  console.error('Run casella-mock --help for the options.');
  process.exit(2);
}

function number(name: string, value: string | undefined, fallback: number, max = Infinity): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > max) {
    fail(`--${name} must be a number from 0 to ${max === Infinity ? 'any' : max}, got "${value}"`);
  }
  return n;
}

function parse() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '7071' },
        host: { type: 'string', default: '127.0.0.1' },
        seed: { type: 'string', default: 'demo' },
        latency: { type: 'string' },
        'failure-rate': { type: 'string' },
        'failure-mode': { type: 'string' },
        'rate-limit': { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
}

const values = parse();

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const mode = values['failure-mode'] ?? '5xx';
if (mode !== '5xx' && mode !== 'reset') fail('--failure-mode must be 5xx or reset');
const faults: Partial<FaultSettings> = {
  latencyMs: number('latency', values.latency, 0),
  failureRate: number('failure-rate', values['failure-rate'], 0, 1),
  failureMode: mode,
  rateLimitRate: number('rate-limit', values['rate-limit'], 0, 1),
};
const port = number('port', values.port, 7071, 65535);

function tls(certFile: string | undefined, keyFile: string | undefined): MockTlsOptions | undefined {
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined || keyFile === undefined) fail('--tls-cert and --tls-key go together');
  try {
    return readTlsFiles(certFile, keyFile);
  } catch (error) {
    return fail((error as Error).message);
  }
}
const tlsFiles = tls(values['tls-cert'], values['tls-key']);

let server: Awaited<ReturnType<typeof startMockServer>>;
try {
  server = await startMockServer({
    port,
    host: values.host,
    seed: values.seed,
    faults,
    ...(tlsFiles === undefined ? {} : { tls: tlsFiles }),
  });
} catch (error) {
  // A missing or malformed seed file, a port in use, a key that does not fit: say which, without a stack trace.
  fail((error as Error).message);
}
console.log(`casella-mock listening on ${server.url} (seed: ${values.seed})`);
console.log(`  Zimbra admin SOAP: ${server.url}/service/admin/soap`);
console.log(`  Zimbra account SOAP: ${server.url}/service/soap`);
console.log(`  PEC (pec-admin v1): ${server.url}/pec/v1`);
// "Expire all tokens now" from the shell, for demos of the client's re-login.
process.on('SIGUSR2', () => {
  server.backend.expireAllTokens();
  console.log('casella-mock: all Zimbra and PEC tokens expired');
});
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
