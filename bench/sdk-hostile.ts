// Time and peak RSS of the Zimbra SDK given a 100 MiB answer and a 300 MiB-inflating gzip answer from
// a server in its own process. Goal: refused in < 1 s, peak < 150 MiB above the baseline. Prints figures.
//   node --import tsx bench/sdk-hostile.ts
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ZimbraAdmin } from '@casella/sdk';
import { startChildServer } from './support/child-server.ts';

const MiB = 1024 * 1024;
const here = dirname(fileURLToPath(import.meta.url));
const server = await startChildServer(join(here, 'support', 'hostile-server.ts'));

async function attempt(label: string, path: string): Promise<void> {
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const t0 = performance.now();
  let outcome: string;
  try {
    await ZimbraAdmin.login({
      url: `${server.url}${path}`,
      username: 'admin@example.com',
      password: 'Bench-Hostile-1!',
      retries: 0,
    });
    outcome = 'ACCEPTED (bad)';
  } catch (error) {
    outcome = `${(error as Error).name} ${(error as { code?: string }).code ?? ''}`.trim();
  }
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `| ${label} | ${outcome} | ${ms.toFixed(0)} ms | ${((peak - baseline) / MiB).toFixed(1)} MiB |`,
  );
}

try {
  console.log(`gzip bomb on the wire: ${(Number(server.extra) / 1024).toFixed(0)} KiB\n`);
  console.log('| answer | outcome | time to refusal | peak RSS above baseline |');
  console.log('| --- | --- | ---: | ---: |');
  for (let i = 0; i < 2; i++) {
    await attempt('100 MiB plain answer (default limit 32 MiB)', '/big');
    await attempt('gzip inflating to 300 MiB (default limit 32 MiB)', '/bomb');
  }
  console.log('\ngoal: refused in < 1 s, peak < 150 MiB above baseline');
} finally {
  await server.stop();
}
