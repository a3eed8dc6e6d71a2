import { DEFAULT_PEC_PASSWORD_POLICY } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, loginDemo, usePecMock } from './support.ts';

describe('PEC domain and password policy', () => {
  const demo = usePecMock();

  it('shows the domain: active, 13 of 20 mailboxes (postmaster included), 1 GiB each', async () => {
    const pec = await loginDemo(demo.mock);
    expect(await pec.domain()).toEqual({
      name: 'pec.example.it',
      status: 'active',
      mailboxCount: 13,
      mailboxLimit: 20,
      mailboxQuotaBytes: 1_073_741_824,
    });
  });

  it("reads the server's password policy, which is the published default", async () => {
    const pec = await loginDemo(demo.mock);
    const policy = await pec.passwordPolicy();
    const { check: _check, ...rules } = policy;
    expect(rules).toEqual(DEFAULT_PEC_PASSWORD_POLICY);
  });

  it('checks a password offline against the policy, listing every failed rule', async () => {
    const policy = await (await loginDemo(demo.mock)).passwordPolicy();
    expect(policy.check(GOOD_PASSWORD)).toEqual([]);
    expect(policy.check('abc déf').map((i) => i.rule)).toEqual([
      'minLength',
      'requireUpper',
      'requireDigit',
      'requireSpecial',
      'forbidWhitespace',
      'allowedCharacters',
    ]);
  });
});
