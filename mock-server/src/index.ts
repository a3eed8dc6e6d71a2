// Hand-written entry point of @casella/mock-server. It never imports @casella/sdk, nor msw (an optional
// peer: its handlers live in the `@casella/mock-server/msw` entry).

export type { MockBackend, MockBackendOptions } from './backend.ts';
export { createMockBackend } from './backend.ts';
export type { SubBackend } from './backend-types.ts';
export { isLoopbackHost } from './control.ts';
export type { AnswerDecision, FaultDecision, FaultRule, FaultSettings, FaultStats } from './faults.ts';
export {
  describeRule,
  FAULT_RULES,
  FaultInjector,
  FaultSettingError,
  NO_FAULTS,
  validateFaultChanges,
} from './faults.ts';
export type { RequestLimits } from './limits.ts';
export {
  CONTROL_REQUEST_MAX_BYTES,
  DEFAULT_REQUEST_LIMITS,
  PEC_REQUEST_MAX_BYTES,
  ZIMBRA_SOAP_REQUEST_MAX_SIZE,
} from './limits.ts';
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
