import type { SubBackend } from '../backend-types.ts';
import { resolveCaller } from './auth.ts';
import type { Lifetimes, ZimbraContext } from './context.ts';
import { asFault, dispatchRequest } from './dispatch.ts';
import { envelopeXml, faultElement, parseEnvelope, type SoapVersion, soapHttpResponse } from './envelope.ts';
import { loadSeed } from './load-seed.ts';
import { Grants } from './rights.ts';
import type { ZimbraSeed } from './seed-types.ts';
import { ZimbraStore } from './store.ts';
import { TokenRegistry } from './tokens.ts';
import { versionProfile, type ZimbraVersion } from './version.ts';

const HOUR = 3_600_000;

/** The Zimbra sub-backend, with helpers for tests. */
export interface ZimbraBackend extends SubBackend {
  /** The live directory (for tests that need to look inside; changes through it skip Zimbra's checks). */
  readonly store: ZimbraStore;
  /** Sets the mailbox size of an account, in bytes. Throws `account.NO_SUCH_ACCOUNT` for an unknown address. */
  setUsage(address: string, bytes: number): void;
}

/** Options of {@link createZimbraBackend}. */
export interface ZimbraBackendOptions {
  /** Clock in ms (token expiry, timestamps). @default Date.now */
  readonly now?: () => number;
  /** The Zimbra release to answer as (docs/mock-zimbra-versions.md). @default '10.0' */
  readonly zimbraVersion?: ZimbraVersion;
}

function cookieToken(request: Request, name: string): string | undefined {
  const cookies = request.headers.get('cookie');
  if (!cookies) return undefined;
  for (const part of cookies.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * Builds the emulated Zimbra over a seed: SOAP 1.2 (and 1.1) on `/service/admin/soap` and `/service/soap`,
 * Zimbra's fault shapes and codes, tokens that expire, and `reset()` back to the same state and ids.
 */
export function createZimbraBackend(seed: ZimbraSeed, options: ZimbraBackendOptions = {}): ZimbraBackend {
  const now = options.now ?? Date.now;
  if (options.zimbraVersion !== undefined) versionProfile(options.zimbraVersion);
  const lifetimes: Lifetimes = {
    adminMs: seed.tokenLifetimes?.adminMs ?? 12 * HOUR,
    userMs: seed.tokenLifetimes?.userMs ?? 48 * HOUR,
  };
  const tokens = new TokenRegistry();
  const grants = new Grants();
  const fresh = () => {
    const store = new ZimbraStore({
      idSeed: seed.idSeed ?? 1,
      mailHost: seed.mailHost ?? 'mail.casella.test',
      now,
      ...(options.zimbraVersion !== undefined ? { zimbraVersion: options.zimbraVersion } : {}),
    });
    grants.clear();
    loadSeed(store, grants, seed);
    return store;
  };
  let store = fresh();

  const respond = (
    version: SoapVersion,
    body: ReturnType<typeof faultElement>,
    header: boolean,
    fault: boolean,
  ) => soapHttpResponse(envelopeXml(version, body, header), fault);

  return {
    get store() {
      return store;
    },
    async handle(request, url) {
      const endpoint = url.pathname.startsWith('/service/admin/') ? 'admin' : 'user';
      const text = await request.text();
      let version: SoapVersion = '1.2';
      try {
        const envelope = parseEnvelope(text);
        version = envelope.version;
        const token =
          envelope.authToken ??
          cookieToken(request, endpoint === 'admin' ? 'ZM_ADMIN_AUTH_TOKEN' : 'ZM_AUTH_TOKEN');
        const base = { store, grants, tokens, lifetimes, endpoint } as const;
        const ctx: ZimbraContext = { ...base, caller: resolveCaller(base, token) };
        const toFault = (error: unknown, requestId: string | undefined) =>
          faultElement(asFault(error), version, requestId);
        try {
          const answer = dispatchRequest(envelope.body, ctx, toFault);
          return respond(version, answer, true, false);
        } catch (error) {
          return respond(
            version,
            faultElement(asFault(error), version, envelope.body.attrs.requestId),
            true,
            true,
          );
        }
      } catch (error) {
        // Before dispatch (parse, envelope, context token): a bare envelope without Header.
        return respond(version, faultElement(asFault(error), version), false, true);
      }
    },
    reset() {
      tokens.clear();
      store = fresh();
    },
    expireTokens() {
      tokens.expireAll();
    },
    setUsage(address, bytes) {
      store.setUsage(store.findAccount('name', address), bytes);
    },
  };
}
