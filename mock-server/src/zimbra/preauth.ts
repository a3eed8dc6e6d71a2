import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ZimbraContext } from './context.ts';
import { faults } from './fault.ts';
import type { Account } from './model.ts';
import type { XmlElement } from './xml.ts';

/** How far a preauth timestamp may be from the server's clock (preauth.md: five minutes). */
const WINDOW_MS = 5 * 60_000;

/**
 * The preauth value of preauth.md: HMAC-SHA1, keyed with the domain's `zimbraPreAuthKey` (its text, as
 * given), over the values of account, by, expires and timestamp joined by `|` (the parameter names' order).
 */
export function computePreauth(key: string, account: string, by: string, expires: number, timestamp: number) {
  return createHmac('sha1', key).update(`${account}|${by}|${expires}|${timestamp}`).digest('hex');
}

function longAttr(el: XmlElement, name: string, fallback?: number): number {
  const raw = el.attrs[name];
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw faults.invalidRequest(`missing required attribute: ${name}`);
  }
  if (!/^-?\d+$/.test(raw)) throw faults.invalidRequest(`invalid long value '${raw}' for attribute: ${name}`);
  return Number(raw);
}

/**
 * Checks `<preauth timestamp expires>value</preauth>` for an account as LdapProvisioning.preAuthAccount does:
 * empty value or a domain without a key → `service.INVALID_REQUEST`; a timestamp off by more than five
 * minutes or a wrong value → `account.AUTH_FAILED` naming what was passed in.
 */
export function checkPreauth(
  ctx: ZimbraContext,
  account: Account,
  preauth: XmlElement,
  namePassedIn: string,
  by: string,
): { expires: number } {
  const timestamp = longAttr(preauth, 'timestamp');
  const expires = longAttr(preauth, 'expires', 0);
  const given = preauth.text.trim();
  if (given === '') throw faults.invalidRequest('preAuth must not be empty');
  const key = ctx.store.domainByName(account.domain)?.attrs.zimbraPreAuthKey?.[0];
  if (key === undefined) throw faults.invalidRequest('domain is not configured for preauth');
  if (Math.abs(ctx.store.now() - timestamp) > WINDOW_MS) throw faults.authFailed(namePassedIn);
  const expected = Buffer.from(computePreauth(key, namePassedIn, by, expires, timestamp));
  const actual = Buffer.from(given.toLowerCase());
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
    throw faults.authFailed(namePassedIn);
  return { expires };
}
