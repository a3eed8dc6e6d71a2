import type { PasswordRules } from '../services/types.ts';

/** Ids of the rules a checklist shows, each with a translated sentence. */
export type RuleId =
  | 'minLength'
  | 'maxLength'
  | 'upper'
  | 'lower'
  | 'digit'
  | 'special'
  | 'allowed'
  | 'match';

/** One line of the live checklist. */
export interface RuleCheck {
  readonly rule: RuleId;
  readonly n: number;
  readonly ok: boolean;
}

/** The panel's published rule, used when no policy is known (a mailbox owner changing their password). */
export const PANEL_RULES: PasswordRules = {
  minLength: 8,
  minUpper: 1,
  minLower: 1,
  minDigits: 1,
  minSpecial: 1,
};

const count = (pw: string, re: RegExp): number => [...pw].filter((c) => re.test(c)).length;

/** Checks a password (and its repetition) against the rules; the checklist shows every line. */
export function checkPassword(rules: PasswordRules, password: string, repeat: string): RuleCheck[] {
  const length = [...password].length;
  const checks: RuleCheck[] = [];
  if (rules.minLength) checks.push({ rule: 'minLength', n: rules.minLength, ok: length >= rules.minLength });
  if (rules.maxLength) checks.push({ rule: 'maxLength', n: rules.maxLength, ok: length <= rules.maxLength });
  if (rules.minUpper)
    checks.push({ rule: 'upper', n: rules.minUpper, ok: count(password, /\p{Lu}/u) >= rules.minUpper });
  if (rules.minLower)
    checks.push({ rule: 'lower', n: rules.minLower, ok: count(password, /\p{Ll}/u) >= rules.minLower });
  if (rules.minDigits)
    checks.push({ rule: 'digit', n: rules.minDigits, ok: count(password, /[0-9]/) >= rules.minDigits });
  if (rules.minSpecial) {
    checks.push({
      rule: 'special',
      n: rules.minSpecial,
      ok: count(password, /[^\p{L}\p{N}\s]/u) >= rules.minSpecial,
    });
  }
  if (rules.allowedSpecials !== undefined) {
    const allowed = rules.allowedSpecials;
    checks.push({
      rule: 'allowed',
      n: 0,
      ok: [...password].every((c) => /[\p{L}\p{N}]/u.test(c) || allowed.includes(c)),
    });
  }
  checks.push({ rule: 'match', n: 0, ok: password.length > 0 && password === repeat });
  return checks;
}

/** True when every line of the checklist passes. */
export function passwordOk(checks: readonly RuleCheck[]): boolean {
  return checks.every((c) => c.ok);
}
