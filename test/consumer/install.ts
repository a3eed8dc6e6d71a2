// Packs the workspace's packages as `npm publish` would and installs the tarballs into a fresh project
// outside the workspace: what a user gets. Shared by the consumer test and bench/startup.ts.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the repository. */
export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** The workspace folders and their package names. */
export const PACKAGES = {
  sdk: '@casella/sdk',
  'mock-server': '@casella/mock-server',
  tui: 'casella',
} as const;
export type Workspace = keyof typeof PACKAGES;

/** Tarballs of the built workspaces (run `npm run build` first), in a new temporary folder. */
export function packWorkspaces(): { readonly dir: string; readonly files: Record<Workspace, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'casella-tarballs-'));
  const workspaces = Object.keys(PACKAGES).flatMap((w) => ['-w', w]);
  execFileSync('npm', ['pack', '--silent', '--pack-destination', dir, ...workspaces], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const tgz = readdirSync(dir);
  const find = (prefix: string) => {
    const file = tgz.find((f) => f.startsWith(prefix));
    if (!file) throw new Error(`npm pack made no ${prefix}*.tgz in ${dir}`);
    return join(dir, file);
  };
  return {
    dir,
    files: { sdk: find('casella-sdk-'), 'mock-server': find('casella-mock-server-'), tui: find('casella-0') },
  };
}

/** A new project in the temporary folder with `specs` (tarball paths or registry specs) installed. */
export function installProject(specs: readonly string[], fixture?: string): string {
  const project = mkdtempSync(join(tmpdir(), 'casella-consumer-'));
  if (fixture) cpSync(fixture, project, { recursive: true });
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'consumer', private: true, type: 'module' })}\n`,
  );
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...specs],
    {
      cwd: project,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return project;
}

/** Removes folders made by the functions above. */
export function removeAll(...dirs: readonly string[]): void {
  for (const dir of dirs) if (dir) rmSync(dir, { recursive: true, force: true });
}
