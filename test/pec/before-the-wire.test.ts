import type { MockServer } from '@casella/mock-server';
import { PecPostmaster, ValidationError } from '@casella/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordingProxy, startRecordingProxy } from './proxy.ts';
import { DEMO_PASSWORD, failure, GOOD_PASSWORD, POSTMASTER, startPecMock } from './support.ts';

describe('PEC inputs refused before anything goes on the wire', () => {
  let mock: MockServer;
  let proxy: RecordingProxy;
  let pec: PecPostmaster;
  beforeAll(async () => {
    mock = await startPecMock();
    proxy = await startRecordingProxy(mock.url);
    pec = await PecPostmaster.login({
      url: `${proxy.url}/pec`,
      username: POSTMASTER,
      password: DEMO_PASSWORD,
    });
    await pec.passwordPolicy();
  });
  afterAll(async () => {
    await proxy.close();
    await mock.close();
  });

  /** Runs a call that must be refused and returns the requests it sent. */
  async function refused(call: () => Promise<unknown>): Promise<{ error: unknown; sent: number }> {
    const before = proxy.exchanges.length;
    const error = await failure(call());
    return { error, sent: proxy.exchanges.length - before };
  }

  it('sends no delete unless the confirmation is the exact address of the mailbox', async () => {
    for (const confirm of ['fatture', 'acquisti@pec.example.it', 'fatture@pec.altro.it', '']) {
      const { error, sent } = await refused(() => pec.mailboxes.delete('fatture', { confirm }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field: 'confirm', rule: 'matchesAddress' });
      expect(sent).toBe(0);
    }
  });

  it('sends nothing for an address outside the session domain, whatever the operation', async () => {
    const ref = 'mario.rossi@pec.altro.it';
    const pair = { password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD };
    for (const call of [
      () => pec.mailboxes.get(ref),
      () => pec.mailboxes.changePassword(ref, pair),
      () => pec.mailboxes.resetPassword(ref),
      () => pec.mailboxes.prepareDelete(ref),
      () => pec.mailboxes.delete(ref, { confirm: ref }),
    ]) {
      const { error, sent } = await refused(call);
      expect(error).toMatchObject({ field: 'mailbox', rule: 'sameDomain' });
      expect(sent).toBe(0);
    }
  });

  it('sends no create with a bad name, a weak password or a different confirmation', async () => {
    for (const input of [
      { localPart: 'post..master', password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD },
      { localPart: 'postmaster', password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD },
      { localPart: 'gare', password: 'debole', passwordConfirm: 'debole' },
      { localPart: 'gare', password: GOOD_PASSWORD, passwordConfirm: `${GOOD_PASSWORD}!` },
    ]) {
      const { error, sent } = await refused(() => pec.mailboxes.create(input));
      expect(error).toBeInstanceOf(ValidationError);
      expect(sent).toBe(0);
    }
  });
});
