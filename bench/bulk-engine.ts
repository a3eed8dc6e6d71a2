// The bulk engine against one mock process (a child process, so client and server do not share a thread):
// 10,000 creates with the engine's defaults and its best setting, a sequential accounts.create loop,
// js-zimbra@1.0.0-beta.6's one-request-per-account loop (the JS peer, JSON SOAP),
// and the floor (pre-serialized BatchRequest bodies POSTed over one keep-alive connection with a token
// in hand), in the same run; then the same 10,000 under 10% faults (half of them lost answers) and
// token expiry every 5 s, against the fault-free run. Prints figures; asserts nothing.
//   node --conditions=@casella/source --import tsx bench/bulk-engine.ts      (BULK_N=2000 for a quick run)
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { pecSeeds, zimbraSeeds } from '@casella/mock-server';
import { type BulkOutcome, type BulkRow, createBulk, ZimbraAdmin } from '@casella/sdk';
import { Agent, request } from 'undici';
import { JsZimbra } from '../test/foreign/js-zimbra-client.ts';

const N = Number(process.env.BULK_N ?? 10_000);
const SWEEP_N = Math.min(N, Number(process.env.BULK_SWEEP_N ?? 1_000));
const DOMAIN = 'bulk.example.com';
const ADMIN = { username: 'admin@example.com', password: 'Casella-Demo-1!' };
const PASSWORD = 'Bench-Pass-42!';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

