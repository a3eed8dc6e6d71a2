import { isPecApiError, ValidationError } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { failure, GOOD_PASSWORD, loginDemo, raw, rawToken, usePecMock } from './support.ts';

const pair = { password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD };

describe('PEC mailbox creation', () => {
  const demo = usePecMock({ resetEach: true });

  it('creates a mailbox that works at once, lower-casing its name', async () => {
    const pec = await loginDemo(demo.mock);
    const created = await pec.mailboxes.create({ localPart: 'Ufficio.Tecnico', ...pair });
    expect(created).toMatchObject({
      address: 'ufficio.tecnico@pec.example.it',
      role: 'user',
      status: 'active',
      quota: { limitBytes: 1_073_741_824, usedBytes: 0 },
    });
    expect(await pec.mailboxes.get('ufficio.tecnico@pec.example.it')).toEqual(created);
    expect((await pec.domain()).mailboxCount).toBe(14);
  });

  it('answers a create with 201 and a Location header pointing at the new mailbox', async () => {
    const token = await rawToken(demo.mock);
    const res = await raw(demo.mock, 'POST', '/mailboxes', { token, body: { localPart: 'gare', ...pair } });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`${demo.mock.url}/pec/v1/mailboxes/gare`);
  });

  it('refuses a malformed name before the wire, listing every broken rule', async () => {
    const pec = await loginDemo(demo.mock);
    const error = await failure(pec.mailboxes.create({ localPart: '.a..b!', ...pair }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((i: { rule: string }) => i.rule)).toEqual([
      'allowedCharacters',
      'letterOrDigitAtEnds',
      'noConsecutiveDots',
    ]);
    expect(error.field).toBe('localPart');
  });

  it('answers a malformed name with INVALID_LOCAL_PART listing every broken rule', async () => {
    const token = await rawToken(demo.mock);
    const res = await raw(demo.mock, 'POST', '/mailboxes', { token, body: { localPart: '-x', ...pair } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('INVALID_LOCAL_PART');
    expect(res.body.error.details.map((d: { rule: string }) => d.rule)).toEqual(['letterOrDigitAtEnds']);
  });

  it('refuses the reserved name postmaster, in the SDK and on the server (RESERVED_LOCAL_PART)', async () => {
    const pec = await loginDemo(demo.mock);
    const error = await failure(pec.mailboxes.create({ localPart: 'PostMaster', ...pair }));
    expect(error.rule).toBe('reserved');
    const token = await rawToken(demo.mock);
    const res = await raw(demo.mock, 'POST', '/mailboxes', {
      token,
      body: { localPart: 'PostMaster', ...pair },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('RESERVED_LOCAL_PART');
  });

  it('refuses a weak password before the wire, listing every failed rule of the policy', async () => {
    const pec = await loginDemo(demo.mock);
    const error = await failure(
      pec.mailboxes.create({ localPart: 'gare', password: 'weak', passwordConfirm: 'weak' }),
    );
    expect(error.issues.map((i: { rule: string }) => i.rule)).toEqual([
      'minLength',
      'requireUpper',
      'requireDigit',
      'requireSpecial',
    ]);
  });

  it('answers a weak password with PASSWORD_POLICY_VIOLATION listing every failed rule', async () => {
    const token = await rawToken(demo.mock);
    const body = { localPart: 'gare', password: 'weak pw', passwordConfirm: 'weak pw' };
    const res = await raw(demo.mock, 'POST', '/mailboxes', { token, body });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('PASSWORD_POLICY_VIOLATION');
    expect(res.body.error.details.map((d: { rule: string }) => d.rule)).toEqual([
      'minLength',
      'requireUpper',
      'requireDigit',
      'requireSpecial',
      'forbidWhitespace',
    ]);
  });

  it('refuses a confirmation that differs from the password, in the SDK and on the server (PASSWORD_MISMATCH)', async () => {
    const pec = await loginDemo(demo.mock);
    const input = { localPart: 'gare', password: GOOD_PASSWORD, passwordConfirm: `${GOOD_PASSWORD}x` };
    const error = await failure(pec.mailboxes.create(input));
    expect(error).toMatchObject({ field: 'passwordConfirm', rule: 'matchesPassword' });
    const res = await raw(demo.mock, 'POST', '/mailboxes', { token: await rawToken(demo.mock), body: input });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('PASSWORD_MISMATCH');
  });

  it('refuses a name that exists with MAILBOX_EXISTS', async () => {
    const pec = await loginDemo(demo.mock);
    const error = await failure(pec.mailboxes.create({ localPart: 'fatture', ...pair }));
    expect(isPecApiError(error, 'MAILBOX_EXISTS')).toBe(true);
    expect(error.status).toBe(409);
  });

  it('refuses a mailbox beyond the domain limit with MAILBOX_LIMIT_REACHED', async () => {
    const pec = await loginDemo(demo.mock);
    for (let i = 1; i <= 7; i++) await pec.mailboxes.create({ localPart: `sede${i}`, ...pair });
    const error = await failure(pec.mailboxes.create({ localPart: 'sede8', ...pair }));
    expect(isPecApiError(error, 'MAILBOX_LIMIT_REACHED')).toBe(true);
    expect(error.status).toBe(403);
    expect((await pec.domain()).mailboxCount).toBe(20);
  });

  it('returns the first result for a repeated create with the same Idempotency-Key instead of 409', async () => {
    const pec = await loginDemo(demo.mock);
    const first = await pec.mailboxes.create(
      { localPart: 'gare', ...pair },
      { idempotencyKey: 'create-gare-1' },
    );
    const again = await pec.mailboxes.create(
      { localPart: 'gare', ...pair },
      { idempotencyKey: 'create-gare-1' },
    );
    expect(again).toEqual(first);
    const token = await rawToken(demo.mock);
    const headers = { 'idempotency-key': 'create-gare-1' };
    const res = await raw(demo.mock, 'POST', '/mailboxes', {
      token,
      headers,
      body: { localPart: 'gare', ...pair },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses an Idempotency-Key reused with another body (IDEMPOTENCY_KEY_REUSED)', async () => {
    const pec = await loginDemo(demo.mock);
    await pec.mailboxes.create({ localPart: 'gare', ...pair }, { idempotencyKey: 'k-1' });
    const error = await failure(
      pec.mailboxes.create({ localPart: 'bandi', ...pair }, { idempotencyKey: 'k-1' }),
    );
    expect(isPecApiError(error, 'IDEMPOTENCY_KEY_REUSED')).toBe(true);
    expect(error.status).toBe(422);
  });

  it('retries a create cut by a 503 with the same key, creating the mailbox once', async () => {
    const pec = await loginDemo(demo.mock);
    await pec.passwordPolicy();
    demo.mock.backend.faults.set({ failNext: 1 });
    await expect(pec.mailboxes.create({ localPart: 'gare', ...pair })).resolves.toMatchObject({
      localPart: 'gare',
    });
    expect((await pec.domain()).mailboxCount).toBe(14);
  });

  it('answers a create body with wrong types with VALIDATION_FAILED', async () => {
    const token = await rawToken(demo.mock);
    const res = await raw(demo.mock, 'POST', '/mailboxes', {
      token,
      body: { localPart: ['x'], password: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toHaveLength(3);
  });
});
