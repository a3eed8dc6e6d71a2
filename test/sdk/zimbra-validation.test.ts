import { PasswordPolicy, ValidationError } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { failure, GOOD_PASSWORD, useDemoAdmin } from './zimbra-fixtures.ts';

const PANEL_POLICY = new PasswordPolicy({
  counts: {
    zimbraPasswordMinLength: 8,
    zimbraPasswordMaxLength: 64,
    zimbraPasswordMinUpperCaseChars: 1,
    zimbraPasswordMinLowerCaseChars: 1,
    zimbraPasswordMinNumericChars: 1,
    zimbraPasswordMinPunctuationChars: 1,
  },
});

describe('inputs are refused before the wire', () => {
  const demo = useDemoAdmin({ resetEach: true });

  // A pending injected failure that is still pending afterwards proves that no request went out.
  async function refusedOffline(run: () => Promise<unknown>): Promise<ValidationError> {
    demo.mock.backend.faults.set({ failNext: 1 });
    const error = await failure(run());
    expect(demo.mock.backend.faults.settings.failNext).toBe(1);
    demo.mock.backend.faults.clear();
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }

  it('refuses a malformed address naming field name and rule email', async () => {
    const e = await refusedOffline(() =>
      demo.admin.accounts.create({ name: 'not-an-address', password: GOOD_PASSWORD }),
    );
    expect(e).toMatchObject({ field: 'name', rule: 'email' });
  });

  it('refuses a negative or fractional quota', async () => {
    const neg = await refusedOffline(() =>
      demo.admin.accounts.create({ name: 'a@example.com', password: GOOD_PASSWORD, quotaBytes: -1 }),
    );
    expect(neg).toMatchObject({ field: 'quotaBytes', rule: 'nonNegative' });
    const frac = await refusedOffline(() =>
      demo.admin.accounts.modify('mario.rossi@example.com', { quotaBytes: 1.5 }),
    );
    expect(frac).toMatchObject({ field: 'quotaBytes', rule: 'integer' });
  });

  it('refuses an unknown status and an unknown field', async () => {
    const status = await refusedOffline(() =>
      demo.admin.accounts.modify('mario.rossi@example.com', { status: 'sleeping' as 'active' }),
    );
    expect(status).toMatchObject({ field: 'status', rule: 'oneOf' });
    const unknown = await refusedOffline(() =>
      demo.admin.accounts.modify('mario.rossi@example.com', { surname: 'X' } as unknown as { sn: string }),
    );
    expect(unknown).toMatchObject({ field: 'surname', rule: 'unknownField' });
  });

  it('refuses a password that breaks a given policy, naming the Zimbra rule', async () => {
    const e = await refusedOffline(() =>
      demo.admin.accounts.create(
        { name: 'a@example.com', password: 'tutto-minuscolo-1' },
        { policy: PANEL_POLICY },
      ),
    );
    expect(e).toMatchObject({ field: 'password', rule: 'zimbraPasswordMinUpperCaseChars' });
    expect(e.message).not.toContain('tutto-minuscolo-1');
  });

  it("refuses a password that breaks the target COS's policy read from the server, creating nothing", async () => {
    const before = await demo.admin.accounts.count({ domain: 'example.com' });
    const error = await failure(
      demo.admin.accounts.create({ name: 'corto@example.com', password: 'Ab1!', cos: 'Standard' }),
    );
    expect(error).toMatchObject({ field: 'password', rule: 'zimbraPasswordMinLength' });
    const reset = await failure(
      demo.admin.accounts.setPassword('mario.rossi@example.com', 'senzamaiuscole1!'),
    );
    expect(reset).toMatchObject({ field: 'password', rule: 'zimbraPasswordMinUpperCaseChars' });
    expect(await demo.admin.accounts.count({ domain: 'example.com' })).toBe(before);
  });

  it('refuses an empty password, a bad account reference and a bad attribute name', async () => {
    expect(await refusedOffline(() => demo.admin.accounts.setPassword('x@example.com', ''))).toMatchObject({
      field: 'password',
      rule: 'minimum',
    });
    expect(await refusedOffline(() => demo.admin.accounts.get('mario rossi'))).toMatchObject({
      field: 'ref',
      rule: 'accountRef',
    });
    expect(
      await refusedOffline(() =>
        demo.admin.accounts.create({
          name: 'a@example.com',
          password: GOOD_PASSWORD,
          // @ts-expect-error a name Zimbra does not define is refused by the type too
          attrs: { 'bad name': 'x' },
        }),
      ),
    ).toMatchObject({ field: 'attrs.bad name', rule: 'attrName' });
  });

  it('refuses a negative type limit and a malformed domain', async () => {
    expect(
      await refusedOffline(() => demo.admin.domains.setTypeLimit('example.com', 'Standard', -5)),
    ).toMatchObject({
      field: 'max',
      rule: 'nonNegative',
    });
    expect(await refusedOffline(() => demo.admin.domains.capacity('not a domain'))).toMatchObject({
      field: 'name',
      rule: 'domain',
    });
  });

  it('refuses a modify that changes nothing', async () => {
    const e = await refusedOffline(() =>
      demo.admin.accounts.modify('00000000-0000-4000-8000-000000000000', {}),
    );
    expect(e).toMatchObject({ rule: 'nothingToChange' });
  });
});
