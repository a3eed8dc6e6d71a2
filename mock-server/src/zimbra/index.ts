// STUB: replaced by the real zimbra backend. Keep these exports.
import type { SubBackend } from '../backend-types.ts';

/** The zimbra part of a seed. */
export type ZimbraSeed = Record<string, unknown>;

export const zimbraSeeds = {
  demo: (): ZimbraSeed => ({}),
  empty: (): ZimbraSeed => ({}),
};

export function createZimbraBackend(_seed: ZimbraSeed): SubBackend {
  return {
    handle: async () => new Response('not implemented', { status: 501 }),
    reset() {},
    expireTokens() {},
  };
}
