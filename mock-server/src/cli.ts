#!/usr/bin/env node
// The casella-mock command. Its protocol for other programs (docs/mock-server.md): stdout carries exactly
// one line, `casella-mock listening on <url>`, once the port is open; everything else goes to stderr.
import { fstatSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describeRule, FAULT_RULES, type FaultRule, type FaultSettings } from './faults.ts';
import { MAX_CONFIGURABLE_BYTES } from './limits.ts';
import { type MockServer, startMockServer } from './server.ts';
import { type MockTlsOptions, readTlsFiles } from './tls.ts';

const USAGE = `casella-mock: a stateful emulator of Zimbra's SOAP admin API and the pec-admin v1 contract

Usage: casella-mock [--port 7071] [--host 127.0.0.1] [--seed demo|empty|FILE.json]
                    [--latency MS] [--failure-rate 0..1] [--failure-mode 5xx|reset] [--rate-limit 0..1]
                    [--lost-answer-rate 0..1] [--stall-rate 0..1] [--stall-ms MS]
                    [--soap-request-max-size BYTES] [--pec-request-max-bytes BYTES]
                    [--no-control-plane] [--detached] [--tls-cert FILE.pem --tls-key FILE.pem]

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
  --soap-request-max-size BYTES  Zimbra's zimbraSoapRequestMaxSize (default 15360000)
  --pec-request-max-bytes BYTES  largest pec-admin body (default 1048576)
  --no-control-plane    do not serve /__mock/* (reset, faults, stats, token expiry)
  --detached            keep running when the starting process exits or closes stdin (stop it by signal)
  --tls-cert, --tls-key serve HTTPS with this PEM certificate and key, like Zimbra admin on 7071

Endpoints: /service/admin/soap, /service/soap (Zimbra SOAP), /pec/v1/... (pec-admin v1)
Control plane (loopback Host, JSON bodies): POST /__mock/reset, POST /__mock/expire-tokens,
  GET|POST /__mock/faults, GET /__mock/stats, GET /__mock/health

Output: stdout gets one line, "casella-mock listening on <url>", when the port is open; the rest is stderr.
Stops (exit 0) on SIGTERM, SIGINT or SIGHUP, when the process that started it exits, and when its
stdin is a pipe that closes (unless --detached).
Expire every token now: kill -USR2 <pid> (or POST /__mock/expire-tokens)`;

/** How often the parent is looked at: a dead parent is noticed within this many ms. */
const PARENT_POLL_MS = 500;
/** A close() that has not finished by then (a stuck socket) does not keep the process alive. */
const CLOSE_GRACE_MS = 3_000;

const PORT_RULE: FaultRule = { kind: 'number', min: 0, max: 65_535, integer: true };
const LIMIT_RULE: FaultRule = { kind: 'number', min: 1, max: MAX_CONFIGURABLE_BYTES, integer: true };

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
function number(
  flag: string,
  value: string | undefined,
  setting?: keyof FaultSettings | FaultRule,
): number | undefined {
  if (value === undefined) return undefined;
  const rule: FaultRule =
    setting === undefined ? PORT_RULE : typeof setting === 'object' ? setting : FAULT_RULES[setting];
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
        'soap-request-max-size': { type: 'string' },
        'pec-request-max-bytes': { type: 'string' },
        'no-control-plane': { type: 'boolean' },
        detached: { type: 'boolean' },
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
 * Stops on signals and, unless `detached`, with the process that started it, which cannot send a signal
 * when it is killed with SIGKILL. Two signs of a dead starter: `process.ppid` changes (the orphan is
 * re-parented to init or a subreaper), and a stdin that is a pipe reaches its end (every writer is gone,
 * which also catches a wrapper such as `npx`'s `sh -c` that outlives the real caller).
 */
function stopWithParent(server: MockServer, detached: boolean): void {
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
  // "Expire all tokens now" from the shell, for demos of the client's re-login.
  process.on('SIGUSR2', () => {
    server.backend.expireAllTokens();
    say('casella-mock: all Zimbra and PEC tokens expired');
  });
  if (detached) return;
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop(`parent process ${parent} exited`);
  }, PARENT_POLL_MS).unref();
  if (stdinIsPipe()) {
    process.stdin.on('end', () => stop('stdin closed'));
    process.stdin.on('error', () => stop('stdin closed'));
    // Read and drop whatever arrives: only the end matters. An unref'd stdin does not keep the process up.
    process.stdin.resume();
    process.stdin.unref?.();
  }
}

/** True when stdin is a pipe or socket (a TTY, a file or /dev/null never "closes"). */
function stdinIsPipe(): boolean {
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
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
  const soapMax = number('soap-request-max-size', values['soap-request-max-size'], LIMIT_RULE);
  const pecMax = number('pec-request-max-bytes', values['pec-request-max-bytes'], LIMIT_RULE);
  const requestLimits = {
    ...(soapMax === undefined ? {} : { zimbraSoapRequestMaxSize: soapMax }),
    ...(pecMax === undefined ? {} : { pecRequestMaxBytes: pecMax }),
  };
  let server: MockServer;
  try {
    server = await startMockServer({
      port,
      host: values.host,
      seed: values.seed,
      faults,
      controlPlane: values['no-control-plane'] !== true,
      requestLimits,
      ...(tlsFiles === undefined ? {} : { tls: tlsFiles }),
    });
  } catch (error) {
    // A missing or malformed seed file, a port in use, a key that does not fit: say which, without a stack trace.
    return fail((error as Error).message);
  }
  stopWithParent(server, values.detached === true);
  process.stdout.write(`casella-mock listening on ${server.url}\n`);
  say(`casella-mock: seed ${values.seed}; pid ${process.pid}`);
  say(`  Zimbra admin SOAP: ${server.url}/service/admin/soap`);
  say(`  Zimbra account SOAP: ${server.url}/service/soap`);
  say(`  PEC (pec-admin v1): ${server.url}/pec/v1`);
  say(`  control plane: ${server.backend.controlPlane ? `${server.url}/__mock/` : 'off'}`);
}

await main();
