import { randomInt } from 'node:crypto';

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
// Punctuation both Zimbra's default set and the pec-admin default set accept, and no shell metacharacter
// that would bite when the file is read back into a variable.
const PUNCT = '!#%*+-=?@_';

function pick(set: string): string {
  return set[randomInt(set.length)] ?? 'x';
}

/**
 * A random password (crypto RNG) with every character class, `length` long, that passes `accepts` (the
 * target's policy). Look-alike characters (0/O, 1/l/I) are left out: the password may be read aloud.
 * @throws Error when no candidate passes after many tries (a policy that cannot be met).
 */
export function generatePassword(accepts: (password: string) => boolean, length = 20): string {
  for (let attempt = 0; attempt < 200; attempt++) {
    const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(PUNCT)];
    const all = UPPER + LOWER + DIGITS + PUNCT;
    while (chars.length < length) chars.push(pick(all));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
    }
    const candidate = chars.join('');
    if (accepts(candidate)) return candidate;
  }
  throw new Error('no generated password meets the policy');
}
