import { FaultInjector, type FaultSettings } from './faults.ts';
import { createPecBackend, type PecBackend, type PecSeed } from './pec/index.ts';
import { type MockSeed, resolveSeed, type SeedName } from './seeds.ts';
import {
  createZimbraBackend,
  type ZimbraBackend,
  type ZimbraSeed,
  type ZimbraVersion,
} from './zimbra/index.ts';

/** Options of {@link createMockBackend}. */
export interface MockBackendOptions {
  /** `demo` (the default), `empty`, a seed object, or the path of a JSON seed file. */
  readonly seed?: SeedName | MockSeed | string;
  /** Faults to start with; change them later with `backend.faults.set()`. */
  readonly faults?: Partial<FaultSettings>;
  /** Random source for fault injection (deterministic tests). @default Math.random */
  readonly random?: () => number;
  /** The Zimbra release to answer as: `'8.8.15' | '9.0' | '10.0'`. @default '10.0' */
  readonly zimbraVersion?: ZimbraVersion;
}

/** The emulator's core: one request handler over in-memory state, used by msw and by the HTTP server. */
export interface MockBackend {
  /** Answers one HTTP request as Zimbra (`/service/admin/soap`, `/service/soap`) or pec-admin (`/pec/v1/…`) would. */
  handle(request: Request): Promise<Response>;
  /** Back to the seed state, faults cleared. */
  reset(): void;
  /** Expires every Zimbra and PEC token issued so far. */
  expireAllTokens(): void;
  readonly faults: FaultInjector;
  /** The Zimbra emulator, with test helpers such as `setUsage(address, bytes)`. */
  readonly zimbra: ZimbraBackend;
  /** The pec-admin emulator, with `setProviderAvailable(false)` to take the provider down. */
  readonly pec: PecBackend;
}

const ZIMBRA_PATHS = /^\/service\/(admin\/)?soap(\/[^/]*)?$/;

/** Builds the emulator's core. The returned `handle` never throws: unexpected errors become 500s. */
export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const seed = resolveSeed(options.seed ?? 'demo');
  const zimbra = createZimbraBackend(
    seed.zimbra as ZimbraSeed,
    options.zimbraVersion !== undefined ? { zimbraVersion: options.zimbraVersion } : {},
  );
  const pec = createPecBackend(seed.pec as PecSeed);
  const faults = new FaultInjector(options.faults, options.random);

  const backend: MockBackend = {
    faults,
    zimbra,
    pec,
    reset() {
      zimbra.reset();
      pec.reset();
      faults.clear();
    },
    expireAllTokens() {
      zimbra.expireTokens();
      pec.expireTokens();
    },
    async handle(request) {
      const url = new URL(request.url);
      if (url.pathname.startsWith('/__mock/')) return control(backend, request, url);
      const { latencyMs } = faults.settings;
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const decision = faults.decide();
      if (decision.kind === 'fail') {
        // What a proxy in front of a dying backend answers: no SOAP, no JSON envelope.
        if (decision.mode === 'reset') return Response.error();
        return new Response('<html><body>503 Service Unavailable</body></html>', {
          status: 503,
          headers: { 'content-type': 'text/html' },
        });
      }
      try {
        if (ZIMBRA_PATHS.test(url.pathname)) return await zimbra.handle(request, url);
        if (url.pathname === '/pec' || url.pathname.startsWith('/pec/')) {
          if (faults.rateLimited()) return rateLimited(faults.settings.retryAfterSeconds);
          return await pec.handle(request, url);
        }
        return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
      } catch (error) {
        return new Response(`mock server failure: ${(error as Error).message}`, {
          status: 500,
          headers: { 'content-type': 'text/plain' },
        });
      }
    },
  };
  return backend;
}

function rateLimited(retryAfterSeconds: number): Response {
  const requestId = crypto.randomUUID();
  const body = {
    error: { code: 'RATE_LIMITED', message: 'Too many requests, retry later', details: [] },
    requestId,
  };
  return Response.json(body, {
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds), 'x-request-id': requestId },
  });
}

/** The control plane of the standalone server: reset, faults, token expiry, health. */
async function control(backend: MockBackend, request: Request, url: URL): Promise<Response> {
  const route = `${request.method} ${url.pathname}`;
  switch (route) {
    case 'GET /__mock/health':
      return Response.json({ ok: true });
    case 'POST /__mock/reset':
      backend.reset();
      return new Response(null, { status: 204 });
    case 'POST /__mock/expire-tokens':
      backend.expireAllTokens();
      return new Response(null, { status: 204 });
    case 'GET /__mock/faults':
      return Response.json(backend.faults.settings);
    case 'POST /__mock/faults': {
      const changes = (await request.json().catch(() => null)) as Partial<FaultSettings> | null;
      if (changes === null || typeof changes !== 'object') {
        return Response.json({ error: 'body must be a JSON object of fault settings' }, { status: 400 });
      }
      backend.faults.set(changes);
      return Response.json(backend.faults.settings);
    }
    default:
      return Response.json({ error: `no control route ${route}` }, { status: 404 });
  }
}
