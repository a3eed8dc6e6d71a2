// STUB: replaced by the real pec backend. Keep these exports.
import type { SubBackend } from '../backend-types.ts';

/** The pec part of a seed. */
export type PecSeed = Record<string, unknown>;

export const pecSeeds = {
  demo: (): PecSeed => ({}),
  empty: (): PecSeed => ({}),
};

export function createPecBackend(_seed: PecSeed): SubBackend {
  return {
    handle: async () => new Response('not implemented', { status: 501 }),
    reset() {},
    expireTokens() {},
  };
}
