import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../tui/src', import.meta.url));

/** Every .ts/.tsx file under `dir`, as absolute paths. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The relative imports of one file (static, type-only and dynamic), resolved to absolute paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] as string);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => resolve(dirname(file), s));
}

/** Files of `from` that import anything under one of `forbidden`, as `file → import` lines. */
function crossings(from: string, forbidden: readonly string[]): string[] {
  return sourcesUnder(join(SRC, from)).flatMap((file) =>
    importsOf(file)
      .filter((target) => forbidden.some((dir) => target.startsWith(join(SRC, dir) + '/')))
      .map((target) => `${relative(SRC, file)} → ${relative(SRC, target)}`),
  );
}

describe('the TUI keeps views on one side of its state', () => {
  it('has no file under state/ that imports a view from screens/ or components/', () => {
    expect(crossings('state', ['screens', 'components', 'hooks'])).toEqual([]);
  });

  it('has no file under services/ or keys/ that imports a view or a hook', () => {
    expect(crossings('services', ['screens', 'components', 'hooks'])).toEqual([]);
    expect(crossings('keys', ['state', 'screens', 'components', 'hooks'])).toEqual([]);
  });

  it('finds the imports it checks (the scan is not blind)', () => {
    // A view is known to import state: if the scan saw nothing, the checks above would prove nothing.
    expect(crossings('screens', ['state']).length).toBeGreaterThan(0);
  });
});
