import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// Logins and creates must stay cheap for test suites, so the default is the scheme Zimbra itself writes to
// LDAP: salted SHA-512 (`{SSHA512}`), one hash per password — no key stretching. The hash never leaves the store.
const SALT_BYTES = 8;
// Hashes made by earlier versions of the mock (a seed may carry one as passwordHash).
const SCRYPT = { N: 1024, r: 8, p: 1 } as const;

/** Hashes a password as Zimbra's `{SSHA512}base64(sha512(password + salt) + salt)`; the plain text is never kept. */
export function hashPassword(plain: string): string {
  const salt = randomBytes(SALT_BYTES);
  const digest = createHash('sha512').update(plain, 'utf8').update(salt).digest();
  return `{SSHA512}${Buffer.concat([digest, salt]).toString('base64')}`;
}

/** True when `plain` matches a hash made by {@link hashPassword} (or an earlier `scrypt$` one). */
export function verifyPassword(plain: string, stored: string | null): boolean {
  if (stored === null) return false;
  if (stored.startsWith('{SSHA512}')) {
    const raw = Buffer.from(stored.slice(9), 'base64');
    if (raw.length <= 64) return false;
    const expected = raw.subarray(0, 64);
    const actual = createHash('sha512').update(plain, 'utf8').update(raw.subarray(64)).digest();
    return timingSafeEqual(actual, expected);
  }
  const [scheme, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || key === undefined) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = scryptSync(plain, Buffer.from(salt, 'base64'), expected.length, SCRYPT);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const seedHashes = new Map<string, string>();

/**
 * Hash for a seed password, computed once per distinct password (keyed by its SHA-256, not its text):
 * the demo and bulk seeds share one password, so loading 100,000 accounts costs one scrypt.
 */
export function seedPasswordHash(plain: string): string {
  const key = createHash('sha256').update(plain).digest('hex');
  let hash = seedHashes.get(key);
  if (hash === undefined) {
    hash = hashPassword(plain);
    seedHashes.set(key, hash);
  }
  return hash;
}
