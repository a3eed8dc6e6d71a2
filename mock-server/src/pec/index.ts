import type { SubBackend } from '../backend-types.ts';
import { PecRefusal, payloadTooLarge } from './refusal.ts';
import { ROUTES } from './routes.ts';
import type { PecSeed } from './seed.ts';
import { SessionTable } from './sessions.ts';
import { buildDomains, type DomainState } from './store.ts';

export type { PecOperationId } from './operations.ts';
export { PEC_OPERATIONS } from './operations.ts';
export type { PasswordPolicy, RuleFailure } from './rules.ts';
export { localPartFailures, PEC_PASSWORD_POLICY, passwordFailures } from './rules.ts';
export type { PecDomainSeed, PecMailboxSeed, PecSeed, PecStatus } from './seed.ts';
export { pecSeeds } from './seed.ts';

/** The pec-admin v1 emulator: a SubBackend plus a switch that takes the provider down. */
export interface PecBackend extends SubBackend {
  /**
   * While unavailable, every `/pec/…` request answers `503 PROVIDER_UNAVAILABLE` (with `Retry-After`
   * when `retryAfterSeconds` is given); `reset()` brings the provider back.
   */
  setProviderAvailable(available: boolean, retryAfterSeconds?: number): void;
}

const PREFIX = '/pec/v1';
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id of an answer: the client's `X-Request-Id` when it is well-formed, else a new one. */
function requestIdOf(request: Request): string {
  const sent = request.headers.get('x-request-id');
  return sent !== null && CLIENT_REQUEST_ID.test(sent) ? sent : crypto.randomUUID();
}

/** The contract's `413 PAYLOAD_TOO_LARGE` answer to a body past `maxBytes` (refused before routing). */
export function pecPayloadTooLarge(request: Request, maxBytes: number): Response {
  return payloadTooLarge(maxBytes).toResponse(requestIdOf(request));
}

/** Builds the pec-admin v1 emulator over the given seed; the core routes `/pec/…` here. */
export function createPecBackend(seed: PecSeed): PecBackend {
  let domains = buildDomains(seed);
  const sessions = new SessionTable();
  let down: { retryAfterSeconds: number | undefined } | undefined;

  async function answer(request: Request, url: URL, requestId: string): Promise<Response> {
    if (down !== undefined) {
      const headers: Record<string, string> =
        down.retryAfterSeconds === undefined ? {} : { 'retry-after': String(down.retryAfterSeconds) };
      throw new PecRefusal(503, 'PROVIDER_UNAVAILABLE', 'The PEC provider is not answering; retry later', {
        headers,
      });
    }
    const path = url.pathname.startsWith(`${PREFIX}/`) ? url.pathname.slice(PREFIX.length) : undefined;
    const matching = path === undefined ? [] : ROUTES.filter((r) => r.path.test(path));
    if (path === undefined || matching.length === 0) {
      throw new PecRefusal(404, 'NOT_FOUND', `No pec-admin v1 resource at ${url.pathname}`);
    }
    const route = matching.find((r) => r.method === request.method);
    if (route === undefined) {
      const allow = matching.map((r) => r.method).join(', ');
      throw new PecRefusal(405, 'METHOD_NOT_ALLOWED', `${request.method} is not allowed here`, {
        headers: { allow },
      });
    }
    const params = (route.path.exec(path) ?? []).slice(1);
    const session = route.auth ? sessions.authenticate(request.headers.get('authorization')) : undefined;
    const domain: DomainState | undefined = session === undefined ? undefined : domains.get(session.domain);
    if (domain?.unsupported.has(route.op)) {
      throw new PecRefusal(
        501,
        'NOT_SUPPORTED_BY_PROVIDER',
        `The provider of ${domain.name} cannot do ${route.op}`,
      );
    }
    return route.handle({ request, url, params, requestId, sessions, domains, session, domain });
  }

  return {
    async handle(request, url) {
      const requestId = requestIdOf(request);
      try {
        return await answer(request, url, requestId);
      } catch (error) {
        if (error instanceof PecRefusal) return error.toResponse(requestId);
        throw error;
      }
    },
    reset() {
      domains = buildDomains(seed);
      sessions.clear();
      down = undefined;
    },
    expireTokens() {
      sessions.expireAll();
    },
    setProviderAvailable(available, retryAfterSeconds) {
      down = available ? undefined : { retryAfterSeconds };
    },
  };
}
