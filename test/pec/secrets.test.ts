import { inspect } from 'node:util';
import { PecPostmaster, TimeoutError } from '@casella/sdk';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { startRecordingProxy } from './proxy.ts';
import {
  DEMO_PASSWORD,
  failure,
  GOOD_PASSWORD,
  loginDemo,
  POSTMASTER,
  raw,
  rawToken,
  usePecMock,
} from './support.ts';

/** Every way a value may be shown: String, JSON, util.inspect (deep, with hidden fields). */
function renderings(value: unknown): string {
  return [String(value), JSON.stringify(value), inspect(value, { depth: 10, showHidden: true })].join('\n');
}

describe('PEC secrets stay hidden', () => {
  const demo = usePecMock({ resetEach: true });

  it('never shows the password or the token of a logged-in client', async () => {
    const pec = await loginDemo(demo.mock);
    const shown = renderings(pec);
    expect(shown).not.toContain(DEMO_PASSWORD);
    expect(shown).not.toMatch(/bearer|token/i);
    expect(JSON.parse(JSON.stringify(pec))).toEqual({
      address: 'postmaster@pec.example.it',
      domain: 'pec.example.it',
    });
  });

  it('never shows a refused login password in the error', async () => {
    const error = await failure(loginDemo(demo.mock, { password: 'Sbagliata-Segreta-9!' }));
    expect(renderings(error)).not.toContain('Sbagliata-Segreta-9!');
  });

  it('never shows a refused new password in the ValidationError', async () => {
    const pec = await loginDemo(demo.mock);
    const secret = 'segreta lunga 1';
    const error = await failure(
      pec.mailboxes.create({ localPart: 'gare', password: secret, passwordConfirm: secret }),
    );
    expect(error.issues.length).toBeGreaterThan(0);
    expect(renderings(error)).not.toContain(secret);
  });

  it('never echoes a refused password or confirmation in an error, whatever rule it breaks', async () => {
    const pec = await loginDemo(demo.mock);
    await pec.passwordPolicy();
    // A marker no message contains, followed by anything: blanks, accents, too long, too short, no class.
    const secrets = fc.string({ maxLength: 300 }).map((tail) => `Zq${tail}`);
    await fc.assert(
      fc.asyncProperty(secrets, fc.boolean(), async (password, same) => {
        const passwordConfirm = same ? password : `${password}Zq`;
        const attempts = [
          () => pec.mailboxes.create({ localPart: 'gare', password, passwordConfirm }),
          () => pec.mailboxes.changePassword('fatture', { password, passwordConfirm }),
        ];
        for (const attempt of attempts) {
          const error = await attempt().then(
            () => undefined,
            (e: unknown) => e,
          );
          const shown = renderings(error);
          expect(shown).not.toContain(password);
          expect(shown).not.toContain(passwordConfirm);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never shows the new password in a server refusal', async () => {
    const pec = await loginDemo(demo.mock);
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
    const pec = await loginDemo(demo.mock, { timeoutMs: 30 });
    demo.mock.backend.faults.set({ latencyMs: 200 });
    const error = await failure(pec.domain());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(renderings(error)).not.toMatch(/bearer|authorization/i);
  });

  it('never shows the token, the password or a temporary password anywhere through a whole workflow, nor logs', async () => {
    const proxy = await startRecordingProxy(demo.mock.url);
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const spies = methods.map((m) => vi.spyOn(console, m).mockImplementation(() => undefined));
    try {
      const pec = await PecPostmaster.login({
        url: `${proxy.url}/pec`,
        username: POSTMASTER,
        password: DEMO_PASSWORD,
        timeoutMs: 2000,
      });
      const seen: unknown[] = [pec, pec.mailboxes, await pec.domain(), await pec.passwordPolicy()];
      for await (const m of pec.mailboxes.search({ q: 'a' })) seen.push(m);
      const pair = { password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD };
      seen.push(await pec.mailboxes.create({ localPart: 'gare', ...pair }));
      const { temporaryPassword } = await pec.mailboxes.resetPassword('gare');
      seen.push(await failure(pec.mailboxes.create({ localPart: 'gare', ...pair })));
      seen.push(await failure(pec.mailboxes.changePassword('luca.esposito', pair)));
      seen.push(await failure(pec.mailboxes.delete('gare', { confirm: temporaryPassword })));
      seen.push(await pec.mailboxes.prepareDelete('gare'), pec, pec.mailboxes);
      const shown = seen.map(renderings).join('\n');
      const logged = JSON.stringify(spies.map((s) => s.mock.calls));
      for (const secret of [DEMO_PASSWORD, GOOD_PASSWORD, temporaryPassword]) {
        expect(shown).not.toContain(secret);
        expect(logged).not.toContain(secret);
      }
      // The token is only known from the wire: every bearer token the client sent.
      const tokens = proxy.exchanges.flatMap(
        (e) => /^Bearer (.+)$/.exec(e.headers.authorization ?? '')?.[1] ?? [],
      );
      expect(tokens.length).toBeGreaterThan(0);
      for (const t of tokens) expect(`${shown}\n${logged}`).not.toContain(t);
    } finally {
      for (const spy of spies) spy.mockRestore();
      await proxy.close();
    }
  });

  it('never returns a password hash, salt or clear password in a mailbox on the wire', async () => {
    const res = await raw(demo.mock, 'GET', '/mailboxes?q=fatture', { token: await rawToken(demo.mock) });
    const item = res.body.items[0];
    expect(Object.keys(item).sort()).toEqual(
      ['address', 'capabilities', 'createdAt', 'localPart', 'quota', 'role', 'status'].sort(),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/hash|salt|Casella-Demo/i);
  });
});
