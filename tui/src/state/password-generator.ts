import type { PasswordRules } from '../services/types.ts';

// Look-alikes (0/O, 1/l/I) left out: a generated password is read off the screen and typed or dictated.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
/** Specials when the policy does not list its own: ones no shell, URL or CSV quoting trips over. */
const SPECIALS = '!#%+-=?@^_';

/** Length of a generated password when the policy allows it: long enough to need no other rule. */
export const GENERATED_LENGTH = 16;

/** Uniform random integers in [0, n); tests pass a seeded one, the app the platform's CSPRNG. */
export type RandomInt = (n: number) => number;

/** A cryptographically random integer in [0, n), without modulo bias. */
export const cryptoRandomInt: RandomInt = (n) => {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buf = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buf);
    const v = buf[0] ?? 0;
    if (v < limit) return v % n;
  }
};

/**
 * A random password meeting every rule of `rules`: at least each class's minimum, then characters of every
 * allowed class, shuffled. Null when the policy cannot be met (more required characters than its maximum
 * length, or specials required while none are allowed).
 */
export function generatePassword(rules: PasswordRules, random: RandomInt = cryptoRandomInt): string | null {
  const specials = rules.allowedSpecials !== undefined ? [...rules.allowedSpecials].join('') : SPECIALS;
  const need = [
    { set: UPPER, n: rules.minUpper ?? 0 },
    { set: LOWER, n: rules.minLower ?? 0 },
    { set: DIGITS, n: rules.minDigits ?? 0 },
    { set: specials, n: rules.minSpecial ?? 0 },
  ];
  if (need.some((c) => c.n > 0 && c.set.length === 0)) return null;
  const required = need.reduce((sum, c) => sum + c.n, 0);
  const length = Math.min(
    Math.max(GENERATED_LENGTH, rules.minLength ?? 0, required),
    rules.maxLength ?? Number.POSITIVE_INFINITY,
  );
  if (length < required || length < (rules.minLength ?? 0)) return null;
  const pick = (set: string): string => [...set][random([...set].length)] ?? '';
  const chars: string[] = [];
  for (const c of need) for (let i = 0; i < c.n; i++) chars.push(pick(c.set));
  const all = UPPER + LOWER + DIGITS + specials;
  while (chars.length < length) chars.push(pick(all));
  // Fisher–Yates: the required characters must not sit at predictable places.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random(i + 1);
    const a = chars[i] ?? '';
    chars[i] = chars[j] ?? '';
    chars[j] = a;
  }
  return chars.join('');
}
