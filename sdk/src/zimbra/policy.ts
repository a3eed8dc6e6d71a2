import { ValidationError, type ValidationIssue } from '../errors/validation-error.ts';
import { type Attrs, attrBoolean, attrInteger, attrString } from './attrs.ts';

/** The numeric zimbraPassword* rules, in the order Zimbra checks them. */
export const POLICY_COUNTS = [
  'zimbraPasswordMinLength',
  'zimbraPasswordMaxLength',
  'zimbraPasswordMinUpperCaseChars',
  'zimbraPasswordMinLowerCaseChars',
  'zimbraPasswordMinNumericChars',
  'zimbraPasswordMinPunctuationChars',
  'zimbraPasswordMinAlphaChars',
  'zimbraPasswordMinDigitsOrPuncs',
] as const;
export type PolicyCountRule = (typeof POLICY_COUNTS)[number];

/** Every rule a policy check can report; the name is the Zimbra attribute that sets it. */
export type PolicyRule =
  | PolicyCountRule
  | 'zimbraPasswordAllowedChars'
  | 'zimbraFeatureAllowUsernameInPassword'
  | 'zimbraPasswordLocked';

/** The password rules of a COS or an account; absent or 0 means "no check", as in Zimbra. */
export interface PasswordRules {
  readonly counts: Partial<Record<PolicyCountRule, number>>;
  /** `zimbraPasswordAllowedChars`: a regex every character must match. */
  readonly allowedChars?: string | undefined;
  /** `zimbraPasswordAllowedPunctuationChars`: a regex that defines punctuation. */
  readonly allowedPunctuationChars?: string | undefined;
  /** `zimbraFeatureAllowUsernameInPassword` FALSE: the username may not appear in the password. */
  readonly forbidUsername?: boolean | undefined;
  /** `zimbraPasswordLocked`: the owner cannot change the password. */
  readonly locked?: boolean | undefined;
}

/** One broken rule, with Zimbra's own wording (`too short`, `not enough upper case characters`). */
export interface PolicyViolation {
  readonly rule: PolicyRule;
  readonly limit: number | undefined;
  readonly message: string;
}

const WORDS: Record<PolicyCountRule, string> = {
  zimbraPasswordMinLength: 'too short',
  zimbraPasswordMaxLength: 'too long',
  zimbraPasswordMinUpperCaseChars: 'not enough upper case characters',
  zimbraPasswordMinLowerCaseChars: 'not enough lower case characters',
  zimbraPasswordMinNumericChars: 'not enough numeric characters',
  zimbraPasswordMinPunctuationChars: 'not enough punctuation characters',
  zimbraPasswordMinAlphaChars: 'not enough alpha characters',
  zimbraPasswordMinDigitsOrPuncs: 'not enough numeric or punctuation characters',
};

// Zimbra's default punctuation: ASCII 33-47, 58-64, 91-96, 123-126.
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

function safeRegex(source: string | undefined): RegExp | undefined {
  if (source === undefined || source === '') return undefined;
  try {
    return new RegExp(source, 'u');
  } catch {
    return undefined; // a Java-only pattern: leave the check to the server
  }
}

/**
 * A password policy that can be checked offline, e.g. while a user types.
 * @example
 * const policy = await admin.passwordPolicy({ cos: 'Professional' });
 * policy.check('short'); // [{ rule: 'zimbraPasswordMinLength', limit: 8, message: 'too short' }, ...]
 */
export class PasswordPolicy {
  readonly rules: PasswordRules;

  constructor(rules: PasswordRules) {
    this.rules = rules;
  }

  /** Reads the zimbraPassword* attributes of a COS or of an account (COS values applied). */
  static fromAttrs(attrs: Attrs): PasswordPolicy {
    const counts: Partial<Record<PolicyCountRule, number>> = {};
    for (const rule of POLICY_COUNTS) {
      const n = attrInteger(attrs, rule);
      if (n !== undefined) counts[rule] = n;
    }
    return new PasswordPolicy({
      counts,
      allowedChars: attrString(attrs, 'zimbraPasswordAllowedChars'),
      allowedPunctuationChars: attrString(attrs, 'zimbraPasswordAllowedPunctuationChars'),
      forbidUsername: attrBoolean(attrs, 'zimbraFeatureAllowUsernameInPassword') === false,
      locked: attrBoolean(attrs, 'zimbraPasswordLocked') ?? false,
    });
  }

