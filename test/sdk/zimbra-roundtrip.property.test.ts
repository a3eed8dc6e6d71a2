// Property: every value the SDK accepts round-trips exactly through the mock (1,800 runs per wire, both
// wires in CI);
// bench/zimbra-roundtrip.ts runs the same property 100,000 times per operation.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoAdmin } from './zimbra-fixtures.ts';
import {
  nameString,
  namesRoundTrip,
  type Outcome,
  passwordRoundTrip,
  trickyString,
} from './zimbra-roundtrip.ts';

const OWNER = 'mario.rossi@example.com';

describe('values round-trip exactly through the mock', () => {
  const demo = useDemoAdmin();
  let id = '';
  beforeAll(async () => {
    id = (await demo.admin.accounts.get(OWNER)).id;
  });

  it('stores givenName, sn and displayName as given, or refuses them before the wire', async () => {
    const seen: Record<Outcome, number> = { kept: 0, refused: 0, serverRefused: 0, changed: 0 };
    await fc.assert(
      fc.asyncProperty(fc.tuple(nameString(), nameString(), nameString()), async (values) => {
        const outcome = await namesRoundTrip(demo.admin, id, values);
        seen[outcome] += 1;
        expect(outcome).not.toBe('changed');
      }),
      { numRuns: 1500 },
    );
    expect(seen.kept).toBeGreaterThan(100);
    expect(seen.refused).toBeGreaterThan(100);
  }, 120_000);

  it('stores a password so that the owner logs in with exactly it, or refuses it before the wire', async () => {
    const seen: Record<Outcome, number> = { kept: 0, refused: 0, serverRefused: 0, changed: 0 };
    const password = fc
      .tuple(trickyString(6), fc.constantFrom('Aa1!', 'Zz9?x'))
      .map(([s, tail]) => `${s}${tail}`);
    await fc.assert(
      fc.asyncProperty(password, async (pw) => {
        const outcome = await passwordRoundTrip(demo.admin, demo.mock.url, id, OWNER, pw);
        seen[outcome] += 1;
        expect(outcome).not.toBe('changed');
      }),
      { numRuns: 300 },
    );
    expect(seen.kept).toBeGreaterThan(30);
  }, 120_000);
});
