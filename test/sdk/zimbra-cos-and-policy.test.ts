import { isZimbraFault, PasswordPolicy } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { failure, useDemoAdmin } from './zimbra-fixtures.ts';

describe('admin.cos and admin.passwordPolicy', () => {
  const demo = useDemoAdmin();

  it('lists the mailbox types with their quota and the default COS', async () => {
    const list = await demo.admin.cos.list();
    const byName = Object.fromEntries(list.map((c) => [c.name, c]));
    expect(byName.Standard?.quotaBytes).toBe(5368709120);
    expect(byName.Professional?.quotaBytes).toBe(53687091200);
    expect(byName.default?.isDefault).toBe(true);
    expect(byName.Standard?.isDefault).toBe(false);
  });

  it("reads a COS's policy and checks passwords offline, rule by rule in Zimbra's order", async () => {
    const policy = await demo.admin.passwordPolicy({ cos: 'Professional' });
    expect(policy.check('Casella-Demo-1!')).toEqual([]);
    expect(policy.check('abc').map((v) => v.rule)).toEqual([
      'zimbraPasswordMinLength',
      'zimbraPasswordMinUpperCaseChars',
      'zimbraPasswordMinNumericChars',
      'zimbraPasswordMinPunctuationChars',
    ]);
    expect(policy.check('abcdefgh1!')[0]).toEqual({
      rule: 'zimbraPasswordMinUpperCaseChars',
      limit: 1,
      message: 'not enough upper case characters',
    });
  });

  it('reads the policy that applies to an account through its COS', async () => {
    const policy = await demo.admin.passwordPolicy('mario.rossi@example.com');
    expect(policy.rules.counts.zimbraPasswordMinLength).toBe(8);
    const none = await demo.admin.passwordPolicy('admin@example.com');
    expect(none.check('x')).toEqual([]);
  });

  it('refuses a policy for an unknown COS with account.NO_SUCH_COS', async () => {
    expect(
      isZimbraFault(await failure(demo.admin.passwordPolicy({ cos: 'Platinum' })), 'account.NO_SUCH_COS'),
    ).toBe(true);
  });

  it('serialises a policy as its rules, which hold no secret', () => {
    const policy = new PasswordPolicy({ counts: { zimbraPasswordMinLength: 8 } });
    expect(JSON.parse(JSON.stringify(policy))).toEqual({ counts: { zimbraPasswordMinLength: 8 } });
  });
});
