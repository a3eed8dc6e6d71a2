// The mock under oversized requests: how fast a 100 MiB request is refused, and what the other clients'
// GetAccount latency is meanwhile, against the same clients with no attack in the same run. Prints figures;
// asserts nothing.   node --import tsx bench/mock-attack.ts
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

const PASSWORD = 'Casella-Demo-1!';
const MIB = 1_048_576;
const WINDOW_MS = 4_000;
const CLIENTS = 4;
const GOAL_REFUSED_MS = 1_000;
const GOAL_P99_MS = 100;

const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const envelope = (body: string, token = '') =>
  `<soap:Envelope xmlns:soap="${SOAP12}"><soap:Header><context xmlns="urn:zimbra">${
    token === '' ? '' : `<authToken>${token}</authToken>`
  }</context></soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;

// The mock in its own process: startMockServer, plus a sampler of its own event loop that reports (and
// restarts) the worst delay whenever a line arrives on stdin, so the figures are the mock's, not the clients'.
const SERVER = `
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startMockServer } from ${JSON.stringify(join(import.meta.dirname, '../mock-server/src/index.ts'))};
const mock = await startMockServer({ seed: 'demo' });
let loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
process.stdout.write('casella-mock listening on ' + mock.url + '\\n');
process.stdin.setEncoding('utf8');
process.stdin.on('data', () => {
  process.stdout.write(JSON.stringify({ maxMs: loop.max / 1e6, p99Ms: loop.percentile(99) / 1e6 }) + '\\n');
  loop.disable();
  loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
});
process.stdin.on('end', () => process.exit(0));
`;

interface Mock {
  readonly child: ChildProcess;
  readonly url: string;
  /** The worst event-loop delay inside the mock since the last call, in ms. */
  loopDelay(): Promise<{ maxMs: number; p99Ms: number }>;
}

/** Starts the mock in its own process on a free port and reads its one stdout line. */
async function startMock(): Promise<Mock> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SERVER], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (let nl = out.indexOf('\n'); nl !== -1; nl = out.indexOf('\n')) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      const next = waiting.shift();
      if (next) next(line);
      else lines.push(line);
    }
  });
  const nextLine = () =>
    new Promise<string>((resolve) => {
      const line = lines.shift();
      if (line === undefined) waiting.push(resolve);
      else resolve(line);
    });
  const first = await nextLine();
  const url = /^casella-mock listening on (\S+)$/.exec(first)?.[1];
  if (url === undefined) throw new Error(`unexpected first line: ${first}`);
  return {
    child,
    url,
    loopDelay: async () => {
      child.stdin?.write('report\n');
      return JSON.parse(await nextLine()) as { maxMs: number; p99Ms: number };
    },
  };
}

/** Peak and current resident memory of a process, in MiB (Linux /proc). */
function memory(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
}

async function soap(url: string, body: string, token?: string): Promise<string> {
  const res = await fetch(`${url}/service/admin/soap`, {
    method: 'POST',
    headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
    body: envelope(body, token),
  });
  return res.text();
}

/** CLIENTS loops of GetAccount for `ms`; every latency in ms. */
async function getAccountLatencies(url: string, token: string, ms: number): Promise<number[]> {
  const get =
    '<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">mario.rossi@example.com</account></GetAccountRequest>';
  const until = performance.now() + ms;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const text = await soap(url, get, token);
        if (!text.includes('mario.rossi@example.com')) throw new Error('GetAccount failed');
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencies;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

// The attacker runs on its own thread so that writing 100 MiB does not slow the measuring clients' loop.
const ATTACKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { request } = require('node:http');
const { url, path, headers, bytes, prefix, suffix } = workerData;
const u = new URL(url);
const t0 = performance.now();
const req = request({ host: u.hostname, port: u.port, method: 'POST', path, headers, agent: false }, (res) => {
  const head = performance.now() - t0;
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (c) => { body += c; });
  res.on('end', () => parentPort.postMessage({ status: res.statusCode, headMs: head, endMs: performance.now() - t0, sent, body: body.slice(0, 2000) }));
});
let sent = 0;
req.on('error', () => {});
const chunk = Buffer.alloc(65536, 'x');
if (prefix) { req.write(prefix); sent += Buffer.byteLength(prefix); }
const pump = () => {
  while (sent < bytes) {
    sent += chunk.length;
    if (!req.write(chunk)) { req.once('drain', pump); return; }
  }
  req.end(suffix || undefined);
};
pump();
`;

interface AttackResult {
  readonly status: number;
  readonly headMs: number;
  readonly endMs: number;
  readonly sent: number;
  readonly body: string;
}

