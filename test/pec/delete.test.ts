import { isPecApiError, ValidationError } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { failure, loginDemo, raw, rawToken, usePecMock } from './support.ts';

describe('PEC mailbox deletion', () => {
  const demo = usePecMock({ resetEach: true });

  it('warns before deleting: irreversible, all content lost, the name only for the same holder', async () => {
    const pec = await loginDemo(demo.mock);
    const warning = await pec.mailboxes.prepareDelete('fatture');
    expect(warning.confirmWith).toBe('fatture@pec.example.it');
    expect(warning.warnings.map((w) => w.rule)).toEqual(
      expect.arrayContaining(['irreversible', 'contentLost', 'sameHolderOnly']),
    );
    await expect(pec.mailboxes.get('fatture')).resolves.toMatchObject({ status: 'active' });
  });

  it('answers a delete without confirmation with 428 CONFIRMATION_REQUIRED and confirmWith', async () => {
    const res = await raw(demo.mock, 'DELETE', '/mailboxes/fatture', { token: await rawToken(demo.mock) });
    expect(res.status).toBe(428);
    expect(res.body.error.code).toBe('CONFIRMATION_REQUIRED');
    expect(res.body.error.confirmWith).toBe('fatture@pec.example.it');
  });

  it('refuses a delete whose confirmation is not the exact address before the wire; nothing changes', async () => {
    const pec = await loginDemo(demo.mock);
    const error = await failure(pec.mailboxes.delete('fatture', { confirm: 'fatture' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'confirm', rule: 'matchesAddress' });
    expect((await pec.domain()).mailboxCount).toBe(13);
  });

  it('answers a wrong confirmation with CONFIRMATION_MISMATCH and keeps the mailbox', async () => {
    const token = await rawToken(demo.mock);
    const res = await raw(demo.mock, 'DELETE', '/mailboxes/fatture?confirm=acquisti%40pec.example.it', {
      token,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CONFIRMATION_MISMATCH');
    expect((await raw(demo.mock, 'GET', '/mailboxes/fatture', { token })).status).toBe(200);
  });

  it('deletes a mailbox confirmed with its address, freeing a slot', async () => {
    const pec = await loginDemo(demo.mock);
    await pec.mailboxes.delete('fatture', { confirm: 'fatture@pec.example.it' });
    expect(isPecApiError(await failure(pec.mailboxes.get('fatture')), 'MAILBOX_NOT_FOUND')).toBe(true);
    expect((await pec.domain()).mailboxCount).toBe(12);
  });

  it('deletes a suspended mailbox too', async () => {
    const pec = await loginDemo(demo.mock);
    await pec.mailboxes.delete('luca.esposito@pec.example.it', { confirm: 'luca.esposito@pec.example.it' });
    expect((await pec.domain()).mailboxCount).toBe(12);
  });

  it('refuses to delete the postmaster (POSTMASTER_PROTECTED), even when confirmed', async () => {
    const pec = await loginDemo(demo.mock);
    const error = await failure(pec.mailboxes.delete('postmaster', { confirm: 'postmaster@pec.example.it' }));
    expect(isPecApiError(error, 'POSTMASTER_PROTECTED')).toBe(true);
    expect((await failure(pec.mailboxes.prepareDelete('postmaster'))).code).toBe('POSTMASTER_PROTECTED');
  });

  it('answers a delete of a mailbox that does not exist with MAILBOX_NOT_FOUND', async () => {
    const pec = await loginDemo(demo.mock);
    const error = await failure(pec.mailboxes.delete('nessuno', { confirm: 'nessuno@pec.example.it' }));
    expect(isPecApiError(error, 'MAILBOX_NOT_FOUND')).toBe(true);
  });
});
