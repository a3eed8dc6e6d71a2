import { readFileSync } from 'node:fs';
import { pecSeeds } from './pec/index.ts';
import { zimbraSeeds } from './zimbra/index.ts';

/** Named seeds that ship with the mock. */
export type SeedName = 'demo' | 'empty';

/** The whole starting state: one part per backend. A JSON seed file has this shape. */
export interface MockSeed {
  /** The Zimbra directory: a `ZimbraSeed`. */
  readonly zimbra: unknown;
  /** The PEC domains: a `PecSeed`. */
  readonly pec: unknown;
}

/** Resolves `demo`, `empty`, a seed object, or (from the CLI) a path to a JSON seed file. */
export function resolveSeed(seed: SeedName | MockSeed | string): MockSeed {
  if (typeof seed !== 'string') return seed;
  if (seed === 'demo') return { zimbra: zimbraSeeds.demo(), pec: pecSeeds.demo() };
  if (seed === 'empty') return { zimbra: zimbraSeeds.empty(), pec: pecSeeds.empty() };
  const parsed: unknown = JSON.parse(readFileSync(seed, 'utf8'));
  // A typo such as `zimbr` would otherwise load silently as an empty directory.
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new TypeError(`seed file ${seed}: must be a JSON object with "zimbra" and/or "pec"`);
  }
  const unknown = Object.keys(parsed).filter((key) => key !== 'zimbra' && key !== 'pec');
  if (unknown.length > 0) {
    throw new TypeError(`seed file ${seed}: unknown member "${unknown[0]}" (a seed has "zimbra" and "pec")`);
  }
  const file = parsed as Partial<MockSeed>;
  return { zimbra: file.zimbra ?? zimbraSeeds.empty(), pec: file.pec ?? pecSeeds.empty() };
}
