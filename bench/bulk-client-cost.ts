// The bulk engine's own cost, against a loopback server of this bench's that replays answers recorded
// from the mock (so only the client's work counts), beside the floor: pre-serialized BatchRequest bodies
// POSTed over one keep-alive connection. Prints rows/s and client CPU per row; asserts nothing.
//   node --conditions=@casella/source --import tsx bench/bulk-client-cost.ts      (BULK_N=2000 for a quick run)
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pecSeeds, startMockServer, zimbraSeeds } from '@casella/mock-server';
import { type BulkRow, createBulk, ZimbraAdmin, zimbraBatch } from '@casella/sdk';
import { Agent, request } from 'undici';

const N = Number(process.env.BULK_N ?? 10_000);
const BATCH = 100;
const RUNS = 3;
const ADMIN = { username: 'admin@example.com', password: 'Casella-Demo-1!' };
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

function rows(n: number, prefix: string): BulkRow[] {
  return Array.from({ length: n }, (_, i) => ({
    address: `${prefix}${String(i).padStart(6, '0')}@bulk.example.com`,
    password: 'Bench-Pass-42!',
    givenName: `Nome${i}`,
    sn: `Cognome${i}`,
    type: 'Standard',
  }));
}

type Wire = 'xml' | 'json';
const wireOf = (body: string): Wire => (body.trimStart().startsWith('{') ? 'json' : 'xml');
/** `xml:CreateAccountRequest`, `json:BatchRequest`…: answers are recorded and replayed per wire. */
const requestName = (body: string) =>
  `${wireOf(body)}:${(/<soap:Body>\s*<(\w+Request)/.exec(body) ?? /"Body":\{"(\w+Request)"/.exec(body))?.[1] ?? 'unknown'}`;
const batchSize = (body: string) =>
  wireOf(body) === 'xml'
    ? body.split('<CreateAccountRequest').length - 1
    : ((JSON.parse(body) as { Body: { BatchRequest: { CreateAccountRequest?: unknown[] } } }).Body
        .BatchRequest.CreateAccountRequest?.length ?? 0);

/** Records one answer per request name from a real run against the mock (a batch of BATCH creates included). */
async function record(): Promise<Map<string, { text: string; type: string }>> {
  const mock = await startMockServer({ seed: { zimbra: zimbraSeeds.bulk(0), pec: pecSeeds.empty() } });
  const answers = new Map<string, { text: string; type: string }>();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const answer = await fetch(`${mock.url}${req.url}`, {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? '' },
      body,
    });
    const text = await answer.text();
    const name = requestName(body);
    // Keep the answer of a full batch (the last chunk may be shorter), and the first of each other request.
    const type = answer.headers.get('content-type') ?? '';
    if (!name.endsWith(':BatchRequest') || batchSize(body) === BATCH)
      if (!answers.has(name)) answers.set(name, { text, type });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' });
    res.end(text);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const wire of ['xml', 'json'] as const) {
    const admin = await ZimbraAdmin.login({ url, ...ADMIN, wire });
    // More than 200 rows of one domain: pre-flight pages the domain with one SearchDirectory.
    await createBulk(admin)
      .create(rows(BATCH * 3, `rec-${wire}-`))
      .summary();
    await admin.close();
  }
  await new Promise<void>((r) => server.close(() => r()));
  await mock.close();
  return answers;
}

/** Answers every request with the recorded answer for its name. */
async function replay(answers: Map<string, { text: string; type: string }>) {
  // The search the recording saw found the recorded accounts; an empty domain is what a fresh import sees.
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const name = requestName(body);
    const recorded = answers.get(name);
    let answer = recorded?.text;
    if (name === 'xml:SearchDirectoryRequest')
      answer = answer
        ?.replace(/<account [\s\S]*<\/account>/, '')
        .replace(/searchTotal="\d+"/, 'searchTotal="0"')
        .replace(/more="1"/, 'more="0"');
    if (name === 'json:SearchDirectoryRequest' && answer !== undefined) {
      const doc = JSON.parse(answer) as { Body: { SearchDirectoryResponse: Record<string, unknown> } };
      const found = doc.Body.SearchDirectoryResponse;
      delete found.account;
      found.searchTotal = 0;
      found.more = false;
      answer = JSON.stringify(doc);
    }
    res.writeHead(answer === undefined ? 500 : 200, {
      'content-type': recorded?.type ?? 'application/soap+xml; charset=utf-8',
    });
    res.end(answer ?? '');
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

async function timed(work: () => Promise<void>): Promise<{ rate: number; cpuUs: number }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await work();
  const s = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  return { rate: N / s, cpuUs: (used.user + used.system) / N };
}

