import { isPecApiError, PecPostmaster } from '@casella/sdk';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEMO_PASSWORD,
  DEMO_POSTMASTER,
  KEY,
  press,
  renderApp,
  toPecHome,
  type Ui,
  useDemoApp,
  waitForText,
} from './helpers.tsx';

const demo = useDemoApp();
let pec: PecPostmaster;

beforeEach(async () => {
  pec = await PecPostmaster.login({
    url: `${demo.mock.url}/pec`,
    username: DEMO_POSTMASTER,
    password: DEMO_PASSWORD,
  });
});
afterEach(async () => {
  await pec.logout();
});

async function toPecMailbox(ui: Ui, query: string, address: string): Promise<void> {
  await toPecHome(ui);
  await press(ui.stdin, 'j', KEY.enter);
  await waitForText(ui.lastFrame, 'amministrazione@pec.example.it');
  await press(ui.stdin, '/', ...query, KEY.enter);
  await waitForOnly(ui, address);
  await press(ui.stdin, KEY.enter);
  await waitForText(ui.lastFrame, 'Role:');
}

/** Waits until the search shows `address` and no other PEC address. */
async function waitForOnly(ui: Ui, address: string): Promise<void> {
  await vi.waitFor(
    () => {
      const frame = ui.lastFrame() ?? '';
      const rows = frame.split('\n').filter((line) => /^[> ] \S+@pec\.example\.it/.test(line));
      expect(rows.map((r) => r.slice(2).split(/\s+/)[0])).toEqual([address]);
    },
    { timeout: 5000, interval: 10 },
  );
}

async function exists(localPart: string): Promise<boolean> {
  try {
    await pec.mailboxes.get(localPart);
    return true;
  } catch (error) {
    if (isPecApiError(error, 'MAILBOX_NOT_FOUND')) return false;
    throw error;
  }
}

