import { randomBytes } from 'node:crypto';

/** What a token was issued for. */
export interface TokenRecord {
  readonly accountId: string;
  readonly admin: boolean;
  readonly expiresAt: number;
  /** The account's zimbraAuthTokenValidityValue when issued: a password change bumps it. */
  readonly validity: string;
  readonly generation: number;
  /** Set when AuthRequest said `csrfTokenSecured="1"`: every authenticated request must then carry it. */
  readonly csrfToken: string | undefined;
}

/** The outcome of looking a token up. */
export type TokenLookup =
  | { readonly kind: 'valid'; readonly record: TokenRecord }
  | { readonly kind: 'expired' }
  | { readonly kind: 'unknown' };

/** Options of {@link TokenRegistry.issue}. */
export interface IssueOptions {
  /** Issue a CSRF token bound to this auth token (AuthRequest `csrfTokenSecured="1"`). */
  readonly csrf?: boolean;
}

/** Issued auth tokens. Opaque, random, shaped like Zimbra's `<keyVersion>_<hmac>_<data>`. */
export class TokenRegistry {
  readonly #tokens = new Map<string, TokenRecord>();
  #generation = 0;

  issue(
    accountId: string,
    admin: boolean,
    lifetimeMs: number,
    validity: string,
    now: number,
    options: IssueOptions = {},
  ): string {
    const data = Buffer.from(`id=36:${accountId};type=6:zimbra;`).toString('hex');
    const token = `0_${randomBytes(20).toString('hex')}_${data}`;
    this.#tokens.set(token, {
      accountId,
      admin,
      expiresAt: now + lifetimeMs,
      validity,
      generation: this.#generation,
      csrfToken: options.csrf ? `0_${randomBytes(20).toString('hex')}` : undefined,
    });
    return token;
  }

  lookup(token: string, now: number): TokenLookup {
    const record = this.#tokens.get(token);
    if (record === undefined) return { kind: 'unknown' };
    if (record.generation < this.#generation || now >= record.expiresAt) return { kind: 'expired' };
    return { kind: 'valid', record };
  }

  /**
   * Deregisters a token (EndSessionRequest `logoff="1"`): Zimbra then answers it as it answers an expired
   * one (`service.AUTH_EXPIRED`, or no token at all under `authTokenControl voidOnExpired`).
   */
  revoke(token: string): void {
    const record = this.#tokens.get(token);
    if (record !== undefined) this.#tokens.set(token, { ...record, expiresAt: Number.NEGATIVE_INFINITY });
  }

  /** Makes every token issued so far answer AUTH_EXPIRED. */
  expireAll(): void {
    this.#generation++;
  }

  clear(): void {
    this.#tokens.clear();
  }
}
