import { inspect } from 'node:util';
import type { MockServer } from '@casella/mock-server';
import { TimeoutError } from '@casella/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, failure, GOOD_PASSWORD, loginDemo, raw, rawToken, startPecMock } from './support.ts';

/** Every way a value may be shown: String, JSON, util.inspect (deep, with hidden fields). */
function renderings(value: unknown): string {
  return [String(value), JSON.stringify(value), inspect(value, { depth: 10, showHidden: true })].join('\n');
}

describe('PEC secrets stay hidden', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startPecMock();
  });
  beforeEach(() => mock.reset());
  afterAll(() => mock.close());

  it('never shows the password or the token of a logged-in client', async () => {
    const pec = await loginDemo(mock);
    const shown = renderings(pec);
    expect(shown).not.toContain(DEMO_PASSWORD);
    expect(shown).not.toMatch(/bearer|token/i);
    expect(JSON.parse(JSON.stringify(pec))).toEqual({
      address: 'postmaster@pec.example.it',
      domain: 'pec.example.it',
    });
  });

  it('never shows a refused login password in the error', async () => {
    const error = await failure(loginDemo(mock, { password: 'Sbagliata-Segreta-9!' }));
    expect(renderings(error)).not.toContain('Sbagliata-Segreta-9!');
  });

  it('never shows a refused new password in the ValidationError', async () => {
    const pec = await loginDemo(mock);
    const secret = 'segreta lunga 1';
    const error = await failure(
      pec.mailboxes.create({ localPart: 'gare', password: secret, passwordConfirm: secret }),
    );
    expect(error.issues.length).toBeGreaterThan(0);
    expect(renderings(error)).not.toContain(secret);
  });

  it('never shows the new password in a server refusal', async () => {
    const pec = await loginDemo(mock);
    const error = await failure(
      pec.mailboxes.changePassword('luca.esposito', {
        password: GOOD_PASSWORD,
        passwordConfirm: GOOD_PASSWORD,
      }),
    );
    expect(error.code).toBe('MAILBOX_NOT_ACTIVE');
    expect(renderings(error)).not.toContain(GOOD_PASSWORD);
  });

  it('never shows the Authorization header in a timeout', async () => {
    const pec = await loginDemo(mock, { timeoutMs: 30 });
    mock.backend.faults.set({ latencyMs: 200 });
    const error = await failure(pec.domain());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(renderings(error)).not.toMatch(/bearer|authorization/i);
  });

  it('never returns a password hash, salt or clear password in a mailbox on the wire', async () => {
    const res = await raw(mock, 'GET', '/mailboxes?q=fatture', { token: await rawToken(mock) });
    const item = res.body.items[0];
    expect(Object.keys(item).sort()).toEqual(
      ['address', 'capabilities', 'createdAt', 'localPart', 'quota', 'role', 'status'].sort(),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/hash|salt|Casella-Demo/i);
  });
});
