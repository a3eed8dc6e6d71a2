import { control } from './control.ts';
import { answerToResponse, type CoreAnswer, type CoreRequest, coreFromWeb, plain } from './core-exchange.ts';
import { FaultInjector, type FaultSettings } from './faults.ts';
import {
  type BodyLimit,
  bodyLimitFor,
  declaredLength,
  type RequestLimits,
  readWithin,
  resolveRequestLimits,
} from './limits.ts';
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
  /**
   * Serve the control plane (`/__mock/*`: reset, faults, stats, token expiry). With `false` those paths
   * answer 404 like any unknown path; `backend.faults` and `backend.reset()` still work in-process.
   * @default true
   */
  readonly controlPlane?: boolean;
  /** Request-size limits (Zimbra's `zimbraSoapRequestMaxSize`, the pec-admin body limit). */
  readonly requestLimits?: Partial<RequestLimits>;
  /** The Zimbra release to answer as: `'8.8.15' | '9.0' | '10.0'`. @default '10.0' */
  readonly zimbraVersion?: ZimbraVersion;
}

/** The emulator's core: one request handler over in-memory state, used by msw and by the HTTP server. */
export interface MockBackend {
  /** Answers one HTTP request as Zimbra (`/service/admin/soap`, `/service/soap`) or pec-admin (`/pec/v1/…`) would. */
  handle(request: Request): Promise<Response>;
  /**
   * The same core on a request already read within its size limit, without web `Request`/`Response`
   * objects: what the node:http server calls. `handle()` is this plus reading and wrapping.
   */
  answer(request: CoreRequest): Promise<CoreAnswer>;
  /** Back to the seed state, faults cleared, fault statistics zeroed. */
  reset(): void;
  /** Expires every Zimbra and PEC token issued so far. */
  expireAllTokens(): void;
  /** Fault settings and statistics (`faults.stats.lostAnswers`). */
  readonly faults: FaultInjector;
  /** The request-size limits in force. */
  readonly limits: RequestLimits;
  /** Whether `/__mock/*` is served. */
  readonly controlPlane: boolean;
  /** The Zimbra emulator, with test helpers such as `setUsage(address, bytes)`. */
  readonly zimbra: ZimbraBackend;
  /** The pec-admin emulator, with `setProviderAvailable(false)` to take the provider down. */
  readonly pec: PecBackend;
}

const ZIMBRA_PATHS = /^\/service\/(admin\/)?soap(\/[^/]*)?$/;

/**
 * Builds the emulator's core. The returned `handle` never throws: unexpected errors become 500s. A body
 * past its limit is refused without being read to its end; faults act before or after the backend.
 */
export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const seed = resolveSeed(options.seed ?? 'demo');
  const zimbra = createZimbraBackend(
    seed.zimbra as ZimbraSeed,
    options.zimbraVersion !== undefined ? { zimbraVersion: options.zimbraVersion } : {},
  );
  const pec = createPecBackend(seed.pec as PecSeed);
  const faults = new FaultInjector(options.faults, options.random);
  const limits = resolveRequestLimits(options.requestLimits);
  const controlPlane = options.controlPlane ?? true;

  /** The answer of a backend, before faults that act on answers. */
  async function route(request: CoreRequest, url: URL): Promise<CoreAnswer> {
    try {
      if (ZIMBRA_PATHS.test(url.pathname)) return zimbra.answer(request);
      if (url.pathname === '/pec' || url.pathname.startsWith('/pec/')) {
        if (faults.rateLimited()) return response(rateLimited(faults.settings.retryAfterSeconds));
        return response(await pec.handle(request.toRequest(), url));
      }
      return response(notFound());
    } catch (error) {
      return plain(500, [['content-type', 'text/plain']], `mock server failure: ${(error as Error).message}`);
    }
  }

  const backend: MockBackend = {
    faults,
    limits,
    controlPlane,
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
    async handle(incoming) {
      const url = new URL(incoming.url);
      // A control plane that is off is not there at all: 404 before anything is read.
      if (!controlPlane && url.pathname.startsWith('/__mock/')) return notFound();
      const limit = bodyLimitFor(url.pathname, limits);
      const body = await readBodyWithin(incoming, limit);
      if (body instanceof Response) return body;
      return answerToResponse(await backend.answer(coreFromWeb(incoming, url, body)));
    },
    async answer(request) {
      const url = request.url;
      const isControl = url.pathname.startsWith('/__mock/');
      if (isControl)
        return response(controlPlane ? await control(backend, request.toRequest(), url) : notFound());
      const { latencyMs } = faults.settings;
      if (latencyMs > 0) await pause(latencyMs, request.signal);
      const decision = faults.decide();
      if (decision.kind === 'fail') {
        // What a proxy in front of a dying backend answers: no SOAP, no JSON envelope.
        if (decision.mode === 'reset') return RESET;
        return plain(
          503,
          [['content-type', 'text/html']],
          '<html><body>503 Service Unavailable</body></html>',
        );
      }
      const answer = await route(request, url);
      const after = faults.afterHandling();
      if (after.kind === 'lose') {
        // The work is done and kept; only the answer goes missing, as when a connection drops mid-answer.
        if (answer.kind === 'response') await answer.response.body?.cancel();
        return RESET;
      }
      if (after.kind === 'stall') await pause(after.ms, request.signal);
      return answer;
    },
  };
  return backend;
}

const RESET: CoreAnswer = { kind: 'reset' };

const response = (r: Response): CoreAnswer => ({ kind: 'response', response: r });

/**
 * The request's body read into memory when it fits the limit (null without one), or the backend's refusal.
 * A declared `Content-Length` past the limit is refused before reading; a chunked body is counted as it streams.
 */
async function readBodyWithin(request: Request, limit: BodyLimit): Promise<Uint8Array | null | Response> {
  if (request.body === null) return null;
  const declared = declaredLength(request.headers);
  if (declared !== undefined && declared > limit.maxBytes) return limit.refuse(request, declared);
  const body = await readWithin(request.body, limit.maxBytes);
  if (body === undefined) return limit.refuse(request, declared);
  return body;
}

/** Waits `ms`, or less when the client went away (the HTTP server aborts the signal on a closed socket). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

function notFound(): Response {
  return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
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
