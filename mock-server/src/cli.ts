#!/usr/bin/env node
// The casella-mock command. Its protocol for other programs (docs/mock-server.md): stdout carries exactly
// one line, `casella-mock listening on <url>`, once the port is open; everything else goes to stderr.
import { parseArgs } from 'node:util';
import { describeRule, FAULT_RULES, type FaultRule, type FaultSettings } from './faults.ts';
import { type MockServer, startMockServer } from './server.ts';
import { type MockTlsOptions, readTlsFiles } from './tls.ts';

const USAGE = `casella-mock: a stateful emulator of Zimbra's SOAP admin API and the pec-admin v1 contract

Usage: casella-mock [--port 7071] [--host 127.0.0.1] [--seed demo|empty|FILE.json]
                    [--latency MS] [--failure-rate 0..1] [--failure-mode 5xx|reset] [--rate-limit 0..1]
                    [--lost-answer-rate 0..1] [--stall-rate 0..1] [--stall-ms MS]
                    [--no-control-plane] [--tls-cert FILE.pem --tls-key FILE.pem]

  --port N              port to listen on; 0 picks a free one (default 7071)
  --host ADDR           address to bind (default 127.0.0.1)
  --seed S              demo, empty, or a JSON seed file (default demo)
  --latency MS          added to every answer (0..60000)
  --failure-rate R      share of requests failed before they are handled (nothing done)
  --failure-mode M      how they fail: 5xx (a bare 503) or reset (a dropped connection)
  --rate-limit R        share of pec-admin requests answered 429 RATE_LIMITED
  --lost-answer-rate R  share of requests handled (effects kept) whose answer is dropped
  --stall-rate R        share of requests handled (effects kept) answered only after --stall-ms
  --stall-ms MS         how long a stalled answer waits (0..300000, default 30000)
  --no-control-plane    do not serve /__mock/* (reset, faults, stats, token expiry)
  --tls-cert, --tls-key serve HTTPS with this PEM certificate and key, like Zimbra admin on 7071

Endpoints: /service/admin/soap, /service/soap (Zimbra SOAP), /pec/v1/... (pec-admin v1)
Control plane (loopback Host, JSON bodies): POST /__mock/reset, POST /__mock/expire-tokens,
  GET|POST /__mock/faults, GET /__mock/stats, GET /__mock/health

Output: stdout gets one line, "casella-mock listening on <url>", when the port is open; the rest is stderr.
Stops (exit 0) on SIGTERM, SIGINT or SIGHUP, and when the process that started it exits.
Expire every token now: kill -USR2 <pid> (or POST /__mock/expire-tokens)`;

/** How often the parent is looked at: a dead parent is noticed within this many ms. */
const PARENT_POLL_MS = 500;
/** A close() that has not finished by then (a stuck socket) does not keep the process alive. */
const CLOSE_GRACE_MS = 3_000;

const PORT_RULE: FaultRule = { kind: 'number', min: 0, max: 65_535, integer: true };

/** Writes a line to stderr; a closed stderr (the parent is gone) is not worth a crash. */
function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Prints one line to stderr and exits 2: a usage mistake, not a crash, so no stack trace. */
function fail(message: string): never {
  say(`casella-mock: ${message}`);
  say('Run casella-mock --help for the options.');
  process.exit(2);
}

/** A flag's number, checked against the fault setting's own rule (or a port's range). */
function number(flag: string, value: string | undefined, setting?: keyof FaultSettings): number | undefined {
  if (value === undefined) return undefined;
  const rule: FaultRule = setting === undefined ? PORT_RULE : FAULT_RULES[setting];
  if (rule.kind !== 'number') throw new TypeError(`--${flag} is not a number setting`);
  const n = Number(value);
  const bad =
    value.trim() === '' ||
    !Number.isFinite(n) ||
    n < rule.min ||
    n > rule.max ||
    (rule.integer && !Number.isInteger(n));
  if (bad) fail(`--${flag} must be ${describeRule(rule)}, got "${value}"`);
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
        'lost-answer-rate': { type: 'string' },
        'stall-rate': { type: 'string' },
        'stall-ms': { type: 'string' },
        'no-control-plane': { type: 'boolean' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
}

function faultFlags(values: ReturnType<typeof parse>): Partial<FaultSettings> {
  const mode = values['failure-mode'] ?? '5xx';
  if (mode !== '5xx' && mode !== 'reset') fail(`--failure-mode must be 5xx or reset, got "${mode}"`);
  const given: Record<string, number | string | undefined> = {
    latencyMs: number('latency', values.latency, 'latencyMs'),
    failureRate: number('failure-rate', values['failure-rate'], 'failureRate'),
    failureMode: mode,
    rateLimitRate: number('rate-limit', values['rate-limit'], 'rateLimitRate'),
    lostAnswerRate: number('lost-answer-rate', values['lost-answer-rate'], 'lostAnswerRate'),
    stallRate: number('stall-rate', values['stall-rate'], 'stallRate'),
    stallMs: number('stall-ms', values['stall-ms'], 'stallMs'),
  };
  return Object.fromEntries(
    Object.entries(given).filter(([, v]) => v !== undefined),
  ) as Partial<FaultSettings>;
}

function tls(certFile: string | undefined, keyFile: string | undefined): MockTlsOptions | undefined {
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined || keyFile === undefined) fail('--tls-cert and --tls-key go together');
  try {
    return readTlsFiles(certFile, keyFile);
  } catch (error) {
    return fail((error as Error).message);
  }
}

/**
 * Stops with the parent: signals it is sent, and the parent's death (it cannot send one when killed
 * with SIGKILL). A dead parent is seen as a change of `process.ppid` (the orphan is re-parented to init
 * or a subreaper); this works whatever stdin is, unlike waiting for stdin to close.
 */
function stopWithParent(server: MockServer): void {
  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    say(`casella-mock: ${why}, stopping`);
    setTimeout(() => process.exit(0), CLOSE_GRACE_MS).unref();
    server.close().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop(`parent process ${parent} exited`);
  }, PARENT_POLL_MS).unref();
  // "Expire all tokens now" from the shell, for demos of the client's re-login.
  process.on('SIGUSR2', () => {
    server.backend.expireAllTokens();
    say('casella-mock: all Zimbra and PEC tokens expired');
  });
}

async function main(): Promise<void> {
  // A parent that closed our pipes must not turn a log line into a crash.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  const values = parse();
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const faults = faultFlags(values);
  const port = number('port', values.port) ?? 7071;
  const tlsFiles = tls(values['tls-cert'], values['tls-key']);
  let server: MockServer;
  try {
    server = await startMockServer({
      port,
      host: values.host,
      seed: values.seed,
      faults,
      controlPlane: values['no-control-plane'] !== true,
      ...(tlsFiles === undefined ? {} : { tls: tlsFiles }),
    });
  } catch (error) {
    // A missing or malformed seed file, a port in use, a key that does not fit: say which, without a stack trace.
    return fail((error as Error).message);
  }
  stopWithParent(server);
  process.stdout.write(`casella-mock listening on ${server.url}\n`);
  say(`casella-mock: seed ${values.seed}; pid ${process.pid}`);
  say(`  Zimbra admin SOAP: ${server.url}/service/admin/soap`);
  say(`  Zimbra account SOAP: ${server.url}/service/soap`);
  say(`  PEC (pec-admin v1): ${server.url}/pec/v1`);
  say(`  control plane: ${server.backend.controlPlane ? `${server.url}/__mock/` : 'off'}`);
}

await main();
