import { describe, expect, it, vi } from 'vitest';
import { osc52 } from '../../tui/src/hooks/osc52.ts';
import { KEY, press, renderApp, toMailboxes, type Ui, useDemoApp, waitForText } from './helpers.tsx';

const demo = useDemoApp();
const CTRL_G = '\u0007';
const CTRL_Y = '\u0019';

/** Waits until the app wrote `sequence` to its terminal (stdout), among every frame. */
async function waitForWrite(ui: Ui, sequence: string): Promise<void> {
  await vi.waitFor(
    () => {
      if (!ui.frames.some((f) => f.includes(sequence)))
        throw new Error(`never wrote ${JSON.stringify(sequence)}`);
    },
    { timeout: 5000, interval: 10 },
  );
}

/** From Home: the Mailboxes list filtered to mario.rossi@example.com, its one row selected. */
async function toMario(ui: Ui): Promise<void> {
  await toMailboxes(ui);
  await press(ui.stdin, '/', ...'mario.rossi', KEY.enter);
  await waitForText(ui.lastFrame, '(1 of 40)');
  await waitForText(ui.lastFrame, '> mario.rossi@example.com');
}

/** Every OSC 52 sequence written so far. */
function clipboardWrites(ui: Ui): string[] {
  return ui.frames.flatMap((f) => f.match(/\u001B\]52;c;[A-Za-z0-9+/=]*\u0007/g) ?? []);
}

describe('y copies with OSC 52', () => {
  it('builds the exact sequence: ESC ] 52 ; c ; base64 BEL', () => {
    expect(osc52('mario.rossi@example.com')).toBe(
      `\u001B]52;c;${Buffer.from('mario.rossi@example.com').toString('base64')}\u0007`,
    );
  });

  it('writes the selected address of the Mailboxes list to the terminal and says so', async () => {
    const ui = renderApp(demo.session);
    await toMario(ui);
    expect(ui.lastFrame()).toContain('y copy');
    await press(ui.stdin, 'y');
    await waitForText(ui.lastFrame, 'Copied to the clipboard: mario.rossi@example.com');
    await waitForWrite(ui, osc52('mario.rossi@example.com'));
    expect(clipboardWrites(ui)).toEqual([osc52('mario.rossi@example.com')]);
  });

  it('copies the address of the Mailbox screen', async () => {
    const ui = renderApp(demo.session);
    await toMario(ui);
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Name: Mario Rossi');
    await press(ui.stdin, 'y');
    await waitForText(ui.lastFrame, 'Copied to the clipboard: mario.rossi@example.com');
    expect(clipboardWrites(ui)).toEqual([osc52('mario.rossi@example.com')]);
  });

  it('leaves y to mean yes while a status change asks for it', async () => {
    const ui = renderApp(demo.session);
    await toMario(ui);
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Name: Mario Rossi');
    await waitForText(ui.lastFrame, 'Lock');
    await press(ui.stdin, ...Array(7).fill('j'));
    await waitForText(ui.lastFrame, '> Lock');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, '(y/N)');
    await press(ui.stdin, 'y');
    await waitForText(ui.lastFrame, 'Unlock');
    expect(clipboardWrites(ui)).toEqual([]);
  });

  it('copies the temporary password of a PEC reset without showing it again in the message', async () => {
    const ui = renderApp(demo.session);
    await waitForText(ui.lastFrame, 'Domains');
    await press(ui.stdin, ':', ...'pec', KEY.enter);
    await waitForText(ui.lastFrame, 'PEC postmaster login');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'PEC domain pec.example.it');
    await press(ui.stdin, 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'amministrazione@pec.example.it');
    await press(ui.stdin, '/', ...'rossi', KEY.enter);
    await waitForText(ui.lastFrame, '> mario.rossi@pec.example.it');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Role:');
    await press(ui.stdin, 'j', KEY.enter);
    await waitForText(ui.lastFrame, '(y/N)');
    // Before the reset y confirms it: nothing is copied.
    await press(ui.stdin, 'y');
    const frame = await waitForText(ui.lastFrame, 'Temporary password:');
    expect(clipboardWrites(ui)).toEqual([]);
    const temporary = /Temporary password: (\S+)/.exec(frame)?.[1] ?? '';
    expect(temporary).not.toBe('');
    await press(ui.stdin, 'y');
    const copied = await waitForText(ui.lastFrame, 'Password copied to the clipboard');
    expect(clipboardWrites(ui)).toEqual([osc52(temporary)]);
    expect(copied.split('\n').filter((l) => l.includes(temporary))).toEqual([
      expect.stringContaining('Temporary password:'),
    ]);
  });

  it('copies a generated password with Ctrl+Y from the form and takes it off the message line', async () => {
    const ui = renderApp(demo.session);
    await toMario(ui);
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Name: Mario Rossi');
    await press(ui.stdin, 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'at most 64 characters');
    await press(ui.stdin, CTRL_G);
    const frame = await waitForText(ui.lastFrame, 'Generated password, shown only now: ');
    const password = /shown only now: (\S+)/.exec(frame)?.[1] ?? '';
    expect(password).not.toBe('');
    await press(ui.stdin, CTRL_Y);
    const copied = await waitForText(ui.lastFrame, 'Password copied to the clipboard');
    expect(copied).not.toContain(password);
    expect(clipboardWrites(ui)).toEqual([osc52(password)]);
  });
});
