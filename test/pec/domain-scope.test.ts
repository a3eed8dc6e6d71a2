import { ValidationError } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { failure, loginDemo, raw, rawToken, usePecMock } from './support.ts';

describe('PEC token scope', () => {
  const demo = usePecMock();

  it('answers an address outside the token domain with 403 FORBIDDEN_DOMAIN', async () => {
    const token = await rawToken(demo.mock);
    const res = await raw(demo.mock, 'GET', '/mailboxes/mario.rossi%40pec.altro.it', { token });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN_DOMAIN');
    const reset = await raw(demo.mock, 'POST', '/mailboxes/mario.rossi%40pec.altro.it/password-reset', {
      token,
    });
    expect(reset.body.error.code).toBe('FORBIDDEN_DOMAIN');
  });

  it('accepts a full address inside the token domain in the path', async () => {
    const token = await rawToken(demo.mock);
    const res = await raw(demo.mock, 'GET', '/mailboxes/Mario.Rossi%40PEC.example.it', { token });
    expect(res.status).toBe(200);
    expect(res.body.localPart).toBe('mario.rossi');
  });

  it('refuses an address of another domain before the wire', async () => {
    const pec = await loginDemo(demo.mock);
    const error = await failure(pec.mailboxes.get('mario.rossi@pec.altro.it'));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'mailbox', rule: 'sameDomain' });
  });

  it('maps a full address inside the domain to its local part, in any case', async () => {
    const pec = await loginDemo(demo.mock);
    await expect(pec.mailboxes.get('FATTURE@pec.example.it')).resolves.toMatchObject({
      localPart: 'fatture',
    });
  });

  it('refuses a mailbox reference that cannot be a name, such as a path segment, before the wire', async () => {
    const pec = await loginDemo(demo.mock);
    for (const ref of ['..', 'a/b', '']) {
      expect(await failure(pec.mailboxes.get(ref))).toBeInstanceOf(ValidationError);
    }
  });
});