function attack(
  url: string,
  path: string,
  headers: Record<string, string>,
  bytes: number,
  prefix = '',
  suffix = '',
) {
  return new Promise<AttackResult>((resolve, reject) => {
    const worker = new Worker(ATTACKER, {
      eval: true,
      workerData: { url, path, headers, bytes, prefix, suffix },
    });
    worker.once('message', (result: AttackResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

const mock = await startMock();
const { child, url } = mock;
try {
  const login = await soap(
    url,
    `<AuthRequest xmlns="urn:zimbraAdmin"><name>admin@example.com</name><password>${PASSWORD}</password></AuthRequest>`,
  );
  const token = /<authToken>([^<]+)<\/authToken>/.exec(login)?.[1] ?? '';
  const pec = await fetch(`${url}/pec/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'postmaster@pec.example.it', password: PASSWORD }),
  });
  const pecToken = ((await pec.json()) as { token: string }).token;
  await getAccountLatencies(url, token, 500); // warm-up
  const before = memory(child.pid ?? 0);

  await mock.loopDelay();
  const quiet = await getAccountLatencies(url, token, WINDOW_MS);
  const quietLoop = await mock.loopDelay();
  const soapHeaders = { 'content-type': 'application/soap+xml; charset=utf-8' };
  const authPrefix = `<soap:Envelope xmlns:soap="${SOAP12}"><soap:Body><AuthRequest xmlns="urn:zimbraAdmin"><name>admin@example.com</name><password>`;
  const attacks: [string, () => Promise<AttackResult>][] = [
    [
      'SOAP AuthRequest, 100 MiB password, Content-Length declared',
      () =>
        attack(
          url,
          '/service/admin/soap',
          { ...soapHeaders, 'content-length': String(100 * MIB) },
          100 * MIB,
          authPrefix,
        ),
    ],
    [
      'SOAP AuthRequest, 100 MiB password, chunked',
      () => attack(url, '/service/admin/soap', soapHeaders, 100 * MIB, authPrefix),
    ],
    [
      'PEC create (authenticated), 100 MiB password, chunked',
      () =>
        attack(
          url,
          '/pec/v1/mailboxes',
          { 'content-type': 'application/json', authorization: `Bearer ${pecToken}` },
          100 * MIB,
          '{"localPart":"attacco","passwordConfirm":"x","password":"',
        ),
    ],
  ];
  const underAttack: number[] = [];
  const refusals: [string, AttackResult][] = [];
  const measuring = getAccountLatencies(url, token, WINDOW_MS).then((l) => underAttack.push(...l));
  for (const [name, run] of attacks) refusals.push([name, await run()]);
  await measuring;
  const attackLoop = await mock.loopDelay();
  const after = memory(child.pid ?? 0);

  // Within the limit the request is parsed like any other: the cost of a legitimate 15 MB SOAP body.
  const within = 15_000_000 - 2 * 65_536;
  const legit: number[] = [];
  const legitMeasuring = getAccountLatencies(url, token, 3_000).then((l) => legit.push(...l));
  const parsed = await attack(
    url,
    '/service/admin/soap',
    soapHeaders,
    within,
    authPrefix,
    '</password></AuthRequest></soap:Body></soap:Envelope>',
  );
  await legitMeasuring;
  const legitLoop = await mock.loopDelay();

  console.log(
    `mock-attack: the mock (startMockServer in its own process) on ${url}; ${CLIENTS} GetAccount clients, ${WINDOW_MS} ms windows`,
  );
  console.log(`load: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
  console.log(
    '\nrefusal of each oversized request (time to the answer; bytes the attacker had sent by then):',
  );
  for (const [name, r] of refusals) {
    const ok = r.endMs < GOAL_REFUSED_MS ? 'ok' : 'MISSED';
    const code = /<Code>([^<]+)<\/Code>|"code":"([^"]+)"/.exec(r.body);
    console.log(
      `  ${name}: HTTP ${r.status} ${code?.[1] ?? code?.[2] ?? ''} in ${fmt(r.endMs)} ms, after ${fmt(r.sent / MIB)} MiB sent  [goal < ${GOAL_REFUSED_MS} ms: ${ok}]`,
    );
  }
  const row = (label: string, l: number[]) =>
    console.log(
      `  ${label.padEnd(22)} n=${String(l.length).padStart(5)}  p50 ${fmt(percentile(l, 50), 2).padStart(6)} ms  p99 ${fmt(percentile(l, 99), 2).padStart(6)} ms  max ${fmt(Math.max(...l), 1).padStart(6)} ms`,
    );
  console.log('\nother clients, GetAccount latency:');
  row('no attack (floor)', quiet);
  row('during the attacks', underAttack);
  const p99 = percentile(underAttack, 99);
  console.log(
    `  the mock's own event loop: worst delay ${fmt(quietLoop.maxMs)} ms with no attack, ${fmt(attackLoop.maxMs)} ms during the attacks [goal ~100 ms: ${attackLoop.maxMs <= 100 ? 'ok' : 'MISSED'}]`,
  );
  console.log(`  [goal p99 during the attacks < ${GOAL_P99_MS} ms: ${p99 < GOAL_P99_MS ? 'ok' : 'MISSED'}]`);
  const parsedCode = /<Code>([^<]+)<\/Code>/.exec(parsed.body)?.[1] ?? '';
  console.log(
    `\nwithin the limit (parsed, not refused): a ${fmt(parsed.sent / MIB)} MiB AuthRequest answered HTTP ${parsed.status} ${parsedCode} in ${fmt(parsed.endMs)} ms`,
  );
  row('meanwhile', legit);
  console.log(
    `  the mock's event loop was blocked up to ${fmt(legitLoop.maxMs)} ms (XML parsing of the whole body)`,
  );
  console.log(
    `\nmock memory: RSS ${fmt(before.now, 0)} MiB before, ${fmt(after.now, 0)} MiB after; peak ${fmt(after.peak, 0)} MiB (peak before ${fmt(before.peak, 0)} MiB)`,
  );
} finally {
  child.stdin?.end();
}
