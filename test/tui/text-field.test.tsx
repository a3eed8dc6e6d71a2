import { ZimbraAdmin } from '@casella/sdk';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { TextField } from '../../tui/src/components/text-field.tsx';
import { I18nProvider } from '../../tui/src/i18n/index.tsx';
import { forwardingScreen } from '../../tui/src/state/screens/forwarding.ts';
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  KEY,
  press,
  renderApp,
  toMailboxes,
  type Ui,
  useDemoApp,
  waitForText,
} from './helpers.tsx';

const demo = useDemoApp();

/** Raw bytes of the readline keys. */
const EDIT = {
  home: '\u001B[H',
  end: '\u001B[F',
  delete: '\u001B[3~',
  ctrlA: '\u0001',
  ctrlE: '\u0005',
  ctrlK: '\u000B',
  ctrlU: '\u0015',
  ctrlW: '\u0017',
} as const;

/** Edit user of mario.rossi@example.com, the first name field focused with "Mario" in it. */
async function toEditUser(ui: Ui): Promise<void> {
  await toMailboxes(ui);
  await press(ui.stdin, '/', ...'mario.rossi', KEY.enter);
  await waitForText(ui.lastFrame, '(1 of 40)');
  await press(ui.stdin, KEY.enter);
  await waitForText(ui.lastFrame, 'Edit user (first and last name)');
  await press(ui.stdin, KEY.enter);
  await waitForText(ui.lastFrame, 'Mario_');
}

describe('a text field has a cursor and readline keys', () => {
  it('inserts a character in the middle with ← and shows the cursor there', async () => {
    const ui = renderApp(demo.session);
    await toEditUser(ui);
    await press(ui.stdin, KEY.left, KEY.left, 'x');
    // Without colour the cursor is a bar before the character under it.
    await waitForText(ui.lastFrame, 'Marx|io');
    await press(ui.stdin, KEY.right, KEY.right);
    await waitForText(ui.lastFrame, 'Marxio_');
  });

  it('moves to the start with Home and Ctrl+A, to the end with End and Ctrl+E', async () => {
    const ui = renderApp(demo.session);
    await toEditUser(ui);
    await press(ui.stdin, EDIT.home, 'A');
    await waitForText(ui.lastFrame, 'A|Mario');
    await press(ui.stdin, EDIT.end, 'B');
    await waitForText(ui.lastFrame, 'AMarioB_');
    await press(ui.stdin, EDIT.ctrlA, 'C', EDIT.ctrlE, 'D');
    await waitForText(ui.lastFrame, 'CAMarioBD_');
  });

  it('deletes the character under the cursor with Delete and the one before it with Backspace', async () => {
    const ui = renderApp(demo.session);
    await toEditUser(ui);
    await press(ui.stdin, EDIT.home, EDIT.delete);
    await waitForText(ui.lastFrame, '|ario');
    await press(ui.stdin, KEY.right, KEY.right, KEY.backspace);
    await waitForText(ui.lastFrame, 'a|io');
  });

  it('deletes the word before the cursor with Ctrl+W and everything before it with Ctrl+U', async () => {
    const ui = renderApp(demo.session);
    await toEditUser(ui);
    await press(ui.stdin, ...' Anna Maria', EDIT.ctrlW);
    await waitForText(ui.lastFrame, 'Mario Anna _');
    await press(ui.stdin, KEY.left, KEY.left, EDIT.ctrlU);
    await waitForText(ui.lastFrame, 'First name          |a');
    await press(ui.stdin, EDIT.ctrlK);
    await waitForText(ui.lastFrame, 'First name          _');
  });

  it('takes a pasted chunk at the cursor, dropping its control characters, and saves exactly that', async () => {
    const ui = renderApp(demo.session);
    await toEditUser(ui);
    await press(ui.stdin, KEY.left, EDIT.ctrlU);
    await waitForText(ui.lastFrame, 'First name          |o');
    // One write: Ink hands a paste over as one chunk.
    await press(ui.stdin, 'Lu\u0007ig');
    await waitForText(ui.lastFrame, 'Luig|o');
    await press(ui.stdin, EDIT.ctrlE, KEY.backspace, 'i', KEY.enter, KEY.enter);
    await waitForText(ui.lastFrame, 'Names of mario.rossi@example.com saved.');
    const admin = await ZimbraAdmin.login({
      url: demo.mock.url,
      username: DEMO_ADMIN,
      password: DEMO_PASSWORD,
    });
    try {
      expect((await admin.accounts.get('mario.rossi@example.com')).givenName).toBe('Luigi');
    } finally {
      await admin.close();
    }
  });
});

describe('a choice field', () => {
  it('shows the label of its value in the user’s language, not the stored value', () => {
    const allowed = forwardingScreen('a@example.com', [], true).form.fields[1];
    if (!allowed) throw new Error('the Forwarding form has an "allowed" field');
    const italian = render(
      <I18nProvider lang="it">
        <TextField field={allowed} focused={false} />
      </I18nProvider>,
    );
    expect(italian.lastFrame()).toContain('< sì >');
    const en = render(
      <I18nProvider lang="en">
        <TextField field={{ ...allowed, value: 'no' }} focused={false} />
      </I18nProvider>,
    );
    expect(en.lastFrame()).toContain('< no >');
  });
});
