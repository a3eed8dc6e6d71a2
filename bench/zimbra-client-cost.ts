// Client cost of one CreateAccount and of BatchRequests of 100, against a loopback server (its own
// process) replaying answers recorded from the mock, so only the client's CPU counts. In the same run:
// Casella over XML and JSON, js-zimbra (the JS peer, JSON) single and batched, and the floor
// (pre-serialized bodies over node:http keep-alive). Prints figures; asserts nothing.
//   node --import tsx bench/zimbra-client-cost.ts
import { Agent, request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZimbraAdmin, zimbraBatch } from '@casella/sdk';
import { JsZimbra } from '../test/foreign/js-zimbra-client.ts';
import { startChildServer } from './support/child-server.ts';

const SINGLE = 2_000;
const BATCHES = 40;
const BATCH = 100;
const RUNS = 3;
const here = dirname(fileURLToPath(import.meta.url));
const replay = await startChildServer(join(here, 'support', 'replay-server.ts'));

interface Figure {
  readonly label: string;
  readonly perSecond: number;
  readonly cpuMsPerAccount: number;
}

/** Runs `work` (which handles `count` accounts) RUNS times; the median by client CPU. */
async function measure(label: string, count: number, work: () => Promise<void>): Promise<Figure> {
  await work(); // warm-up: JIT, connections
  const figures: Figure[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    await work();
    const wall = performance.now() - t0;
    const used = process.cpuUsage(cpu);
    figures.push({
      label,
      perSecond: (count / wall) * 1000,
      cpuMsPerAccount: (used.user + used.system) / 1000 / count,
    });
  }
  figures.sort((a, b) => a.cpuMsPerAccount - b.cpuMsPerAccount);
  return figures[Math.floor(RUNS / 2)] as Figure;
}

let n = 0;
const name = () => `bench.${n++}@example.com`;
const PASSWORD = 'Bench-Pass-42!';
const fields = { givenName: 'Anna', sn: 'Verdi', displayName: 'Anna Verdi' };

async function casella(wire: 'xml' | 'json'): Promise<Figure[]> {
  const admin = await ZimbraAdmin.login({
    url: replay.url,
    username: 'admin@example.com',
    password: 'Casella-Demo-1!',
    wire,
  });
  const single = await measure(`Casella ${wire.toUpperCase()}, one request per account`, SINGLE, async () => {
    for (let i = 0; i < SINGLE; i++)
      await admin.accounts.create({ name: name(), password: PASSWORD, ...fields }, { policy: false });
  });
  const batched = await measure(
    `Casella ${wire.toUpperCase()}, BatchRequest of ${BATCH}`,
    BATCHES * BATCH,
    async () => {
      for (let b = 0; b < BATCHES; b++) {
        const items = Array.from({ length: BATCH }, () =>
          zimbraBatch.createAccount({ name: name(), password: PASSWORD, ...fields }, { policy: false }),
        );
        await admin.batch(items);
      }
    },
  );
  await admin.close();
  return [single, batched];
}

async function jsZimbra(): Promise<Figure[]> {
  const js = new JsZimbra(`${replay.url}/service/admin/soap`);
  await js.login('admin@example.com', 'Casella-Demo-1!', 'admin');
  const attrs = [
    { n: 'givenName', _content: 'Anna' },
    { n: 'sn', _content: 'Verdi' },
    { n: 'displayName', _content: 'Anna Verdi' },
  ];
  const params = () => ({ name: name(), password: PASSWORD, a: attrs });
  const single = await measure('js-zimbra 1.0.0-beta.6 (JSON), one request per account', SINGLE, async () => {
    for (let i = 0; i < SINGLE; i++) await js.call('CreateAccountRequest', params());
  });
  const batched = await measure(`js-zimbra (JSON), BatchRequest of ${BATCH}`, BATCHES * BATCH, async () => {
    for (let b = 0; b < BATCHES; b++) {
      await js.batch(
        Array.from({ length: BATCH }, () => ({ name: 'CreateAccountRequest', params: params() })),
      );
    }
  });
  return [single, batched];
}

async function floor(): Promise<Figure[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(`${replay.url}/service/admin/soap`);
  const send = (body: string) =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/soap+xml' },
        },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', resolve);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const one = `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header><context xmlns="urn:zimbra"><authToken>t</authToken></context></soap:Header><soap:Body><CreateAccountRequest xmlns="urn:zimbraAdmin"><name>floor@example.com</name><password>${PASSWORD}</password></CreateAccountRequest></soap:Body></soap:Envelope>`;
  const items = Array.from(
    { length: BATCH },
    (_, i) =>
      `<CreateAccountRequest xmlns="urn:zimbraAdmin" requestId="${i}"><name>f${i}@example.com</name><password>${PASSWORD}</password></CreateAccountRequest>`,
  ).join('');
  const batch = `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header><context xmlns="urn:zimbra"><authToken>t</authToken></context></soap:Header><soap:Body><BatchRequest xmlns="urn:zimbra" onerror="continue">${items}</BatchRequest></soap:Body></soap:Envelope>`;
  const single = await measure(
    'floor: pre-serialized, node:http keep-alive, one per account',
    SINGLE,
    async () => {
      for (let i = 0; i < SINGLE; i++) await send(one);
    },
  );
  const batched = await measure(
    `floor: pre-serialized BatchRequest of ${BATCH}`,
    BATCHES * BATCH,
    async () => {
      for (let b = 0; b < BATCHES; b++) await send(batch);
    },
  );
  agent.destroy();
  return [single, batched];
}

const fmt = (v: number, d = 0) =>
  v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
try {
  console.log(`replayed answers: CreateAccountResponse ${replay.extra.split(' ').join(' B XML, ')} B JSON`);
  const rows = [
    ...(await casella('xml')),
    ...(await casella('json')),
    ...(await jsZimbra()),
    ...(await floor()),
  ];
  console.log('\n| client | accounts/s | client CPU per account |');
  console.log('| --- | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.label} | ${fmt(r.perSecond)} | ${fmt(r.cpuMsPerAccount, 3)} ms |`);
  const casellaSingle = rows[0] as Figure;
  console.log(
    `\ngoal: one single create ≤ 0.3 ms client CPU — Casella XML: ${fmt(casellaSingle.cpuMsPerAccount, 3)} ms`,
  );
} finally {
  await replay.stop();
}