const answers = await record();
const server = await replay(answers);
console.log(
  `bulk engine client cost, ${fmt(N)} creates against a replaying loopback server; load ${loadavg()
    .map((l) => fmt(l, 2))
    .join(' ')}`,
);
try {
  const envelope = (i: number) =>
    '<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header><context xmlns="urn:zimbra"><authToken>t</authToken></context></soap:Header><soap:Body>' +
    `<BatchRequest xmlns="urn:zimbra" onerror="continue">${Array.from({ length: BATCH }, (_, k) => `<CreateAccountRequest xmlns="urn:zimbraAdmin" requestId="${k}"><name>f${i}-${k}@bulk.example.com</name><password>Bench-Pass-42!</password></CreateAccountRequest>`).join('')}</BatchRequest></soap:Body></soap:Envelope>`;
  const bodies = Array.from({ length: N / BATCH }, (_, i) => envelope(i));
  const floors: { rate: number; cpuUs: number }[] = [];
  const engines: { rate: number; cpuUs: number }[] = [];
  const jsonEngines: { rate: number; cpuUs: number }[] = [];
  const batches: { rate: number; cpuUs: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const agent = new Agent({ connections: 1 });
    floors.push(
      await timed(async () => {
        for (const body of bodies) {
          const res = await request(`${server.url}/service/admin/soap`, {
            method: 'POST',
            body,
            dispatcher: agent,
            headers: { 'content-type': 'application/soap+xml' },
          });
          await res.body.text();
        }
      }),
    );
    await agent.close();
    const admin = await ZimbraAdmin.login({ url: server.url, ...ADMIN });
    engines.push(
      await timed(async () => {
        for await (const o of createBulk(admin).create(rows(N, `e${run}-`), { batchSize: BATCH })) {
          if (o.kind !== 'created') throw new Error(`unexpected outcome ${o.kind}`);
        }
      }),
    );
    const jsonAdmin = await ZimbraAdmin.login({ url: server.url, ...ADMIN, wire: 'json' });
    jsonEngines.push(
      await timed(async () => {
        for await (const o of createBulk(jsonAdmin).create(rows(N, `j${run}-`), { batchSize: BATCH })) {
          if (o.kind !== 'created') throw new Error(`unexpected outcome ${o.kind}`);
        }
      }),
    );
    await jsonAdmin.close();
    // The SDK's batch() alone, same rows, same batch size: what the engine adds on top of it.
    const all = rows(N, `b${run}-`);
    batches.push(
      await timed(async () => {
        for (let i = 0; i < all.length; i += BATCH) {
          const items = all
            .slice(i, i + BATCH)
            .map((r) =>
              zimbraBatch.createAccount(
                { name: r.address, password: r.password ?? '', givenName: r.givenName ?? '', sn: r.sn ?? '' },
                { policy: false },
              ),
            );
          const results = await admin.batch(items, { onError: 'continue' });
          if (results.some((x) => !x.ok)) throw new Error('a create failed');
        }
      }),
    );
    await admin.close();
  }
  const batch = { rate: median(batches.map((f) => f.rate)), cpuUs: median(batches.map((f) => f.cpuUs)) };
  const floor = { rate: median(floors.map((f) => f.rate)), cpuUs: median(floors.map((f) => f.cpuUs)) };
  const engine = { rate: median(engines.map((f) => f.rate)), cpuUs: median(engines.map((f) => f.cpuUs)) };
  const jsonEngine = {
    rate: median(jsonEngines.map((f) => f.rate)),
    cpuUs: median(jsonEngines.map((f) => f.cpuUs)),
  };
  console.log(
    `floor (pre-serialized batches of ${BATCH}, 1 socket)   ${fmt(floor.rate).padStart(7)}/s  client CPU ${fmt(floor.cpuUs, 1)} µs/row`,
  );
  console.log(
    `SDK admin.batch() of ${BATCH}, no engine               ${fmt(batch.rate).padStart(7)}/s  client CPU ${fmt(batch.cpuUs, 1)} µs/row`,
  );
  console.log(
    `bulk engine (defaults, batch ${BATCH}), XML        ${fmt(engine.rate).padStart(7)}/s  client CPU ${fmt(engine.cpuUs, 1)} µs/row  = ${fmt(engine.rate / floor.rate, 2)}× the floor (goal ≥ 0.8×)`,
  );
  console.log(
    `bulk engine (defaults, batch ${BATCH}), JSON       ${fmt(jsonEngine.rate).padStart(7)}/s  client CPU ${fmt(jsonEngine.cpuUs, 1)} µs/row  = ${fmt(jsonEngine.rate / floor.rate, 2)}× the floor (goal ≥ 0.8×)`,
  );
} finally {
  await server.close();
}
