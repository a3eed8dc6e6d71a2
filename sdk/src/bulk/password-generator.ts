import { randomInt } from 'node:crypto';
import { CasellaError } from '../errors/index.ts';
import type { PasswordPolicy } from '../zimbra/index.ts';

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
// Punctuation that survives shells, CSV cells and SOAP without quoting surprises.
const PUNCT = '!#%+-.:=?@_';

/** Options of {@link generatePassword}. */
export interface GeneratePasswordOptions {
  /** Length when the policy allows it (raised to the policy's minimum, lowered to its maximum). @default 16 */
  readonly length?: number | undefined;
}

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)] as string;
}

/**
 * A random password that satisfies `policy` (every `zimbraPassword*` count, the allowed characters and
 * the username rule), from the operating system's CSPRNG. Characters that look alike (0/O, 1/l/I) are left out.
 * @throws CasellaError `PASSWORD_POLICY_UNSATISFIABLE` when no password can meet the policy.
 * @example
 * const password = generatePassword(await admin.passwordPolicy({ cos: 'Professional' }));
 */
export function generatePassword(
  policy?: PasswordPolicy,
  options: GeneratePasswordOptions = {},
  username?: string,
): string {
  const counts = policy?.rules.counts ?? {};
  const max = counts.zimbraPasswordMaxLength || Number.POSITIVE_INFINITY;
  const length = Math.min(max, Math.max(options.length ?? 16, counts.zimbraPasswordMinLength ?? 0, 4));
  const allowedPunct = (() => {
    const source = policy?.rules.allowedPunctuationChars;
    if (source === undefined || source === '') return PUNCT;
    try {
      const re = new RegExp(source, 'u');
      return [...PUNCT].filter((c) => re.test(c)).join('') || PUNCT;
    } catch {
      return PUNCT;
    }
  })();
  const upper = Math.max(1, counts.zimbraPasswordMinUpperCaseChars ?? 0);
  const lower = Math.max(1, counts.zimbraPasswordMinLowerCaseChars ?? 0);
  const digits = Math.max(1, counts.zimbraPasswordMinNumericChars ?? 0);
  const punct = Math.max(1, counts.zimbraPasswordMinPunctuationChars ?? 0);
  for (let attempt = 0; attempt < 100; attempt++) {
    const chars = [
      ...Array.from({ length: upper }, () => pick(UPPER)),
      ...Array.from({ length: lower }, () => pick(LOWER)),
      ...Array.from({ length: digits }, () => pick(DIGITS)),
      ...Array.from({ length: punct }, () => pick(allowedPunct)),
    ];
    const all = UPPER + LOWER + DIGITS + allowedPunct;
    while (chars.length < length) chars.push(pick(all));
    // Fisher–Yates, so the required classes are not always at the front.
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
    }
    const password = chars.join('');
    if (policy === undefined || policy.check(password, username).length === 0) return password;
  }
  throw new CasellaError(
    'PASSWORD_POLICY_UNSATISFIABLE',
    'no generated password meets this password policy (check its minimum and maximum lengths and allowed characters)',
  );
}
