import { readFileSync } from 'node:fs';
import { pecSeeds } from './pec/index.ts';
import { zimbraSeeds } from './zimbra/index.ts';

/** Named seeds that ship with the mock. */
export type SeedName = 'demo' | 'empty';

/** The whole starting state: one part per backend. A JSON seed file has this shape. */
export interface MockSeed {
  readonly zimbra: unknown;
  readonly pec: unknown;
}

/** Resolves `demo`, `empty`, a seed object, or (from the CLI) a path to a JSON seed file. */
export function resolveSeed(seed: SeedName | MockSeed | string): MockSeed {
  if (typeof seed !== 'string') return seed;
  if (seed === 'demo') return { zimbra: zimbraSeeds.demo(), pec: pecSeeds.demo() };
  if (seed === 'empty') return { zimbra: zimbraSeeds.empty(), pec: pecSeeds.empty() };
  const parsed = JSON.parse(readFileSync(seed, 'utf8')) as Partial<MockSeed>;
  return { zimbra: parsed.zimbra ?? zimbraSeeds.empty(), pec: parsed.pec ?? pecSeeds.empty() };
}
