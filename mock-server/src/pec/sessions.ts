import { randomBytes } from 'node:crypto';
import { PecRefusal } from './refusal.ts';

/** Seconds a session token lives (`expiresIn` of `POST /v1/sessions`). */
export const SESSION_TTL_SECONDS = 900;
/** Consecutive failed logins that lock a username. */
export const MAX_FAILED_LOGINS = 5;
/** Seconds a locked username stays locked. */
export const LOCKOUT_SECONDS = 900;

/** One issued bearer token, scoped to the domain of the postmaster who logged in. */
export interface Session {
  readonly token: string;
  readonly domain: string;
  readonly address: string;
  expiresAt: number;
}

interface FailedLogins {
  count: number;
  lockedUntil: number;
}

/** Bearer tokens with expiry, and the failed-login counter that locks a username. */
export class SessionTable {
  readonly #sessions = new Map<string, Session>();
  readonly #failures = new Map<string, FailedLogins>();

  clear(): void {
    this.#sessions.clear();
    this.#failures.clear();
  }

  issue(domain: string, address: string): Session {
    const token = randomBytes(32).toString('base64url');
    const session: Session = { token, domain, address, expiresAt: Date.now() + SESSION_TTL_SECONDS * 1000 };
    this.#sessions.set(token, session);
    return session;
  }

  /** Ends a session; its token then answers TOKEN_INVALID. */
  revoke(token: string): void {
    this.#sessions.delete(token);
  }

  /** Makes every issued token answer TOKEN_EXPIRED. */
  expireAll(): void {
    for (const session of this.#sessions.values()) session.expiresAt = 0;
  }

  /** The live session of an `Authorization: Bearer` header, or a 401 refusal saying why not. */
  authenticate(authorization: string | null): Session {
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization ?? '');
    const session = match?.[1] === undefined ? undefined : this.#sessions.get(match[1]);
    if (session === undefined) {
      throw new PecRefusal(401, 'TOKEN_INVALID', 'The bearer token is missing or unknown; log in again', {
        headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
      });
    }
    if (session.expiresAt <= Date.now()) {
      throw new PecRefusal(401, 'TOKEN_EXPIRED', 'The session expired; log in again', {
        headers: { 'www-authenticate': 'Bearer error="invalid_token", error_description="expired"' },
      });
    }
    return session;
  }

  /** Refuses a login for a locked username with `423 ACCOUNT_LOCKED` and the seconds left. */
  assertNotLocked(username: string): void {
    const entry = this.#failures.get(username);
    const left = entry === undefined ? 0 : Math.ceil((entry.lockedUntil - Date.now()) / 1000);
    if (left > 0) {
      throw new PecRefusal(
        423,
        'ACCOUNT_LOCKED',
        'Too many failed logins; the account is locked for a while',
        {
          headers: { 'retry-after': String(left) },
          details: [{ rule: 'lockout', message: `locked for ${left} more seconds` }],
        },
      );
    }
  }

  /** Counts one failed login; the fifth in a row locks the username. */
  recordFailure(username: string): void {
    const entry = this.#failures.get(username) ?? { count: 0, lockedUntil: 0 };
    if (entry.lockedUntil !== 0 && entry.lockedUntil <= Date.now()) entry.lockedUntil = 0;
    entry.count += 1;
    if (entry.count >= MAX_FAILED_LOGINS) {
      entry.count = 0;
      entry.lockedUntil = Date.now() + LOCKOUT_SECONDS * 1000;
    }
    this.#failures.set(username, entry);
  }

  recordSuccess(username: string): void {
    this.#failures.delete(username);
  }
}
