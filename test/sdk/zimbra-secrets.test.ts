import { inspect } from 'node:util';
import { type MockServer, startMockServer } from '@casella/mock-server';
import { ZimbraAccount, ZimbraAdmin, zimbraBatch } from '@casella/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  failure,
  GOOD_PASSWORD,
  loginAs,
  type Recorder,
  startRecorder,
  WIRE,
} from './zimbra-fixtures.ts';

/** Every way an object or error can be shown: none may contain a secret. */
function shown(value: unknown): string {
  return [
    String(value),
    JSON.stringify(value) ?? '',
    inspect(value, { depth: 10, showHidden: true, getters: true }),
    value instanceof Error ? `${value.message}\n${value.stack}\n${inspect(value.cause, { depth: 10 })}` : '',
  ].join('\n');
}

describe('secrets stay out of errors, JSON, strings and inspect', () => {
  let mock: MockServer;
  let recorder: Recorder;
  let admin: ZimbraAdmin;
  let token: string;
  beforeAll(async () => {
    mock = await startMockServer({ seed: 'demo' });
    recorder = await startRecorder(mock.url);
    admin = await loginAs(mock, 'admin@example.com', { url: recorder.url });
    await admin.cos.list();
    // The token as it went over the wire, to look for it below.
    const sent = recorder.bodies.find((b) => /<authToken>|"authToken":\{"_content"/.test(b)) ?? '';
    token =
      /<authToken>([^<]+)<\/authToken>|"authToken":\{"_content":"([^"]+)"/
        .exec(sent)
        ?.slice(1)
        .find(Boolean) ?? '';
    expect(token.length).toBeGreaterThan(8);
  });
  afterAll(async () => {
    await admin.close();
    await recorder.close();
    await mock.close();
  });

  it('shows the client as its URL and username only', () => {
    for (const target of [admin, admin.accounts, admin.domains, admin.quota, admin.cos]) {
      const text = shown(target);
      expect(text).not.toContain(DEMO_PASSWORD);
      expect(text).not.toContain(token);
    }
    expect(JSON.parse(JSON.stringify(admin))).toEqual({ url: recorder.url, username: 'admin@example.com' });
    expect(inspect(admin)).toBe(`ZimbraAdmin(admin@example.com @ ${recorder.url})`);
  });

  it('keeps a wrong password out of the AUTH_FAILED error', async () => {
    const wrong = 'Sbagliata-Pass-9!';
    const error = await failure(
      ZimbraAdmin.login({ url: mock.url, wire: WIRE, username: 'admin@example.com', password: wrong }),
    );
    expect(error).toMatchObject({ code: 'account.AUTH_FAILED' });
    expect(shown(error)).not.toContain(wrong);
  });

  it('keeps passwords out of policy refusals, server faults and batch faults', async () => {
    const weak = 'tuttominuscolo1!';
    const validation = await failure(
      admin.accounts.create({ name: 'a@example.com', password: weak, cos: 'Standard' }),
    );
    expect(shown(validation)).not.toContain(weak);
    const server = await failure(
      admin.accounts.create({ name: 'b@example.com', password: 'cortissima' }, { policy: false }),
    );
    expect(server).toMatchObject({ code: 'account.INVALID_PASSWORD' });
    expect(shown(server)).not.toContain('cortissima');
    const [item] = await admin.batch([
      zimbraBatch.createAccount({
        name: 'mario.rossi@example.com',
        password: GOOD_PASSWORD,
        cos: 'Standard',
      }),
    ]);
    expect(item.ok).toBe(false);
    const text = shown(item);
    for (const secret of [GOOD_PASSWORD, DEMO_PASSWORD, token]) expect(text).not.toContain(secret);
  });

  it('never echoes a refused password value in a ValidationError, whatever rule it broke', async () => {
    const secret = 'Rifiutata-Segreta-7?';
    const long = secret.repeat(60); // over the 1024-character cap
    // Thunks: each call starts only when the previous refusal was read.
    const refusals: (() => Promise<unknown>)[] = [
      () => admin.accounts.create({ name: 'v@example.com', password: long }),
      () =>
        admin.accounts.create({ name: 'v@example.com', password: secret, attrs: { userPassword: secret } }),
      () => admin.accounts.create({ name: secret, password: secret }),
      () => admin.accounts.create({ name: 'v@example.com', password: secret, passwd: secret } as never),
      () => admin.accounts.setPassword('mario.rossi@example.com', long),
      () => admin.accounts.setPassword(secret, secret),
      () => admin.batch([zimbraBatch.setPassword('96a0f96b-12bc-4390-971e-996479adc7e7', long)]),
      () =>
        ZimbraAdmin.login({
          url: `http://admin:${secret}@127.0.0.1:1`,
          username: 'admin@example.com',
          password: secret,
        }),
      () =>
        ZimbraAdmin.login({
          url: mock.url,
          wire: WIRE,
          username: 'admin@example.com',
          password: [secret] as never,
        }),
      () =>
        ZimbraAccount.changePassword({
          wire: WIRE,
          url: mock.url,
          username: 'mario.rossi@example.com',
          oldPassword: long,
          newPassword: secret,
        }),
      () =>
        ZimbraAccount.changePassword({
          wire: WIRE,
          url: mock.url,
          username: 'mario.rossi@example.com',
          oldPassword: secret,
          newPassword: long,
        }),
    ];
    for (const refused of refusals) {
      const error = await failure(refused());
      expect(error).toMatchObject({ code: 'VALIDATION' });
      expect(shown(error)).not.toContain(secret);
    }
  });

  it('keeps the token and password out of transport and timeout errors', async () => {
    mock.backend.faults.set({ failNext: 1 });
    const transport = await failure(
      admin.accounts.create(
        { name: 'c@example.com', password: GOOD_PASSWORD, cos: 'Standard' },
        { policy: false },
      ),
    );
    mock.backend.faults.clear();
    for (const secret of [GOOD_PASSWORD, DEMO_PASSWORD, token])
      expect(shown(transport)).not.toContain(secret);
    const slow = await loginAs(mock, 'admin@example.com', { timeoutMs: 50 });
    mock.backend.faults.set({ latencyMs: 300 });
    const timeout = await failure(
      slow.accounts.create({ name: 'd@example.com', password: GOOD_PASSWORD }, { policy: false }),
    );
    mock.backend.faults.clear();
    await slow.close();
    expect(timeout).toMatchObject({ code: 'TIMEOUT' });
    for (const secret of [GOOD_PASSWORD, DEMO_PASSWORD]) expect(shown(timeout)).not.toContain(secret);
  });

  it("keeps both of an owner's passwords out of a ChangePassword refusal", async () => {
    const error = await failure(
      ZimbraAccount.changePassword({
        wire: WIRE,
        url: mock.url,
        username: 'mario.rossi@example.com',
        oldPassword: 'Vecchia-Sbagliata-1!',
        newPassword: GOOD_PASSWORD,
      }),
    );
    expect(error).toMatchObject({ code: 'account.AUTH_FAILED' });
    expect(shown(error)).not.toContain('Vecchia-Sbagliata-1!');
    expect(shown(error)).not.toContain(GOOD_PASSWORD);
  });
});
