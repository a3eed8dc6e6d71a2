import { DEMO_COS_IDS, DEMO_PASSWORD, demoSeed } from './seed-demo.ts';
import type { ZimbraSeed } from './seed-types.ts';

/** The bulk domain's name. */
export const BULK_DOMAIN = 'bulk.example.com';

/**
 * The demo seed plus `bulk.example.com` holding `n` Standard accounts `user000001@bulk.example.com`…,
 * all with the demo password, for benchmarks.
 */
export function bulkSeed(n: number): ZimbraSeed {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`bulk seed size must be a non-negative integer, got ${n}`);
  const demo = demoSeed();
  return {
    ...demo,
    domains: [
      ...(demo.domains ?? []),
      {
        id: '7d9a1f3b-4e6c-4a8d-8f2b-3c5e7a9b1d33',
        name: BULK_DOMAIN,
        attrs: { zimbraDomainStatus: 'active', zimbraDomainDefaultCOSId: DEMO_COS_IDS.Standard },
      },
    ],
    generated: [
      {
        domain: BULK_DOMAIN,
        count: n,
        prefix: 'user',
        digits: Math.max(6, String(n).length),
        cos: 'Standard',
        password: DEMO_PASSWORD,
      },
    ],
  };
}
