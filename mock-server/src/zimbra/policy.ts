import { parseGentime } from './attrs.ts';
import { faults } from './fault.ts';
import { verifyPassword } from './passwords.ts';

/** Reads a policy attribute as it applies to the account (account value first, then its COS). */
export type PolicyLookup = (attr: string) => string | undefined;

const COMMON = new Set([
  'password',
  'password1',
  '123456',
  '12345678',
  'qwerty',
  'letmein',
  'welcome',
  'admin',
]);

const int = (lookup: PolicyLookup, attr: string): number => {
  const n = Number.parseInt(lookup(attr) ?? '0', 10);
  return Number.isFinite(n) ? n : 0;
};

function isAsciiPunctuation(code: number): boolean {
  return (
    (code >= 33 && code <= 47) ||
    (code >= 58 && code <= 64) ||
    (code >= 91 && code <= 96) ||
    (code >= 123 && code <= 126)
  );
}

function regex(lookup: PolicyLookup, attr: string): RegExp | undefined {
  const source = lookup(attr);
  if (source === undefined || source === '') return undefined;
  try {
    return new RegExp(`^(?:${source})$`, 'u');
  } catch (error) {
    throw faults.invalidPassword(`${attr} is not valid regex: ${(error as Error).message}`);
  }
}

/**
 * Checks a password's strength in Zimbra's order; the first failing rule becomes `account.INVALID_PASSWORD`
 * with Zimbra's description and one `<a>` argument naming the rule's attribute.
 */
export function checkPasswordStrength(password: string, username: string, lookup: PolicyLookup): void {
  const num = (attr: string, desc: string, actual: number) => {
    const min = int(lookup, attr);
    if (min > 0 && actual < min) {
      throw faults.invalidPassword(desc, { name: attr, type: 'NUM', value: String(min) });
    }
  };
  const minLength = int(lookup, 'zimbraPasswordMinLength');
  if (minLength > 0 && password.length < minLength) {
    throw faults.invalidPassword('too short', {
      name: 'zimbraPasswordMinLength',
      type: 'NUM',
      value: String(minLength),
    });
  }
  const maxLength = int(lookup, 'zimbraPasswordMaxLength');
  if (maxLength > 0 && password.length > maxLength) {
    throw faults.invalidPassword('too long', {
      name: 'zimbraPasswordMaxLength',
      type: 'NUM',
      value: String(maxLength),
    });
  }
  if (lookup('zimbraFeatureAllowUsernameInPassword') === 'FALSE' && username !== '') {
    if (password.toLowerCase().includes(username.toLowerCase())) {
      throw faults.invalidPassword('password contains username', {
        name: 'zimbraPasswordAllowUsername',
        type: 'STR',
        value: '',
      });
    }
  }
  if (lookup('zimbraPasswordBlockCommonEnabled') === 'TRUE' && COMMON.has(password.toLowerCase())) {
    throw faults.invalidPassword('too common', {
      name: 'zimbraPasswordBlockCommonEnabled',
      type: 'STR',
      value: '',
    });
  }
  const allowed = regex(lookup, 'zimbraPasswordAllowedChars');
  const punctuation = regex(lookup, 'zimbraPasswordAllowedPunctuationChars');
  let upper = 0;
  let lower = 0;
  let digits = 0;
  let punct = 0;
  let alpha = 0;
  for (const ch of password) {
    if (allowed && !allowed.test(ch)) {
      throw faults.invalidPassword(`${ch} is not an allowed character`, {
        name: 'zimbraPasswordAllowedChars',
        type: 'STR',
        value: lookup('zimbraPasswordAllowedChars') ?? '',
      });
    }
    const isDigit = /\p{Nd}/u.test(ch);
    const isPunct = punctuation ? punctuation.test(ch) : isAsciiPunctuation(ch.codePointAt(0)!);
    if (/\p{Lu}/u.test(ch)) upper++;
    if (/\p{Ll}/u.test(ch)) lower++;
    if (isDigit) digits++;
    if (isPunct) punct++;
    if (!isDigit && !isPunct) alpha++;
  }
  num('zimbraPasswordMinUpperCaseChars', 'not enough upper case characters', upper);
  num('zimbraPasswordMinLowerCaseChars', 'not enough lower case characters', lower);
  num('zimbraPasswordMinNumericChars', 'not enough numeric characters', digits);
  num('zimbraPasswordMinPunctuationChars', 'not enough punctuation characters', punct);
  num('zimbraPasswordMinAlphaChars', 'not enough alpha characters', alpha);
  num('zimbraPasswordMinDigitsOrPuncs', 'not enough numeric or punctuation characters', digits + punct);
}

/** What the age and history rules need to know about the account whose password changes. */
export interface PasswordState {
  readonly currentHash: string | null;
  readonly history: readonly string[];
  readonly modifiedTime: string | undefined;
  readonly mustChange: boolean;
}

/**
 * The rules after strength: minimum age (`account.PASSWORD_CHANGE_TOO_SOON`, skipped when the password must
 * change) and history (`account.PASSWORD_RECENTLY_USED`, the current password counts).
 */
export function checkPasswordAgeAndHistory(
  password: string,
  state: PasswordState,
  lookup: PolicyLookup,
  now: number,
): void {
  const minAgeDays = int(lookup, 'zimbraPasswordMinAge');
  if (minAgeDays > 0 && !state.mustChange && state.modifiedTime !== undefined) {
    const changed = parseGentime(state.modifiedTime);
    if (Number.isFinite(changed) && now < changed + minAgeDays * 86_400_000)
      throw faults.passwordChangeTooSoon();
  }
  const keep = int(lookup, 'zimbraPasswordEnforceHistory');
  if (keep > 0) {
    const recent = [state.currentHash, ...state.history].slice(0, keep);
    if (recent.some((hash) => hash !== null && verifyPassword(password, hash)))
      throw faults.passwordRecentlyUsed();
  }
}
