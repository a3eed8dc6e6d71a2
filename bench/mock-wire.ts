// The mock's two wire formats side by side: GetAccount in SOAP 1.2 XML and in Zimbra JSON, in-process
// through handle() and over loopback keep-alive, against a bare node:http floor answering the same bytes in
// the same run. Prints figures; asserts nothing.
//   node --import tsx bench/mock-wire.ts
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createMockBackend, startMockServer } from '@casella/mock-server';

const ADMIN = 'admin@example.com';
const PASSWORD = 'Casella-Demo-1!';
const TARGET = 'mario.rossi@example.com';
const IN_PROCESS = 5_000;
const LOOPBACK = 2_000;
const CONCURRENCY = [1, 8, 64];
const RUNS = 3;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const xmlEnvelope = (body: string, token = '') =>
  `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header><context xmlns="urn:zimbra">${
    token ? `<authToken>${token}</authToken>` : ''
  }<nosession/></context></soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;

const jsonEnvelope = (name: string, body: object, token = '') =>
  JSON.stringify({
    Header: {
      context: { _jsns: 'urn:zimbra', ...(token ? { authToken: { _content: token } } : {}), nosession: {} },
    },
    Body: { [name]: body },
  });

const bodies = (token: string) => ({
  xml: xmlEnvelope(
    `<GetAccountRequest xmlns="urn:zimbraAdmin"><account by="name">${TARGET}</account></GetAccountRequest>`,
    token,
  ),
  json: jsonEnvelope(
    'GetAccountRequest',
    { _jsns: 'urn:zimbraAdmin', account: { by: 'name', _content: TARGET } },
    token,
  ),
});

async function inProcess(): Promise<void> {
  const backend = createMockBackend({ seed: 'demo' });
  const url = 'http://mock.local/service/admin/soap';
  const post = (text: string) => backend.handle(new Request(url, { method: 'POST', body: text }));
  const login = await post(
    jsonEnvelope('AuthRequest', { _jsns: 'urn:zimbraAdmin', name: ADMIN, password: PASSWORD }),
  ).then((r) => r.json());
  const token: string = login.Body.AuthResponse.authToken[0]._content;
  const payload = bodies(token);
  for (const format of ['xml', 'json'] as const) {
    const rates: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      for (let i = 0; i < IN_PROCESS; i++) {
        const res = await post(payload[format]);
        if (res.status !== 200) throw new Error(`${format} GetAccount answered ${res.status}`);
        await res.text();
      }
      rates.push(IN_PROCESS / ((performance.now() - started) / 1000));
    }
    const rate = median(rates);
    console.log(
      `in-process handle()  ${format.padEnd(4)} GetAccount: ${fmt(rate)} req/s (${fmt(1e6 / rate)} µs each)`,
    );
  }
}

function post(agent: Agent, port: number, text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/service/admin/soap',
        method: 'POST',
        agent,
        headers: { 'content-length': Buffer.byteLength(text) },
      },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

/** Requests per second of `clients` keep-alive clients posting `text` to `port`, median of RUNS. */
async function rate(port: number, text: string, clients: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let left = LOOPBACK;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (left-- > 0) {
          const status = await post(agent, port, text);
          if (status !== 200) throw new Error(`GetAccount answered ${status}`);
        }
      }),
    );
    rates.push(LOOPBACK / ((performance.now() - started) / 1000));
  }
  agent.destroy();
  return median(rates);
}

/** A bare node:http server that reads the body and answers `answer`: the floor no mock can beat. */
async function bareFloor(answer: string, contentType: string) {
  const server = createServer((req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(answer) });
      res.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function loopback(): Promise<void> {
  const mock = await startMockServer({ seed: 'demo' });
  const port = Number(new URL(mock.url).port);
  try {
    const login = await fetch(`${mock.url}/service/admin/soap`, {
      method: 'POST',
      body: jsonEnvelope('AuthRequest', { _jsns: 'urn:zimbraAdmin', name: ADMIN, password: PASSWORD }),
    }).then((r) => r.json());
    const payload = bodies(login.Body.AuthResponse.authToken[0]._content as string);
    for (const format of ['xml', 'json'] as const) {
      const sample = await fetch(`${mock.url}/service/admin/soap`, { method: 'POST', body: payload[format] });
      const floor = await bareFloor(await sample.text(), sample.headers.get('content-type') ?? 'text/plain');
      try {
        for (const clients of CONCURRENCY) {
          const m = await rate(port, payload[format], clients);
          const f = await rate(floor.port, payload[format], clients);
          console.log(
            `loopback keep-alive  ${format.padEnd(4)} GetAccount, ${String(clients).padStart(2)} client(s): ${fmt(m)} req/s; bare node:http floor ${fmt(f)} req/s; mock/floor ${(m / f).toFixed(2)}`,
          );
        }
      } finally {
        await floor.close();
      }
    }
  } finally {
    await mock.close();
  }
}

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, node ${process.version}`,
);
await inProcess();
await loopback();
