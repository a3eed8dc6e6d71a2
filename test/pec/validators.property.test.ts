import type { MockServer } from '@casella/mock-server';
import {
  checkPecPassword,
  DEFAULT_PEC_PASSWORD_POLICY,
  isPecApiError,
  PecPostmaster,
  ValidationError,
  validateLocalPart,
} from '@casella/sdk';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The mock's own rules (it never imports the SDK): the two implementations must agree.
import {
  isReservedLocalPart,
  localPartFailures,
  PEC_PASSWORD_POLICY,
  passwordFailures,
} from '../../mock-server/src/pec/rules.ts';
import { DEMO_PASSWORD, raw, rawToken, startPecMock } from './support.ts';

const rules = (issues: readonly { rule?: string }[]) => issues.map((i) => i.rule);

/** Names near the rule's edges: valid characters, upper case, dots, dashes, a few forbidden ones. */
const localParts = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'abcz09._-'), maxLength: 70 }),
  fc.string({ unit: fc.constantFrom(...'aZ9.-_@ +èİ/'), maxLength: 8 }),
  fc.constantFrom('postmaster', 'PostMaster', 'post.master', 'a', 'ab', 'a'.repeat(64), 'a'.repeat(65)),
  fc.string({ maxLength: 10 }),
);

/** Passwords mixing every class the policy knows, blanks and characters outside the set. */
const passwords = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'aZ9!@\\{}[]|_-.$ \t~^"\'èß€'), maxLength: 14 }),
  // Blanks at the edge of "whitespace": NEL, NBSP, BOM, line separator, ideographic space, Mongolian vowel separator, ZWSP.
  fc.string({
    unit: fc.constantFrom(...'Aa1!', '\u0085', '\u00a0', '\ufeff', '\u2028', '\u3000', '\u180e', '\u200b'),
    maxLength: 12,
  }),
  fc.string({ unit: fc.constantFrom(...'Ab1!'), minLength: 250, maxLength: 260 }),
  fc.string({ maxLength: 12 }),
);

function mockLocalPartVerdict(input: string): string[] {
  const normalized = input.toLowerCase();
  const failures = rules(localPartFailures(normalized));
  if (failures.length === 0 && isReservedLocalPart(normalized)) return ['reserved'];
  return failures as string[];
}

describe('PEC validators agree with the server', () => {
  let mock: MockServer;
  let token: string;
  beforeAll(async () => {
    mock = await startPecMock({
      domains: [{ name: 'pec.prove.it', postmasterPassword: DEMO_PASSWORD, mailboxLimit: null }],
    });
    token = await rawToken(mock, 'postmaster@pec.prove.it');
  });
  afterAll(() => mock.close());

  it('publishes the same default password policy as the server', () => {
    expect(DEFAULT_PEC_PASSWORD_POLICY).toEqual(PEC_PASSWORD_POLICY);
  });

  it('judges every local part exactly as the mock does, rule by rule', () => {
    fc.assert(
      fc.property(localParts, (input) => {
        expect(rules(validateLocalPart(input))).toEqual(mockLocalPartVerdict(input));
      }),
      { numRuns: 2000 },
    );
  });

  it('judges every password exactly as the mock does, rule by rule', () => {
    fc.assert(
      fc.property(passwords, (password) => {
        expect(rules(checkPecPassword(DEFAULT_PEC_PASSWORD_POLICY, password))).toEqual(
          rules(passwordFailures(password, PEC_PASSWORD_POLICY)),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('never refuses a create the server accepts, nor accepts one the server refuses (over HTTP)', async () => {
    await fc.assert(
      fc.asyncProperty(localParts, passwords, async (localPart, password) => {
        const res = await raw(mock, 'POST', '/mailboxes', {
          token,
          body: { localPart, password, passwordConfirm: password },
        });
        const nameIssues = rules(validateLocalPart(localPart));
        const passwordIssues = rules(checkPecPassword(DEFAULT_PEC_PASSWORD_POLICY, password));
        if (nameIssues.length === 0 && passwordIssues.length === 0) {
          expect([201, 409]).toContain(res.status);
          return;
        }
        expect(res.status).toBe(422);
        const served = rules(res.body.error.details);
        if (nameIssues[0] === 'reserved') expect(res.body.error.code).toBe('RESERVED_LOCAL_PART');
        else if (nameIssues.length > 0) {
          expect(res.body.error.code).toBe('INVALID_LOCAL_PART');
          expect(served).toEqual(nameIssues);
        } else {
          expect(res.body.error.code).toBe('PASSWORD_POLICY_VIOLATION');
          expect(served).toEqual(passwordIssues);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('refuses through pec.mailboxes.create exactly what the server refuses, and sends the rest', async () => {
    const pec = await PecPostmaster.login({
      url: `${mock.url}/pec`,
      username: 'postmaster@pec.prove.it',
      password: DEMO_PASSWORD,
    });
    await fc.assert(
      fc.asyncProperty(localParts, passwords, async (localPart, password) => {
        const input = { localPart, password, passwordConfirm: password };
        const error = await pec.mailboxes.create(input).then(
          () => undefined,
          (e: unknown) => e,
        );
        if (error instanceof ValidationError) {
          const res = await raw(mock, 'POST', '/mailboxes', { token, body: input });
          expect(res.status).toBe(422);
        } else if (error !== undefined) {
          // Sent: the server may only say the name is taken.
          expect(isPecApiError(error, 'MAILBOX_EXISTS')).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