/** Starts casella-mock in its own process on a free port with the demo seed plus the unlimited bulk domain. */
async function startMock(): Promise<{ url: string; child: ChildProcess; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'casella-bulk-bench-'));
  const seed = join(dir, 'seed.json');
  writeFileSync(seed, JSON.stringify({ zimbra: zimbraSeeds.bulk(0), pec: pecSeeds.empty() }));
  const child = spawn(
    process.execPath,
    [
      '--conditions=@casella/source',
      '--import',
      'tsx',
      'mock-server/src/cli.ts',
      '--port',
      '0',
      '--seed',
      seed,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [line] = (await once(lines, 'line')) as [string];
  const url = /listening on (\S+)/.exec(line)?.[1];
  if (url === undefined) throw new Error(`unexpected first line from casella-mock: ${line}`);
  return { url, child, dir };
}

async function control(url: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${url}/__mock/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  if (!res.ok) throw new Error(`POST /__mock/${path}: HTTP ${res.status} ${await res.text()}`);
}

function rows(n: number): BulkRow[] {
  return Array.from({ length: n }, (_, i) => ({
    address: `bench${String(i).padStart(6, '0')}@${DOMAIN}`,
    password: PASSWORD,
    givenName: `Nome${i}`,
    sn: `Cognome${i}`,
    type: i % 2 === 0 ? 'Standard' : 'Professional',
  }));
}

interface Figure {
  readonly label: string;
  readonly n: number;
  readonly seconds: number;
  /** This process's CPU (the client). */
  readonly cpuMs: number;
  /** The mock process's CPU: on a busy machine a steadier figure than wall time. */
  readonly serverCpuMs: number;
}

let mockPid = 0;

/** CPU time (user + system) of the mock process so far, from /proc (Linux); NaN elsewhere. */
function serverCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/${mockPid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * Runs `work` on a fresh directory and measures wall time and this process's CPU; `prepare` runs after
 * the reset and before the clock starts (the floor serializes its bodies and logs in there).
 */
async function measure(
  url: string,
  label: string,
  n: number,
  work: () => Promise<void>,
  prepare?: () => Promise<() => Promise<void>>,
): Promise<Figure> {
  await control(url, 'reset');
  if (prepare !== undefined) work = await prepare();
  const cpu = process.cpuUsage();
  const server = serverCpuMs();
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { label, n, seconds, cpuMs: (used.user + used.system) / 1000, serverCpuMs: serverCpuMs() - server };
}

async function login(url: string): Promise<ZimbraAdmin> {
  // A generous timeout: on a loaded machine a batch of 250 creates can take many seconds in the mock.
  return ZimbraAdmin.login({ url, ...ADMIN, timeoutMs: 120_000 });
}

async function engine(
  url: string,
  n: number,
  batchSize: number,
  concurrency: number,
): Promise<BulkOutcome[]> {
  const admin = await login(url);
  try {
    const outcomes: BulkOutcome[] = [];
    for await (const o of createBulk(admin).create(rows(n), { batchSize, concurrency })) outcomes.push(o);
    return outcomes;
  } finally {
    await admin.close();
  }
}

async function sequential(url: string, n: number): Promise<void> {
  const admin = await login(url);
  try {
    const cos = {
      Standard: (await admin.cos.get('Standard')).id,
      Professional: (await admin.cos.get('Professional')).id,
    };
    const policy = await admin.passwordPolicy({ cos: 'Standard' });
    for (const r of rows(n)) {
      await admin.accounts.create(
        {
          name: r.address,
          password: PASSWORD,
          givenName: r.givenName ?? '',
          sn: r.sn ?? '',
          cos: cos[r.type as 'Standard'],
        },
        { policy },
      );
    }
  } finally {
    await admin.close();
  }
}

/** The peer: js-zimbra 1.0.0-beta.6 (JSON SOAP), one CreateAccountRequest per account, as its README shows. */
async function peer(url: string, n: number): Promise<void> {
  const js = new JsZimbra(`${url}/service/admin/soap`);
  await js.login(ADMIN.username, ADMIN.password, 'admin');
  const admin = await login(url);
  const cos = {
    Standard: (await admin.cos.get('Standard')).id,
    Professional: (await admin.cos.get('Professional')).id,
  };
  await admin.close();
  for (const r of rows(n)) {
    const answer = await js.call('CreateAccountRequest', {
      name: r.address,
      password: PASSWORD,
      a: [
        { n: 'givenName', _content: r.givenName ?? '' },
        { n: 'sn', _content: r.sn ?? '' },
        { n: 'zimbraCOSId', _content: cos[r.type as 'Standard'] },
      ],
    });
    if (answer?.CreateAccountResponse === undefined) throw new Error('peer: a create failed');
  }
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The floor: BatchRequest bodies serialized before the clock starts, POSTed in turn over one keep-alive socket. */
async function floor(url: string, n: number, batchSize: number): Promise<() => Promise<void>> {
  const admin = await login(url);
  const cos = {
    Standard: (await admin.cos.get('Standard')).id,
    Professional: (await admin.cos.get('Professional')).id,
  };
  await admin.close();
  const auth = await fetch(`${url}/service/admin/soap`, {
    method: 'POST',
    headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
    body:
      '<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>' +
      `<AuthRequest xmlns="urn:zimbraAdmin"><name>${ADMIN.username}</name><password>${ADMIN.password}</password></AuthRequest>` +
      '</soap:Body></soap:Envelope>',
  });
  const token = /<authToken>([^<]+)<\/authToken>/.exec(await auth.text())?.[1];
  if (token === undefined) throw new Error('floor: no auth token');
  const all = rows(n);
  const bodies: string[] = [];
  for (let i = 0; i < all.length; i += batchSize) {
    const items = all
      .slice(i, i + batchSize)
      .map(
        (r, k) =>
          `<CreateAccountRequest xmlns="urn:zimbraAdmin" requestId="${k}"><name>${xml(r.address)}</name>` +
          `<password>${xml(PASSWORD)}</password><a n="givenName">${xml(r.givenName ?? '')}</a>` +
          `<a n="sn">${xml(r.sn ?? '')}</a><a n="zimbraCOSId">${cos[r.type as 'Standard']}</a></CreateAccountRequest>`,
      );
    bodies.push(
      '<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header>' +
        `<context xmlns="urn:zimbra"><authToken>${token}</authToken></context></soap:Header><soap:Body>` +
        `<BatchRequest xmlns="urn:zimbra" onerror="continue">${items.join('')}</BatchRequest></soap:Body></soap:Envelope>`,
    );
  }
  const agent = new Agent({ connections: 1, keepAliveTimeout: 10_000 });
  return async () => {
    for (const body of bodies) {
      const res = await request(`${url}/service/admin/soap`, {
        method: 'POST',
        headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
        body,
        dispatcher: agent,
      });
      const text = await res.body.text();
      if (res.statusCode !== 200 || text.includes('<soap:Fault')) throw new Error(`floor: a create failed`);
    }
    await agent.close();
  };
}

async function countAccounts(url: string): Promise<number> {
  const admin = await login(url);
  try {
    return await admin.accounts.count({ domain: DOMAIN });
  } finally {
    await admin.close();
  }
}

function line(f: Figure, floorRate?: number): string {
  const rate = f.n / f.seconds;
  const vsFloor = floorRate === undefined ? '' : `  ${fmt(rate / floorRate, 2)}× the floor's rate`;
  const server = `server CPU ${fmt((f.serverCpuMs * 1000) / f.n, 0).padStart(5)} µs/row`;
  return `${f.label.padEnd(50)} ${fmt(f.n).padStart(6)} rows ${fmt(f.seconds, 2).padStart(7)} s ${fmt(rate).padStart(6)}/s  client CPU ${fmt((f.cpuMs * 1000) / f.n, 0).padStart(4)} µs/row  ${server}${vsFloor}`;
}

const { url, child, dir } = await startMock();
mockPid = child.pid ?? 0;
try {
  console.log(
    `bulk engine vs one casella-mock process (${url}); load before: ${loadavg()
      .map((l) => fmt(l, 2))
      .join(' ')}`,
  );

  // Which setting is best: a sweep at SWEEP_N rows.
  const sweep: { batchSize: number; concurrency: number; rate: number }[] = [];
  for (const batchSize of [50, 100, 250]) {
    for (const concurrency of [1, 2, 4]) {
      const f = await measure(url, `engine b=${batchSize} c=${concurrency}`, SWEEP_N, async () => {
        await engine(url, SWEEP_N, batchSize, concurrency);
      });
      sweep.push({ batchSize, concurrency, rate: SWEEP_N / f.seconds });
      console.log(`  sweep ${line(f)}`);
    }
  }
  const best = sweep.reduce((a, b) => (b.rate > a.rate ? b : a));

  const figures: Figure[] = [];
  const floorFig = await measure(
    url,
    'floor: pre-serialized batches of 100, 1 socket',
    N,
    async () => {},
    () => floor(url, N, 100),
  );
  const floorRate = N / floorFig.seconds;
  figures.push(floorFig);
  const defaults = await measure(url, 'engine, defaults (batch 100, concurrency 2)', N, async () => {
    await engine(url, N, 100, 2);
  });
  figures.push(defaults);
  figures.push(
    await measure(
      url,
      `engine, best (batch ${best.batchSize}, concurrency ${best.concurrency})`,
      N,
      async () => {
        await engine(url, N, best.batchSize, best.concurrency);
      },
    ),
  );
  figures.push(await measure(url, 'sequential accounts.create loop', N, () => sequential(url, N)));
  const peerFig = await measure(url, 'js-zimbra 1.0.0-beta.6 (JSON), one per account', N, () => peer(url, N));
  figures.push(peerFig);
  console.log('');
  for (const f of figures) console.log(line(f, floorRate));
  const peerRate = N / peerFig.seconds;
  console.log(
    `engine defaults = ${fmt(N / defaults.seconds / peerRate, 1)}× the peer's loop (goal ≥ 20×); ` +
      `engine defaults take ${fmt(defaults.seconds / floorFig.seconds, 2)}× the floor's time (goal ≤ 1.25×)`,
  );

  // 10% faults, half of them answers lost after the write, and every token expired every 5 s.
  const outcomes: BulkOutcome[] = [];
  await control(url, 'reset');
  await control(url, 'faults', { failureRate: 0.05, failureMode: 'reset', lostAnswerRate: 0.05 });
  const expiry = setInterval(() => void control(url, 'expire-tokens').catch(() => undefined), 5_000);
  const faultServer = serverCpuMs();
  const started = performance.now();
  const admin = await login(url);
  for await (const o of createBulk(admin).create(rows(N))) outcomes.push(o); // the engine's defaults
  const faultSeconds = (performance.now() - started) / 1000;
  const faultServerUs = ((serverCpuMs() - faultServer) * 1000) / N;
  clearInterval(expiry);
  await admin.close();
  const faultRes = await fetch(`${url}/__mock/stats`);
  const injected = (await faultRes.json()) as Record<string, number>;
  await control(url, 'faults', { failureRate: 0, lostAnswerRate: 0 });
  const accounts = await countAccounts(url);
  const byAddress = new Map<string, number>();
  for (const o of outcomes) byAddress.set(o.address, (byAddress.get(o.address) ?? 0) + 1);
  const duplicates = [...byAddress.values()].filter((c) => c > 1).length + Math.max(0, accounts - N);
  const created = outcomes.filter((o) => o.kind === 'created').length;
  const lost = N - accounts;
  console.log('');
  console.log(
    `under 10% faults (5% resets before the mock acts, 5% answers lost after it acted) + token expiry every 5 s:`,
  );
  console.log(
    `  ${fmt(N)} rows in ${fmt(faultSeconds, 2)} s = ${fmt(faultSeconds / defaults.seconds, 2)}× the fault-free defaults run (${fmt(defaults.seconds, 2)} s); server CPU ${fmt(faultServerUs)} µs/row against ${fmt((defaults.serverCpuMs * 1000) / N)}`,
  );
  console.log(
    `  created ${fmt(created)}, accounts in the domain ${fmt(accounts)}, duplicates ${duplicates}, lost ${lost}, other outcomes ${outcomes.length - created}, read-backs ${outcomes.filter((o) => o.readBack).length}`,
  );
  console.log(`  the mock injected: ${JSON.stringify(injected)}`);
  console.log(
    `load after: ${loadavg()
      .map((l) => fmt(l, 2))
      .join(' ')}`,
  );
} finally {
  child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