describe('PEC panel flows against the demo mock', () => {
  it('prefills the demo postmaster in demo mode and never shows the password', async () => {
    const ui = renderApp(demo.session);
    await waitForText(ui.lastFrame, 'Domains');
    await press(ui.stdin, 'j', KEY.enter);
    const frame = await waitForText(ui.lastFrame, DEMO_POSTMASTER);
    expect(frame).toContain('*'.repeat(DEMO_PASSWORD.length));
    expect(frame).not.toContain(DEMO_PASSWORD);
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Status: active.');
  });

  it('creates a PEC mailbox with the live checklist of the PEC policy', async () => {
    const ui = renderApp(demo.session);
    await toPecHome(ui);
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'only letters, digits and the allowed special characters');
    await press(ui.stdin, ...'ufficio.nuovo', KEY.tab, ...'Pec-Nuova-1!', KEY.tab, ...'Pec-Nuova-1!');
    await waitForText(ui.lastFrame, '[x] the two passwords match');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'PEC mailbox ufficio.nuovo@pec.example.it created.');
    expect(await exists('ufficio.nuovo')).toBe(true);
  });

  it('shows a duplicate PEC mailbox refusal with its code', async () => {
    const ui = renderApp(demo.session);
    await toPecHome(ui);
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Create a PEC mailbox');
    await press(ui.stdin, ...'fatture', KEY.tab, ...'Pec-Nuova-1!', KEY.tab, ...'Pec-Nuova-1!', KEY.enter);
    await waitForText(ui.lastFrame, 'MAILBOX_EXISTS');
  });

  it('searches mailboxes by name', async () => {
    const ui = renderApp(demo.session);
    await toPecHome(ui);
    await press(ui.stdin, 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'fatture@pec.example.it');
    await press(ui.stdin, '/', ...'rossi', KEY.enter);
    await waitForOnly(ui, 'mario.rossi@pec.example.it');
  });

  it('resets a password and shows the temporary password once', async () => {
    const ui = renderApp(demo.session);
    await toPecMailbox(ui, 'rossi', 'mario.rossi@pec.example.it');
    await press(ui.stdin, 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'A temporary password will be shown once. (y/N)');
    await press(ui.stdin, 'y');
    const frame = await waitForText(ui.lastFrame, 'Temporary password:');
    const temporary = /Temporary password: (\S+)/.exec(frame)?.[1];
    expect(temporary).toBeTruthy();
    await press(ui.stdin, KEY.enter);
    const after = await waitForText(ui.lastFrame, 'Reset password');
    expect(after).not.toContain(temporary);
  });

  it('cancels a reset on Enter: only y confirms', async () => {
    const ui = renderApp(demo.session);
    await toPecMailbox(ui, 'rossi', 'mario.rossi@pec.example.it');
    await press(ui.stdin, 'j', KEY.enter);
    await waitForText(ui.lastFrame, '(y/N)');
    await press(ui.stdin, KEY.enter);
    const frame = await waitForText(ui.lastFrame, 'Change password');
    expect(frame).not.toContain('Temporary password');
  });

  it('changes the password of an active mailbox', async () => {
    const ui = renderApp(demo.session);
    await toPecMailbox(ui, 'rossi', 'mario.rossi@pec.example.it');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Change the password of mario.rossi@pec.example.it');
    await press(ui.stdin, ...'Pec-Cambio-2!', KEY.tab, ...'Pec-Cambio-2!', KEY.enter);
    await waitForText(ui.lastFrame, 'Password of mario.rossi@pec.example.it changed.');
  });

  it('deletes after the warning and the exact address; a wrong confirmation deletes nothing', async () => {
    const ui = renderApp(demo.session);
    await toPecMailbox(ui, 'fatture', 'fatture@pec.example.it');
    await press(ui.stdin, 'j', 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'Deletion is irreversible');
    await waitForText(ui.lastFrame, '- ');
    await press(ui.stdin, ...'fatture', KEY.enter);
    await waitForText(ui.lastFrame, 'does not match fatture@pec.example.it: nothing was deleted');
    expect(await exists('fatture')).toBe(true);
    await press(ui.stdin, ...'@pec.example.it', KEY.enter);
    await waitForText(ui.lastFrame, 'Mailbox fatture@pec.example.it deleted.');
    await waitForText(ui.lastFrame, 'Search PEC mailboxes');
    expect(await exists('fatture')).toBe(false);
  });

  it("shows the server's deletion warnings in Italian with --lang it, with no English left", async () => {
    const ui = renderApp(demo.session, 'it');
    await waitForText(ui.lastFrame, 'Domini');
    await press(ui.stdin, 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'Accesso postmaster PEC');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Dominio PEC pec.example.it');
    await press(ui.stdin, 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'amministrazione@pec.example.it');
    await press(ui.stdin, '/', ...'fatture', KEY.enter);
    await waitForOnly(ui, 'fatture@pec.example.it');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Ruolo:');
    await press(ui.stdin, 'j', 'j', KEY.enter);
    const frame = await waitForText(
      ui.lastFrame,
      '- Tutti i messaggi e le ricevute della casella vanno persi.',
    );
    expect(frame).toContain('(regola AgID)');
    expect(frame).toContain('registro delle operazioni, per 30 mesi');
    expect(frame).not.toMatch(/Deletion|messages|holder|operations log/);
  });

  it('shows the postmaster actions the server forbids as disabled, with the reason, and does nothing on Enter', async () => {
    const ui = renderApp(demo.session);
    await toPecMailbox(ui, 'postmaster', DEMO_POSTMASTER);
    const frame = await waitForText(
      ui.lastFrame,
      'not allowed: the postmaster mailbox cannot be reset or deleted',
    );
    expect(frame).toMatch(/Reset password \(not allowed/);
    expect(frame).toMatch(/Delete mailbox \(not allowed/);
    await press(ui.stdin, 'G', KEY.enter);
    const after = await waitForText(ui.lastFrame, 'Error: the postmaster mailbox cannot be reset or deleted');
    expect(after).not.toContain('Deletion is irreversible');
    expect(await exists('postmaster')).toBe(true);
  });
});
