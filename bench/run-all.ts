// Runs every benchmark in this folder, one after the other, each in its own process.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run-all.ts')
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const run = spawnSync(
    process.execPath,
    ['--conditions=@casella/source', '--import', 'tsx', join(here, file)],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) failed += 1;
}
process.exitCode = failed === 0 ? 0 : 1;
