#!/usr/bin/env node
// tsc rewrites `./x.ts` imports to `./x.js` in emitted JavaScript but keeps `.ts` in declaration files.
// TypeScript 5.7+ reads those, older compilers and other tools may not: point them at `.js` as well.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RELATIVE_TS = /(from\s+|import\s*\(\s*)(['"])(\.{1,2}\/[^'"]+?)\.ts(x?)\2/g;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.d.ts')) {
      const text = readFileSync(path, 'utf8');
      const fixed = text.replace(RELATIVE_TS, (_, lead, quote, spec) => `${lead}${quote}${spec}.js${quote}`);
      if (fixed !== text) writeFileSync(path, fixed);
    }
  }
}

for (const pkg of ['sdk', 'mock-server', 'tui']) walk(new URL(`../${pkg}/dist`, import.meta.url).pathname);