  /** This policy with `other`'s rules laid over it (an account's own values over its COS's). */
  overriddenBy(other: PasswordPolicy): PasswordPolicy {
    const o = other.rules;
    return new PasswordPolicy({
      counts: { ...this.rules.counts, ...o.counts },
      allowedChars: o.allowedChars ?? this.rules.allowedChars,
      allowedPunctuationChars: o.allowedPunctuationChars ?? this.rules.allowedPunctuationChars,
      forbidUsername: o.forbidUsername || this.rules.forbidUsername,
      locked: o.locked || this.rules.locked,
    });
  }

  /**
   * Every rule the password breaks, in Zimbra's check order (an empty list means it passes).
   * `username` is the account's local part, for the username rule.
   * @example
   * policy.check('Casella-Demo-1!'); // []
   */
  check(password: string, username?: string): PolicyViolation[] {
    const out: PolicyViolation[] = [];
    const { counts } = this.rules;
    const chars = [...password];
    const minLength = counts.zimbraPasswordMinLength ?? 0;
    const maxLength = counts.zimbraPasswordMaxLength ?? 0;
    if (minLength > 0 && chars.length < minLength) out.push(this.#broken('zimbraPasswordMinLength'));
    if (maxLength > 0 && chars.length > maxLength) out.push(this.#broken('zimbraPasswordMaxLength'));
    if (this.rules.forbidUsername && username && password.toLowerCase().includes(username.toLowerCase())) {
      out.push({
        rule: 'zimbraFeatureAllowUsernameInPassword',
        limit: undefined,
        message: 'password contains username',
      });
    }
    const allowed = safeRegex(this.rules.allowedChars);
    if (allowed !== undefined && chars.some((c) => !allowed.test(c))) {
      out.push({
        rule: 'zimbraPasswordAllowedChars',
        limit: undefined,
        message: 'contains a character that is not allowed',
      });
    }
    const punct = safeRegex(this.rules.allowedPunctuationChars) ?? ASCII_PUNCT;
    const tally = { upper: 0, lower: 0, digit: 0, punct: 0, alpha: 0 };
    for (const c of chars) {
      if (/\p{Lu}/u.test(c)) tally.upper++;
      if (/\p{Ll}/u.test(c)) tally.lower++;
      const isDigit = /\p{Nd}/u.test(c);
      const isPunct = punct.test(c);
      if (isDigit) tally.digit++;
      if (isPunct) tally.punct++;
      if (!isDigit && !isPunct) tally.alpha++;
    }
    const need: [PolicyCountRule, number][] = [
      ['zimbraPasswordMinUpperCaseChars', tally.upper],
      ['zimbraPasswordMinLowerCaseChars', tally.lower],
      ['zimbraPasswordMinNumericChars', tally.digit],
      ['zimbraPasswordMinPunctuationChars', tally.punct],
      ['zimbraPasswordMinAlphaChars', tally.alpha],
      ['zimbraPasswordMinDigitsOrPuncs', tally.digit + tally.punct],
    ];
    for (const [rule, have] of need) {
      const min = counts[rule] ?? 0;
      if (min > 0 && have < min) out.push(this.#broken(rule));
    }
    return out;
  }

  /** Throws a ValidationError on `field` (default `password`) naming every broken rule. */
  assert(password: string, field = 'password', username?: string): void {
    const broken = this.check(password, username);
    if (broken.length === 0) return;
    const issues: ValidationIssue[] = broken.map((v) => ({
      field,
      rule: v.rule,
      message: v.limit === undefined ? v.message : `${v.message} (${v.rule} ${v.limit})`,
    }));
    throw new ValidationError(issues);
  }

  /** The rules as plain data (a policy holds no secret). */
  toJSON(): PasswordRules {
    return this.rules;
  }

  #broken(rule: PolicyCountRule): PolicyViolation {
    return { rule, limit: this.rules.counts[rule], message: WORDS[rule] };
  }
}
