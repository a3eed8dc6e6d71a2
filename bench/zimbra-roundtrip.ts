// The round-trip property of test/sdk/zimbra-roundtrip.property.test.ts at volume: COUNT generated values
// per operation (default 100,000) through the mock, over XML (WIRE=json for JSON). Prints the outcome
// counts; a single `changed` is a silent change and makes the exit code 1.
//   COUNT=100000 node --import tsx bench/zimbra-roundtrip.ts
import { startMockServer } from '@casella/mock-server';
import { ZimbraAdmin } from '@casella/sdk';
import fc from 'fast-check';
import {
  nameString,
  namesRoundTrip,
  type Outcome,
  passwordRoundTrip,
  trickyString,
} from '../test/sdk/zimbra-roundtrip.ts';

const COUNT = Number(process.env.COUNT ?? 100_000);
const PASSWORD_COUNT = Number(process.env.PASSWORD_COUNT ?? COUNT);
const wire = process.env.WIRE === 'json' ? 'json' : 'xml';
const OWNER = 'mario.rossi@example.com';

const mock = await startMockServer({ seed: 'demo' });
const admin = await ZimbraAdmin.login({
  url: mock.url,
  username: 'admin@example.com',
  password: 'Casella-Demo-1!',
  wire,
});
const id = (await admin.accounts.get(OWNER)).id;

async function run(
  label: string,
  count: number,
  one: (sample: never) => Promise<Outcome>,
  arb: fc.Arbitrary<unknown>,
) {
  const seen: Record<Outcome, number> = { kept: 0, refused: 0, serverRefused: 0, changed: 0 };
  const t0 = performance.now();
  for (const sample of fc.sample(arb, count)) seen[await one(sample as never)] += 1;
  const s = (performance.now() - t0) / 1000;
  console.log(
    `| ${label} | ${count.toLocaleString('en-US')} | ${seen.kept} | ${seen.refused} | ${seen.serverRefused} | ${seen.changed} | ${s.toFixed(0)} s |`,
  );
  return seen.changed;
}

try {
  console.log(
    `wire ${wire}\n\n| operation | values | kept exactly | refused before the wire | refused by the server | silently changed | time |`,
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  let changed = await run(
    'modify givenName+sn+displayName, read back',
    COUNT,
    (v: [string, string, string]) => namesRoundTrip(admin, id, v),
    fc.tuple(nameString(), nameString(), nameString()),
  );
  changed += await run(
    'setPassword, owner logs in with it',
    PASSWORD_COUNT,
    (pw: string) => passwordRoundTrip(admin, mock.url, id, OWNER, pw),
    fc.tuple(trickyString(6), fc.constantFrom('Aa1!', 'Zz9?x')).map(([s, t]) => `${s}${t}`),
  );
  process.exitCode = changed === 0 ? 0 : 1;
} finally {
  await admin.close();
  await mock.close();
}
