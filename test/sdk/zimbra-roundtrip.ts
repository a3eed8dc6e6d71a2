// The round-trip property shared by the test (thousands of runs) and bench/zimbra-roundtrip.ts (100,000):
// every value the SDK accepts is stored and read back exactly; every other value is refused before the wire.
import { isZimbraFault, ValidationError, type ZimbraAdmin } from '@casella/sdk';
import fc from 'fast-check';

// Characters that break naive encoders, mixed into arbitrary Unicode text.
const TRICKY = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u0000',
  '\u0001',
  '\u001f',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDC00',
  '&',
  '<',
  '>',
  ']]>',
  '"',
  "'",
  '&#13;',
  '\u00a0',
  '\u2028',
  '😀',
  'é',
];

/** Strings of arbitrary code points with the tricky ones mixed in, up to `max` pieces. */
export function trickyString(max = 8): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom(...TRICKY)), {
      maxLength: max,
    })
    .map((parts) => parts.join(''));
}

/** Names: mostly printable text with spaces, entities and emoji (which must be kept), tricky text a quarter of the time. */
export function nameString(): fc.Arbitrary<string> {
  const printable = fc.string({
    unit: fc.constantFrom(...'aàéZ9 -\'."&<>;#😀Ωß'.split(''), ' '),
    maxLength: 24,
  });
  return fc.oneof({ weight: 3, arbitrary: printable }, { weight: 1, arbitrary: trickyString() });
}

/** Rules the SDK may refuse a value with before the wire. */
export const REFUSAL_RULES = new Set(['xmlChar', 'whitespaceOnly', 'printable', 'maximum', 'minimum']);

/** What one run found: the value kept, refused before the wire, refused by the server, or changed. */
export type Outcome = 'kept' | 'refused' | 'serverRefused' | 'changed';

/** Sets givenName/sn/displayName and reads them back with GetAccount. */
export async function namesRoundTrip(
  admin: ZimbraAdmin,
  id: string,
  values: readonly [string, string, string],
): Promise<Outcome> {
  const [givenName, sn, displayName] = values;
  try {
    await admin.accounts.modify(id, { givenName, sn, displayName });
  } catch (error) {
    if (error instanceof ValidationError && error.issues.every((i) => REFUSAL_RULES.has(i.rule)))
      return 'refused';
    if (isZimbraFault(error)) return 'serverRefused';
    throw error;
  }
  const back = await admin.accounts.get(id);
  const want = (v: string) => (v === '' ? undefined : v);
  return back.givenName === want(givenName) && back.sn === want(sn) && back.displayName === want(displayName)
    ? 'kept'
    : 'changed';
}

/**
 * Sets a password as the admin, then logs the owner in with it through a hand-built JSON AuthRequest
 * (an oracle independent of the SDK's own encoders).
 */
export async function passwordRoundTrip(
  admin: ZimbraAdmin,
  url: string,
  id: string,
  name: string,
  password: string,
): Promise<Outcome> {
  try {
    await admin.accounts.setPassword(id, password, { policy: false });
  } catch (error) {
    if (error instanceof ValidationError && error.issues.every((i) => REFUSAL_RULES.has(i.rule)))
      return 'refused';
    if (isZimbraFault(error)) return 'serverRefused';
    throw error;
  }
  const answer = await fetch(`${url}/service/soap`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      Header: { context: { _jsns: 'urn:zimbra', nosession: {} } },
      Body: {
        AuthRequest: {
          _jsns: 'urn:zimbraAccount',
          account: { by: 'name', _content: name },
          password: { _content: password },
        },
      },
    }),
  });
  const text = await answer.text();
  return answer.status === 200 && text.includes('authToken') ? 'kept' : 'changed';
}
