// The emulated Zimbra: SOAP admin and account endpoints over an in-memory directory.
import { bulkSeed } from './seed-bulk.ts';
import { demoSeed } from './seed-demo.ts';
import type { ZimbraSeed } from './seed-types.ts';

export type { ZimbraBackend, ZimbraBackendOptions } from './backend.ts';
export { createZimbraBackend } from './backend.ts';
export { IMPLEMENTED_OPERATIONS } from './dispatch.ts';
export type { FaultArgument, FaultSide } from './fault.ts';
export { ZimbraFaultError } from './fault.ts';
export { BULK_DOMAIN } from './seed-bulk.ts';
export { DEMO_CLOSED, DEMO_COS_IDS, DEMO_DOMAIN_IDS, DEMO_LOCKED, DEMO_PASSWORD } from './seed-demo.ts';
export type {
  AccountSeed,
  CosSeed,
  DomainSeed,
  GeneratedAccountsSeed,
  GrantSeed,
  ServerSeed,
  ZimbraSeed,
} from './seed-types.ts';
export type { ZimbraVersion } from './version.ts';
export { ZIMBRA_VERSIONS } from './version.ts';

/** Named Zimbra seeds: the shared demo directory, an empty one (only the default COS), and demo + bulk. */
export const zimbraSeeds = {
  demo: (): ZimbraSeed => demoSeed(),
  empty: (): ZimbraSeed => ({
    coses: [
      {
        id: 'e00428a1-0c00-11d9-836a-000d93afea2a',
        name: 'default',
        isDefault: true,
        attrs: { zimbraMailQuota: '0' },
      },
    ],
    domains: [],
    accounts: [],
  }),
  bulk: (n: number): ZimbraSeed => bulkSeed(n),
};
