// Parse + validate of a 10,000-account SearchDirectoryResponse recorded from the mock, in XML and in
// JSON, each against its floor in the same run: bare fast-xml-parser with its fastest options for XML,
// JSON.parse alone for JSON. Prints figures; asserts nothing.
//   node --import tsx bench/zimbra-parse.ts
import { resolveSeed, startMockServer } from '@casella/mock-server';
import { XMLParser } from 'fast-xml-parser';
import { zimbraSeeds } from '../mock-server/src/zimbra/index.ts';
import { expectResponse } from '../sdk/src/zimbra/parse.ts';
import { SearchDirectoryResponse } from '../sdk/src/zimbra/schemas.ts';
import { decodeJson } from '../sdk/src/zimbra/wire/json.ts';
import { decodeXml } from '../sdk/src/zimbra/wire/xml.ts';

const SIZE = Number(process.env.SIZE ?? 10_000);
const RUNS = 7;
const PASSWORD = 'Casella-Demo-1!';
const SOAP = 'http://www.w3.org/2003/05/soap-envelope';

async function recorded(): Promise<{ xml: string; json: string }> {
  const mock = await startMockServer({
    seed: { zimbra: zimbraSeeds.bulk(SIZE), pec: resolveSeed('empty').pec },
  });
  const post = async (body: string) =>
    (
      await fetch(`${mock.url}/service/admin/soap`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/soap+xml' },
      })
    ).text();
  try {
    const auth = await post(
      `<soap:Envelope xmlns:soap="${SOAP}"><soap:Body><AuthRequest xmlns="urn:zimbraAdmin"><name>admin@example.com</name><password>${PASSWORD}</password></AuthRequest></soap:Body></soap:Envelope>`,
    );
    const token = /<authToken>([^<]+)</.exec(auth)?.[1] ?? '';
    const search = { domain: 'bulk.example.com', types: 'accounts', limit: SIZE, offset: 0, maxResults: 0 };
    const xml = await post(
      `<soap:Envelope xmlns:soap="${SOAP}"><soap:Header><context xmlns="urn:zimbra"><authToken>${token}</authToken></context></soap:Header><soap:Body><SearchDirectoryRequest xmlns="urn:zimbraAdmin" domain="bulk.example.com" types="accounts" limit="${SIZE}" offset="0" maxResults="0"/></soap:Body></soap:Envelope>`,
    );
    const json = await post(
      JSON.stringify({
        Header: { context: { _jsns: 'urn:zimbra', authToken: { _content: token } } },
        Body: { SearchDirectoryRequest: { _jsns: 'urn:zimbraAdmin', ...search } },
      }),
    );
    return { xml, json };
  } finally {
    await mock.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const LISTED = new Set(['a', 'account']);
const bare = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: true,
  jPath: false,
  isArray: (name: string, _p: unknown, _l: boolean, attr: boolean) => !attr && LISTED.has(name),
});

const { xml, json } = await recorded();
const sdkXml = () => {
  const m = decodeXml(xml);
  if (m === undefined) throw new Error('not an envelope');
  return expectResponse(m, 'SearchDirectoryRequest', SearchDirectoryResponse);
};
const sdkJson = () => {
  const m = decodeJson(json);
  if (m === undefined) throw new Error('not an envelope');
  return expectResponse(m, 'SearchDirectoryRequest', SearchDirectoryResponse);
};
if (sdkXml().accounts.length !== SIZE || sdkJson().accounts.length !== SIZE) throw new Error('wrong count');
if (JSON.stringify(sdkXml().accounts[5]) !== JSON.stringify(sdkJson().accounts[5]))
  throw new Error('XML and JSON differ');

const figures: Record<string, number[]> = { bareXml: [], sdkXml: [], jsonParse: [], sdkJson: [] };
for (let i = 0; i < RUNS; i++) {
  // Interleaved, so that a load spike on the shared machine hits every row alike.
  figures.bareXml?.push(time(() => bare.parse(xml)));
  figures.sdkXml?.push(time(sdkXml));
  figures.jsonParse?.push(time(() => JSON.parse(json)));
  figures.sdkJson?.push(time(sdkJson));
}
const m = (k: string) => median(figures[k] ?? []);
const fmt = (v: number, d = 0) =>
  v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(
  `SearchDirectoryResponse of ${fmt(SIZE)} accounts: XML ${fmt(xml.length / 2 ** 20, 1)} MiB, JSON ${fmt(json.length / 2 ** 20, 1)} MiB; median of ${RUNS}\n`,
);
console.log('| path | ms | vs its floor |');
console.log('| --- | ---: | ---: |');
console.log(
  `| floor: bare fast-xml-parser (isArray by name, jPath off, no prefixes) | ${fmt(m('bareXml'))} | 1.00× |`,
);
console.log(
  `| Casella XML: structure check + parse + typed Accounts | ${fmt(m('sdkXml'))} | ${fmt(m('sdkXml') / m('bareXml'), 2)}× |`,
);
console.log(`| floor: JSON.parse alone | ${fmt(m('jsonParse'))} | 1.00× |`);
console.log(
  `| Casella JSON: JSON.parse + typed Accounts | ${fmt(m('sdkJson'))} | ${fmt(m('sdkJson') / m('jsonParse'), 2)}× |`,
);
console.log('\ngoals: XML ≤ 1.1× bare fast-xml-parser; JSON ≤ 1.5× JSON.parse');
