import type { SubBackend } from '../backend-types.ts';
import { type CoreRequest, coreFromWeb, type PlainAnswer, plainToResponse } from '../core-exchange.ts';
import type { Lifetimes } from './context.ts';
import { loadSeed } from './load-seed.ts';
import { Grants } from './rights.ts';
import type { ZimbraSeed } from './seed-types.ts';
import { ZimbraStore } from './store.ts';
import { TokenRegistry } from './tokens.ts';
import { versionProfile, type ZimbraVersion } from './version.ts';
import { answerSoap } from './wire/exchange.ts';
import { SessionRegistry } from './wire/sessions.ts';

const HOUR = 3_600_000;

/** The Zimbra sub-backend, with helpers for tests. */
export interface ZimbraBackend extends SubBackend {
  /** The live directory (for tests that need to look inside; changes through it skip Zimbra's checks). */
  readonly store: ZimbraStore;
  /** Answers one SOAP request already read (the core's path, without web `Request`/`Response` objects). */
  answer(request: CoreRequest): PlainAnswer;
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

/**
 * Builds the emulated Zimbra over a seed: SOAP 1.2 (and 1.1) and Zimbra's JSON SOAP on `/service/admin/soap`
 * and `/service/soap` (with or without a request-name suffix),
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
  const sessions = new SessionRegistry();
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

  return {
    get store() {
      return store;
    },
    answer(request) {
      return answerSoap({ store, grants, tokens, lifetimes, sessions }, request);
    },
    async handle(request, url) {
      const body = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
      return plainToResponse(
        answerSoap({ store, grants, tokens, lifetimes, sessions }, coreFromWeb(request, url, body)),
      );
    },
    reset() {
      tokens.clear();
      sessions.clear();
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
