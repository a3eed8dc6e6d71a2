// Benchmark of the Zimbra SDK against the mock over real HTTP. Prints figures; asserts nothing.
//   node --import tsx bench/zimbra-sdk.ts
import { performance } from 'node:perf_hooks';
import { resolveSeed, startMockServer } from '@casella/mock-server';
import { ZimbraAdmin, zimbraBatch } from '@casella/sdk';
import { XMLParser } from 'fast-xml-parser';
import { zimbraSeeds } from '../mock-server/src/zimbra/index.ts';
import { readEnvelope as parseXml, readResponse } from '../sdk/src/zimbra/parse.ts';
import { SearchDirectoryResponse } from '../sdk/src/zimbra/schemas.ts';

const PASSWORD = 'Casella-Demo-1!';
const NEW_PASSWORD = 'Bench-Pass-42!';
const CREATES = 500;
const SEARCH_SIZE = 10_000;
const RUNS = 7;

/** The demo directory plus `bulk.example.com` (no slot limits) holding `n` accounts. */
const bulkSeed = (n: number) => ({ zimbra: zimbraSeeds.bulk(n), pec: resolveSeed('empty').pec });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

/** Creates CREATES accounts on a fresh mock with `run`, and returns accounts per second. */
async function createRate(run: (admin: ZimbraAdmin, names: string[]) => Promise<number>): Promise<number> {
  const mock = await startMockServer({ seed: bulkSeed(0) });
  const admin = await ZimbraAdmin.login({ url: mock.url, username: 'admin@example.com', password: PASSWORD });
  try {
    // Warm the COS/policy cache so both ways time only the creates.
    await admin.passwordPolicy({ cos: 'Standard' });
    const names = Array.from(
      { length: CREATES },
      (_, i) => `bench${String(i).padStart(4, '0')}@bulk.example.com`,
    );
    const started = performance.now();
    const created = await run(admin, names);
    const seconds = (performance.now() - started) / 1000;
    if (created !== CREATES) throw new Error(`created ${created} of ${CREATES}`);
    return created / seconds;
  } finally {
    await admin.close();
    await mock.close();
  }
}

async function oneByOne(admin: ZimbraAdmin, names: string[]): Promise<number> {
  for (const name of names) await admin.accounts.create({ name, password: NEW_PASSWORD, cos: 'Standard' });
  return names.length;
}

function batched(size: number) {
  return async (admin: ZimbraAdmin, names: string[]): Promise<number> => {
    let ok = 0;
    for (let i = 0; i < names.length; i += size) {
      const items = names
        .slice(i, i + size)
        .map((name) => zimbraBatch.createAccount({ name, password: NEW_PASSWORD, cos: 'Standard' }));
      ok += (await admin.batch(items)).filter((r) => r.ok).length;
    }
    return ok;
  };
}

/** The bytes of a real SearchDirectoryResponse for SEARCH_SIZE accounts, as the mock sends them. */
async function searchBytes(): Promise<string> {
  const mock = await startMockServer({ seed: bulkSeed(SEARCH_SIZE) });
  try {
    const auth = await post(
      mock.url,
      `<AuthRequest xmlns="urn:zimbraAdmin"><name>admin@example.com</name><password>${PASSWORD}</password></AuthRequest>`,
    );
    const token = /<authToken>([^<]+)<\/authToken>/.exec(auth)?.[1] ?? '';
    return await post(
      mock.url,
      `<SearchDirectoryRequest xmlns="urn:zimbraAdmin" domain="bulk.example.com" types="accounts" limit="${SEARCH_SIZE}" offset="0" maxResults="0"/>`,
      token,
    );
  } finally {
    await mock.close();
  }
}

async function post(url: string, body: string, token?: string): Promise<string> {
  const header = token
    ? `<soap:Header><context xmlns="urn:zimbra"><authToken>${token}</authToken></context></soap:Header>`
    : '';
  const res = await fetch(`${url}/service/admin/soap`, {
    method: 'POST',
    headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
    body: `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope">${header}<soap:Body>${body}</soap:Body></soap:Envelope>`,
  });
  return res.text();
}

function timeMs(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

console.log(`Zimbra SDK benchmark (node ${process.version}, ${RUNS} runs for parsing)\n`);

console.log(`(a) creating ${CREATES} accounts over HTTP, fresh mock each way`);
const sequential = await createRate(oneByOne);
console.log(`    one CreateAccountRequest each : ${fmt(sequential, 0)} accounts/s`);
const batch100 = await createRate(batched(100));
console.log(`    BatchRequest of 100 (x5)      : ${fmt(batch100, 0)} accounts/s`);
const batch500 = await createRate(batched(CREATES));
console.log(
  `    one BatchRequest of ${CREATES}      : ${fmt(batch500, 0)} accounts/s (${fmt(batch500 / sequential)}x one by one)`,
);

console.log(`\n(b) a ${fmt(SEARCH_SIZE, 0)}-account SearchDirectoryResponse`);
const xml = await searchBytes();
const sdk = readResponse(xml, 'SearchDirectoryRequest', SearchDirectoryResponse);
if (sdk.accounts.length !== SEARCH_SIZE)
  throw new Error(`expected ${SEARCH_SIZE} accounts, got ${sdk.accounts.length}`);
console.log(`    ${fmt(xml.length / 1024 / 1024, 2)} MiB, ${fmt(sdk.accounts.length, 0)} accounts`);
const bare = new XMLParser({ ignoreAttributes: false });
const bareMs: number[] = [];
const parseMs: number[] = [];
const fullMs: number[] = [];
for (let i = 0; i < RUNS; i++) {
  bareMs.push(timeMs(() => bare.parse(xml)));
  parseMs.push(timeMs(() => parseXml(xml)));
  fullMs.push(timeMs(() => readResponse(xml, 'SearchDirectoryRequest', SearchDirectoryResponse)));
}
const b = median(bareMs);
const p = median(parseMs);
const f = median(fullMs);
console.log(`    bare fast-xml-parser (defaults + attributes) : ${fmt(b)} ms`);
console.log(`    SDK parser options only                      : ${fmt(p)} ms`);
console.log(`    SDK parse + zod validation + typed Accounts  : ${fmt(f)} ms (${fmt(f / b, 2)}x bare)`);
