// The PEC client against hostile answers: time to refusal and peak RSS above baseline, for a 100 MiB
// plain answer and a gzip answer that inflates to 300 MiB, against the unbounded read the client did
// before (fetch + response.text()) in the same run. Prints figures; asserts nothing.
//   node --import tsx bench/pec-hostile.ts
// Goal (issue 10): refused in < 1 s with a peak < 150 MiB above baseline.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { PecPostmaster } from '@casella/sdk';

const MiB = 1024 * 1024;
const PLAIN_BYTES = 100 * MiB;
const INFLATED_BYTES = 300 * MiB;
const self = fileURLToPath(import.meta.url);

const SESSION = JSON.stringify({
  token: 'bench-token',
  tokenType: 'Bearer',
  expiresIn: 3600,
  domain: 'pec.example.it',
  principal: { address: 'postmaster@pec.example.it', role: 'postmaster' },
});

/** The hostile server, in its own process so that its buffers do not count in the client's RSS. */
async function serve(): Promise<void> {
  const bomb = gzipSync(Buffer.alloc(INFLATED_BYTES, 0x20), { level: 9 });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const server = createServer((req, res) => {
    req.resume();
    const mode = (req.url ?? '').split('/')[1];
    if (mode === 'ok') {
      res.writeHead(201, { 'content-type': 'application/json' }).end(SESSION);
    } else if (mode === 'gzip') {
      res.writeHead(201, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(bomb);
    } else {
      // No Content-Length: the client cannot refuse before reading, it must count.
      res.writeHead(201, { 'content-type': 'application/json' });
      let sent = 0;
      const pump = () => {
        while (sent < PLAIN_BYTES && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (!res.destroyed) res.end();
      };
      pump();
    }
  });
  server.listen(0, '127.0.0.1', () => {
    console.log(JSON.stringify({ port: (server.address() as AddressInfo).port, bombBytes: bomb.length }));
  });
}

/** One measured case, in a fresh process: seconds to the outcome and peak RSS above the warm baseline. */
async function measure(base: string, mode: string, way: string): Promise<void> {
  const login = (path: string) =>
    PecPostmaster.login({
      url: `${base}/${path}/pec`,
      username: 'postmaster@pec.example.it',
      password: 'Bench-Pass-42!',
      timeoutMs: 60_000,
    });
  await login('ok'); // loads every module and warms the connection pool
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const started = performance.now();
  let outcome: string;
  try {
    if (way === 'casella') await login(mode);
    else await (await fetch(`${base}/${mode}/pec/v1/sessions`, { method: 'POST', body: '{}' })).text();
    outcome = 'accepted';
  } catch (error) {
    outcome = `${(error as Error).name} ${(error as { code?: string }).code ?? ''}`.trim();
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  // maxRSS (KiB) also sees peaks between two samples.
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  console.log(JSON.stringify({ seconds, peakAboveBaseline: peak - baseline, outcome }));
}

async function main(): Promise<void> {
  const server = spawn(process.execPath, ['--import', 'tsx', self, '--serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<{ port: number; bombBytes: number }>((resolve) => {
    server.stdout.once('data', (data: Buffer) => resolve(JSON.parse(data.toString())));
  });
  const base = `http://127.0.0.1:${ready.port}`;
  console.log(`load: ${spawnSync('uptime', { encoding: 'utf8' }).stdout.trim()}`);
  console.log(
    `answers: plain ${PLAIN_BYTES / MiB} MiB; gzip ${(ready.bombBytes / 1024).toFixed(0)} KiB inflating to ${INFLATED_BYTES / MiB} MiB`,
  );
  console.log('case                 client                      time      peak RSS above baseline  outcome');
  try {
    for (const mode of ['plain', 'gzip']) {
      for (const way of ['casella', 'unbounded fetch().text()']) {
        const run = spawnSync(
          process.execPath,
          [
            '--expose-gc',
            '--import',
            'tsx',
            self,
            '--measure',
            base,
            mode,
            way === 'casella' ? 'casella' : 'text',
          ],
          { encoding: 'utf8' },
        );
        const line = run.stdout.trim().split('\n').at(-1) ?? '';
        let figures: { seconds: number; peakAboveBaseline: number; outcome: string };
        try {
          figures = JSON.parse(line);
        } catch {
          console.log(
            `${mode.padEnd(20)} ${way.padEnd(27)} failed: ${run.stderr.split('\n').slice(-3).join(' ')}`,
          );
          continue;
        }
        const goal =
          way === 'casella'
            ? figures.seconds < 1 && figures.peakAboveBaseline < 150 * MiB
              ? '  (goal met)'
              : '  (GOAL MISSED)'
            : '';
        console.log(
          `${mode.padEnd(20)} ${way.padEnd(27)} ${figures.seconds.toFixed(3).padStart(7)} s  ${(figures.peakAboveBaseline / MiB).toFixed(1).padStart(9)} MiB              ${figures.outcome}${goal}`,
        );
      }
    }
  } finally {
    server.kill('SIGTERM');
  }
}

const [, , flag, ...rest] = process.argv;
if (flag === '--serve') await serve();
else if (flag === '--measure') await measure(rest[0] ?? '', rest[1] ?? '', rest[2] ?? '');
else await main();
