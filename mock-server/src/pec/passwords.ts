import { randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';

// A low scrypt cost: the mock hashes for realism (no clear text kept), not to resist cracking.
const COST = { N: 1024, r: 8, p: 1 } as const;

/** A salted scrypt hash; the clear text is never stored. */
export interface PasswordHash {
  readonly salt: Buffer;
  readonly hash: Buffer;
}

/** Hashes a password with a fresh random salt. */
export function hashPassword(password: string): PasswordHash {
  const salt = randomBytes(16);
  return { salt, hash: scryptSync(password, salt, 32, COST) };
}

/** Whether `password` matches a stored hash (compared in constant time). */
export function verifyPassword(password: string, stored: PasswordHash): boolean {
  return timingSafeEqual(scryptSync(password, stored.salt, 32, COST), stored.hash);
}

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SPECIALS = '!#$%&*+-=?@_';

/** A 16-character temporary password that meets the published policy (one of each class, no look-alikes). */
export function temporaryPassword(): string {
  const pick = (set: string) => set[randomInt(set.length)] as string;
  const all = UPPER + LOWER + DIGITS + SPECIALS;
  const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SPECIALS)];
  while (chars.length < 16) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
