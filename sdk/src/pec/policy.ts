import { z } from 'zod';
import type { ValidationIssue } from '../errors/index.ts';

/** The password policy as `GET /v1/password-policy` returns it. */
export const PecPasswordPolicySchema = z.object({
  /** Fewest characters (Unicode code points). */
  minLength: z.int().min(1),
  /** Most characters (Unicode code points). */
  maxLength: z.int().min(1),
  /** At least one upper case letter A-Z. */
  requireUpper: z.boolean(),
  /** At least one lower case letter a-z. */
  requireLower: z.boolean(),
  /** At least one digit 0-9. */
  requireDigit: z.boolean(),
  /** At least one character of `allowedSpecials`. */
  requireSpecial: z.boolean(),
  /** The only characters allowed besides letters and digits. */
  allowedSpecials: z.string(),
  /** No blanks anywhere. */
  forbidWhitespace: z.boolean(),
});
/** The server's password policy for new PEC mailbox passwords. */
export type PecPasswordPolicy = z.infer<typeof PecPasswordPolicySchema>;

/** The published Aruba PEC rule (8..256 characters, upper, lower, digit, one special of the set). */
export const DEFAULT_PEC_PASSWORD_POLICY: Readonly<PecPasswordPolicy> = Object.freeze({
  minLength: 8,
  maxLength: 256,
  requireUpper: true,
  requireLower: true,
  requireDigit: true,
  requireSpecial: true,
  allowedSpecials: '!#$%&()*+,./-:;=?[]_{|}\\@',
  forbidWhitespace: true,
});

const WHITESPACE = /^\s$/u;
const ALPHANUMERIC = /^[A-Za-z0-9]$/;

/**
 * Every rule of the policy a password breaks (`minLength`, `maxLength`, `requireUpper`, `requireLower`,
 * `requireDigit`, `requireSpecial`, `forbidWhitespace`, `allowedCharacters`); empty when it passes.
 * Letters are A-Z and a-z; lengths count Unicode code points. Messages never contain the password.
 * @example
 * checkPecPassword(DEFAULT_PEC_PASSWORD_POLICY, 'short').map((i) => i.rule) // ['minLength', 'requireUpper', ...]
 */
export function checkPecPassword(
  policy: PecPasswordPolicy,
  password: string,
  field = 'password',
): ValidationIssue[] {
  const chars = Array.from(password);
  const special = (c: string) => policy.allowedSpecials.includes(c);
  const issues: ValidationIssue[] = [];
  const add = (rule: string, message: string) => issues.push({ field, rule, message });
  if (chars.length < policy.minLength) add('minLength', `at least ${policy.minLength} characters`);
  if (chars.length > policy.maxLength) add('maxLength', `at most ${policy.maxLength} characters`);
  if (policy.requireUpper && !/[A-Z]/.test(password)) add('requireUpper', 'at least one upper case letter');
  if (policy.requireLower && !/[a-z]/.test(password)) add('requireLower', 'at least one lower case letter');
  if (policy.requireDigit && !/[0-9]/.test(password)) add('requireDigit', 'at least one digit');
  if (policy.requireSpecial && !chars.some(special)) {
    add('requireSpecial', `at least one of ${policy.allowedSpecials}`);
  }
  if (policy.forbidWhitespace && chars.some((c) => WHITESPACE.test(c))) add('forbidWhitespace', 'no blanks');
  if (chars.some((c) => !WHITESPACE.test(c) && !ALPHANUMERIC.test(c) && !special(c))) {
    add('allowedCharacters', `only letters, digits and ${policy.allowedSpecials}`);
  }
  return issues;
}

/** A policy that can also check a password offline, for live feedback while typing. */
export interface PecPasswordRules extends PecPasswordPolicy {
  /** Every rule the password breaks; empty when the server will accept it. */
  check(password: string): ValidationIssue[];
}

/** Adds `check()` to a policy. */
export function passwordRules(policy: PecPasswordPolicy): PecPasswordRules {
  const frozen = { ...policy };
  return Object.freeze({ ...frozen, check: (password: string) => checkPecPassword(frozen, password) });
}
