import type { MockServer } from '@casella/mock-server';
import { ValidationError } from '@casella/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, loginDemo, raw, rawToken, startPecMock } from './support.ts';

describe('PEC token scope', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startPecMock();
  });
  afterAll(() => mock.close());

  it('answers an address outside the token domain with 403 FORBIDDEN_DOMAIN', async () => {
    const token = await rawToken(mock);
    const res = await raw(mock, 'GET', '/mailboxes/mario.rossi%40pec.altro.it', { token });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN_DOMAIN');
    const reset = await raw(mock, 'POST', '/mailboxes/mario.rossi%40pec.altro.it/password-reset', { token });
    expect(reset.body.error.code).toBe('FORBIDDEN_DOMAIN');
  });

  it('accepts a full address inside the token domain in the path', async () => {
    const token = await rawToken(mock);
    const res = await raw(mock, 'GET', '/mailboxes/Mario.Rossi%40PEC.example.it', { token });
    expect(res.status).toBe(200);
    expect(res.body.localPart).toBe('mario.rossi');
  });

  it('refuses an address of another domain before the wire', async () => {
    const pec = await loginDemo(mock);
    const error = await failure(pec.mailboxes.get('mario.rossi@pec.altro.it'));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'mailbox', rule: 'sameDomain' });
  });

  it('maps a full address inside the domain to its local part, in any case', async () => {
    const pec = await loginDemo(mock);
    await expect(pec.mailboxes.get('FATTURE@pec.example.it')).resolves.toMatchObject({
      localPart: 'fatture',
    });
  });

  it('refuses a mailbox reference that cannot be a name, such as a path segment, before the wire', async () => {
    const pec = await loginDemo(mock);
    for (const ref of ['..', 'a/b', '']) {
      expect(await failure(pec.mailboxes.get(ref))).toBeInstanceOf(ValidationError);
    }
  });
});
