/**
 * The pec-admin v1 input rules, written from docs/pec-admin.openapi.yaml (never shared with the SDK,
 * so the two implementations check each other in the tests).
 */

/** One failed rule, as it appears in an error's `details`. */
export interface RuleFailure {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

/** The published Aruba PEC password rule, as `GET /v1/password-policy` returns it. */
export interface PasswordPolicy {
  readonly minLength: number;
  readonly maxLength: number;
  readonly requireUpper: boolean;
  readonly requireLower: boolean;
  readonly requireDigit: boolean;
  readonly requireSpecial: boolean;
  readonly allowedSpecials: string;
  readonly forbidWhitespace: boolean;
}

/** The password policy the pec-admin contract publishes and the mock enforces. */
export const PEC_PASSWORD_POLICY: PasswordPolicy = Object.freeze({
  minLength: 8,
  maxLength: 256,
  requireUpper: true,
  requireLower: true,
  requireDigit: true,
  requireSpecial: true,
  allowedSpecials: '!#$%&()*+,./-:;=?[]_{|}\\@',
  forbidWhitespace: true,
});

/** Local parts nobody may create: the postmaster exists in every domain. */
export const RESERVED_LOCAL_PARTS: readonly string[] = ['postmaster'];

const LOCAL_PART_MIN = 2;
const LOCAL_PART_MAX = 64;

/** Every rule a password breaks (empty when it is acceptable). Lengths count Unicode code points. */
export function passwordFailures(
  password: string,
  policy: PasswordPolicy,
  field = 'password',
): RuleFailure[] {
  const chars = [...password];
  const failures: RuleFailure[] = [];
  const fail = (rule: string, message: string) => failures.push({ field, rule, message });
  const isSpecial = (c: string) => policy.allowedSpecials.includes(c);
  if (chars.length < policy.minLength) fail('minLength', `at least ${policy.minLength} characters`);
  if (chars.length > policy.maxLength) fail('maxLength', `at most ${policy.maxLength} characters`);
  if (policy.requireUpper && !chars.some((c) => c >= 'A' && c <= 'Z')) {
    fail('requireUpper', 'at least one upper case letter (A-Z)');
  }
  if (policy.requireLower && !chars.some((c) => c >= 'a' && c <= 'z')) {
    fail('requireLower', 'at least one lower case letter (a-z)');
  }
  if (policy.requireDigit && !chars.some((c) => c >= '0' && c <= '9'))
    fail('requireDigit', 'at least one digit');
  if (policy.requireSpecial && !chars.some(isSpecial)) {
    fail('requireSpecial', `at least one special character among ${policy.allowedSpecials}`);
  }
  const whitespace = (c: string) => /\s/u.test(c);
  if (policy.forbidWhitespace && chars.some(whitespace))
    fail('forbidWhitespace', 'no spaces or other blanks');
  // Whitespace has its own rule above; anything else outside A-Z, a-z, 0-9 and the specials is refused here.
  const other = chars.some((c) => !whitespace(c) && !/^[A-Za-z0-9]$/.test(c) && !isSpecial(c));
  if (other) fail('allowedCharacters', `only letters A-Z a-z, digits and ${policy.allowedSpecials}`);
  return failures;
}

/** The canonical form of a local part: the contract lower-cases input before checking it. */
export function normalizeLocalPart(input: string): string {
  return input.toLowerCase();
}

/** Every format rule a (normalized) local part breaks; `reserved` is checked separately. */
export function localPartFailures(localPart: string, field = 'localPart'): RuleFailure[] {
  const chars = [...localPart];
  const failures: RuleFailure[] = [];
  const fail = (rule: string, message: string) => failures.push({ field, rule, message });
  const alnum = (c: string | undefined) => c !== undefined && /^[a-z0-9]$/.test(c);
  if (chars.length < LOCAL_PART_MIN) fail('minLength', `at least ${LOCAL_PART_MIN} characters`);
  if (chars.length > LOCAL_PART_MAX) fail('maxLength', `at most ${LOCAL_PART_MAX} characters`);
  if (chars.some((c) => !/^[a-z0-9._-]$/.test(c))) {
    fail('allowedCharacters', 'only lower case letters, digits, ".", "_" and "-"');
  }
  if (chars.length > 0 && (!alnum(chars[0]) || !alnum(chars[chars.length - 1]))) {
    fail('letterOrDigitAtEnds', 'must start and end with a letter or a digit');
  }
  if (localPart.includes('..')) fail('noConsecutiveDots', 'no two dots in a row');
  return failures;
}

/** True when a well-formed local part is reserved. */
export function isReservedLocalPart(localPart: string): boolean {
  return RESERVED_LOCAL_PARTS.includes(localPart);
}
