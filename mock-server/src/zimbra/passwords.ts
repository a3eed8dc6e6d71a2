import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// Cheap scrypt parameters: the mock stores hashes so nothing leaks, but logins must stay fast in tests.
const PARAMS = { N: 1024, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/** Hashes a password as `scrypt$<salt b64>$<key b64>`; the plain text is never kept. */
export function hashPassword(plain: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(plain, salt, KEY_LENGTH, PARAMS);
  return `scrypt$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** True when `plain` matches a hash made by {@link hashPassword}. */
export function verifyPassword(plain: string, stored: string | null): boolean {
  if (stored === null) return false;
  const [scheme, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || key === undefined) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = scryptSync(plain, Buffer.from(salt, 'base64'), expected.length, PARAMS);
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
