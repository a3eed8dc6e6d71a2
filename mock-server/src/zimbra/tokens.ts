import { randomBytes } from 'node:crypto';

/** What a token was issued for. */
export interface TokenRecord {
  readonly accountId: string;
  readonly admin: boolean;
  readonly expiresAt: number;
  /** The account's zimbraAuthTokenValidityValue when issued: a password change bumps it. */
  readonly validity: string;
  readonly generation: number;
}

/** The outcome of looking a token up. */
export type TokenLookup =
  | { readonly kind: 'valid'; readonly record: TokenRecord }
  | { readonly kind: 'expired' }
  | { readonly kind: 'unknown' };

/** Issued auth tokens. Opaque, random, shaped like Zimbra's `<keyVersion>_<hmac>_<data>`. */
export class TokenRegistry {
  readonly #tokens = new Map<string, TokenRecord>();
  #generation = 0;

  issue(accountId: string, admin: boolean, lifetimeMs: number, validity: string, now: number): string {
    const data = Buffer.from(`id=36:${accountId};type=6:zimbra;`).toString('hex');
    const token = `0_${randomBytes(20).toString('hex')}_${data}`;
    this.#tokens.set(token, {
      accountId,
      admin,
      expiresAt: now + lifetimeMs,
      validity,
      generation: this.#generation,
    });
    return token;
  }

  lookup(token: string, now: number): TokenLookup {
    const record = this.#tokens.get(token);
    if (record === undefined) return { kind: 'unknown' };
    if (record.generation < this.#generation || now >= record.expiresAt) return { kind: 'expired' };
    return { kind: 'valid', record };
  }

  /** Makes every token issued so far answer AUTH_EXPIRED. */
  expireAll(): void {
    this.#generation++;
  }

  clear(): void {
    this.#tokens.clear();
  }
}
