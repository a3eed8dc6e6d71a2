import { generatePassword, PasswordPolicy } from '@casella/sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('generatePassword', () => {
  it('meets any satisfiable policy: counts, maximum length, allowed punctuation, no username', () => {
    fc.assert(
      fc.property(
        fc.record({
          min: fc.integer({ min: 0, max: 40 }),
          upper: fc.integer({ min: 0, max: 5 }),
          lower: fc.integer({ min: 0, max: 5 }),
          digits: fc.integer({ min: 0, max: 5 }),
          punct: fc.integer({ min: 0, max: 5 }),
          slack: fc.integer({ min: 0, max: 30 }),
          punctSet: fc.constantFrom(undefined, '[!.@]', '[_]'),
          user: fc.stringMatching(/^[a-z]{3,8}$/),
        }),
        (p) => {
          const needed =
            Math.max(1, p.upper) + Math.max(1, p.lower) + Math.max(1, p.digits) + Math.max(1, p.punct);
          const policy = new PasswordPolicy({
            counts: {
              zimbraPasswordMinLength: p.min,
              zimbraPasswordMaxLength: Math.max(p.min, needed) + p.slack,
              zimbraPasswordMinUpperCaseChars: p.upper,
              zimbraPasswordMinLowerCaseChars: p.lower,
              zimbraPasswordMinNumericChars: p.digits,
              zimbraPasswordMinPunctuationChars: p.punct,
            },
            allowedPunctuationChars: p.punctSet,
            forbidUsername: true,
          });
          const password = generatePassword(policy, {}, p.user);
          expect(policy.check(password, p.user)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives a different 16-character password each time when there is no policy', () => {
    const seen = new Set(Array.from({ length: 200 }, () => generatePassword()));
    expect(seen.size).toBe(200);
    for (const p of seen) expect([...p]).toHaveLength(16);
  });

  it('says so when a policy cannot be met', () => {
    const policy = new PasswordPolicy({
      counts: { zimbraPasswordMaxLength: 3, zimbraPasswordMinUpperCaseChars: 2 },
    });
    expect(() => generatePassword(policy)).toThrow(
      expect.objectContaining({ code: 'PASSWORD_POLICY_UNSATISFIABLE' }),
    );
  });
});
