// Benchmark of the mock's directory: prints figures, asserts nothing.
//   node --import tsx bench/mock-directory.ts
// CreateAccount/s in-process (handle()) and over loopback keep-alive at 0, 10,000 and 100,000 existing
// accounts; GetAccount/s with 1, 8 and 64 concurrent clients over loopback against a bare node:http floor
// serving a same-sized answer in the same run; seed time and RSS of 100,000 accounts.
import { spawnSync } from 'node:child_process';
import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createMockBackend, resolveSeed, startMockServer } from '@casella/mock-server';
import { zimbraSeeds } from '../mock-server/src/zimbra/index.ts';

const PASSWORD = 'Casella-Demo-1!';
const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const CREATES = 1000;
const SIZES = [0, 10_000, 100_000];
const CLIENTS = [1, 8, 64];
const GET_MS = 2000;

const seedOf = (n: number) => ({ zimbra: zimbraSeeds.bulk(n), pec: resolveSeed('empty').pec });
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

function envelope(body: string, token?: string): string {
  const auth = token ? `<authToken>${token}</authToken>` : '';
  return `<soap:Envelope xmlns:soap="${SOAP12}"><soap:Header><context xmlns="urn:zimbra">${auth}</context></soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

const loginBody = `<AuthRequest xmlns="urn:zimbraAdmin"><name>admin@example.com</name><password>${PASSWORD}</password></AuthRequest>`;
const createBody = (i: number) =>
  `<CreateAccountRequest xmlns="urn:zimbraAdmin"><name>bench${i}@bulk.example.com</name><password>Bench-Pass-42!</password><a n="givenName">Bench</a><a n="sn">N${i}</a></CreateAccountRequest>`;
const getBody =
  '<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">user000042@bulk.example.com</account></GetAccountRequest>';

const tokenOf = (xml: string) => /<authToken>([^<]+)<\/authToken>/.exec(xml)?.[1] ?? '';

/** One POST over a keep-alive agent; resolves with the status. */
function post(agent: Agent, port: number, path: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/soap+xml' },
      },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function createInProcess(
  n: number,
): Promise<{ seedMs: number; perSecond: number; usPerCreate: number }> {
  const seedStart = performance.now();
  const backend = createMockBackend({ seed: seedOf(n) });
  const seedMs = performance.now() - seedStart;
  const url = 'http://mock.local/service/admin/soap';
  const call = (body: string) => backend.handle(new Request(url, { method: 'POST', body }));
  const token = tokenOf(await (await call(envelope(loginBody))).text());
  const bodies = Array.from({ length: CREATES }, (_, i) => envelope(createBody(i), token));
  const started = performance.now();
  for (const body of bodies) {
    const res = await call(body);
    if (res.status !== 200) throw new Error(`create failed: ${await res.text()}`);
    await res.text();
  }
  const ms = performance.now() - started;
  return { seedMs, perSecond: (CREATES / ms) * 1000, usPerCreate: (ms * 1000) / CREATES };
}

async function createLoopback(n: number): Promise<number> {
  const mock = await startMockServer({ seed: seedOf(n) });
  const port = Number(new URL(mock.url).port);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const login = await fetch(`${mock.url}/service/admin/soap`, {
      method: 'POST',
      body: envelope(loginBody),
    });
    const token = tokenOf(await login.text());
    const bodies = Array.from({ length: CREATES }, (_, i) => envelope(createBody(i), token));
    const started = performance.now();
    for (const body of bodies) {
      const status = await post(agent, port, '/service/admin/soap', body);
      if (status !== 200) throw new Error(`create failed with ${status}`);
    }
    return (CREATES / (performance.now() - started)) * 1000;
  } finally {
    agent.destroy();
    await mock.close();
  }
}

/** Requests per second with `clients` concurrent keep-alive connections, each sending `body` in a loop. */
async function loopRate(port: number, path: string, body: string, clients: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  let done = 0;
  const deadline = performance.now() + GET_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const status = await post(agent, port, path, body);
        if (status !== 200) throw new Error(`request failed with ${status}`);
        done++;
      }
    }),
  );
  agent.destroy();
  return (done / (performance.now() - started)) * 1000;
}

async function getAccountRates(): Promise<Array<{ clients: number; mock: number; floor: number }>> {
  const mock = await startMockServer({ seed: seedOf(10_000) });
  const port = Number(new URL(mock.url).port);
  const login = await fetch(`${mock.url}/service/admin/soap`, { method: 'POST', body: envelope(loginBody) });
  const token = tokenOf(await login.text());
  const body = envelope(getBody, token);
  const sample = await (await fetch(`${mock.url}/service/admin/soap`, { method: 'POST', body })).text();
  // The floor: a bare node:http server that reads the body and answers the same bytes.
  const floor = createServer((req, res) => {
    req.on('data', () => {});
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(sample);
    });
  });
  await new Promise<void>((resolve) => floor.listen(0, '127.0.0.1', resolve));
  const floorPort = (floor.address() as AddressInfo).port;
  const rows: Array<{ clients: number; mock: number; floor: number }> = [];
  try {
    for (const clients of CLIENTS) {
      const m = await loopRate(port, '/service/admin/soap', body, clients);
      const f = await loopRate(floorPort, '/', body, clients);
      rows.push({ clients, mock: m, floor: f });
    }
  } finally {
    await mock.close();
    await new Promise((resolve) => floor.close(resolve));
  }
  console.log(`GetAccount answer: ${fmt(sample.length)} bytes`);
  return rows;
}

async function main(): Promise<void> {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, node ${process.version}`,
  );
  await createInProcess(0); // warm-up: JIT and caches, not printed
  console.log('\nCreateAccount (1,000 creates, one at a time)');
  console.log('existing   in-process/s   µs per create   loopback keep-alive/s');
  for (const n of SIZES) {
    const inProcess = await createInProcess(n);
    const loopback = await createLoopback(n);
    console.log(
      `${fmt(n).padStart(8)}   ${fmt(inProcess.perSecond).padStart(12)}   ${fmt(inProcess.usPerCreate).padStart(13)}   ${fmt(loopback).padStart(21)}`,
    );
  }
  console.log(
    '\nGetAccount over loopback keep-alive (10,000 accounts; bare node:http floor, same answer bytes)',
  );
  console.log('clients   mock/s   floor/s   mock/floor');
  for (const row of await getAccountRates()) {
    console.log(
      `${String(row.clients).padStart(7)}   ${fmt(row.mock).padStart(6)}   ${fmt(row.floor).padStart(7)}   ${(row.mock / row.floor).toFixed(2).padStart(10)}`,
    );
  }
  // Seed time and RSS in a fresh process, so the servers above do not blur the figure.
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--seed-only'],
    {
      encoding: 'utf8',
    },
  );
  console.log(`\n${child.stdout.trim() || child.stderr.trim()}`);
  console.log('goals: ≥ 5,000 GetAccount/s over loopback, flat create cost, 100,000 accounts ≤ 300 MB');
}

function seedOnly(): void {
  const base = process.memoryUsage().rss;
  const started = performance.now();
  const big = createMockBackend({ seed: seedOf(100_000) });
  const seedMs = performance.now() - started;
  const rss = process.memoryUsage().rss;
  console.log(
    `100,000 accounts: seeded in ${fmt(seedMs)} ms, process RSS ${fmt(rss / 2 ** 20)} MB (${fmt((rss - base) / 2 ** 20)} MB for the directory), ${fmt(big.zimbra.store.accounts.size)} accounts`,
  );
}

if (process.argv.includes('--seed-only')) seedOnly();
else await main();
