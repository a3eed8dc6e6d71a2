import { parseArgs } from 'node:util';
import type { FaultSettings } from './faults.ts';
import { startMockServer } from './server.ts';

const USAGE = `casella-mock: a stateful emulator of Zimbra's SOAP admin API and the pec-admin v1 contract

Usage: casella-mock [--port 7071] [--host 127.0.0.1] [--seed demo|empty|FILE.json]
                    [--latency MS] [--failure-rate 0..1] [--failure-mode 5xx|reset] [--rate-limit 0..1]

Endpoints: /service/admin/soap, /service/soap (Zimbra SOAP 1.2), /pec/v1/... (pec-admin v1),
control plane: POST /__mock/reset, POST /__mock/expire-tokens, GET|POST /__mock/faults`;

function number(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`casella-mock: --${name} must be a non-negative number, got "${value}"`);
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '7071' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string', default: 'demo' },
    latency: { type: 'string' },
    'failure-rate': { type: 'string' },
    'failure-mode': { type: 'string' },
    'rate-limit': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const mode = values['failure-mode'] ?? '5xx';
if (mode !== '5xx' && mode !== 'reset') {
  console.error('casella-mock: --failure-mode must be 5xx or reset');
  process.exit(2);
}
const faults: Partial<FaultSettings> = {
  latencyMs: number('latency', values.latency, 0),
  failureRate: number('failure-rate', values['failure-rate'], 0),
  failureMode: mode,
  rateLimitRate: number('rate-limit', values['rate-limit'], 0),
};

const server = await startMockServer({
  port: number('port', values.port, 7071),
  host: values.host,
  seed: values.seed,
  faults,
});
console.log(`casella-mock listening on ${server.url} (seed: ${values.seed})`);
console.log(`  Zimbra admin SOAP: ${server.url}/service/admin/soap`);
console.log(`  Zimbra account SOAP: ${server.url}/service/soap`);
console.log(`  PEC (pec-admin v1): ${server.url}/pec/v1`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
