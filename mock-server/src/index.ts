// Hand-written entry point of @casella/mock-server. It never imports @casella/sdk, nor msw (an optional
// peer: its handlers live in the `@casella/mock-server/msw` entry).

export type { MockBackend, MockBackendOptions } from './backend.ts';
export { createMockBackend } from './backend.ts';
export type { SubBackend } from './backend-types.ts';
export type { FaultSettings } from './faults.ts';
export { FaultInjector, NO_FAULTS } from './faults.ts';
export type { PecBackend, PecSeed } from './pec/index.ts';
export { pecSeeds } from './pec/index.ts';
export type { MockSeed, SeedName } from './seeds.ts';
export { resolveSeed } from './seeds.ts';
export type { MockServer, MockServerOptions } from './server.ts';
export { startMockServer } from './server.ts';
export type { MockTlsOptions } from './tls.ts';
export { readTlsFiles } from './tls.ts';
export type { ZimbraBackend, ZimbraSeed, ZimbraVersion } from './zimbra/index.ts';
export { DEMO_PASSWORD, ZIMBRA_VERSIONS, zimbraSeeds } from './zimbra/index.ts';
