import { ZimbraAdmin } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  KEY,
  press,
  renderApp,
  toDashboard,
  type Ui,
  useDemoApp,
  waitForText,
} from './helpers.tsx';

const demo = useDemoApp();

async function toNewMailbox(ui: Ui): Promise<void> {
  await toDashboard(ui);
  await press(ui.stdin, 'j', KEY.enter);
  await waitForText(ui.lastFrame, 'Standard: 12 of 40 slots free');
}

async function accountExists(address: string): Promise<boolean> {
  const admin = await ZimbraAdmin.login({
    url: demo.mock.url,
    username: DEMO_ADMIN,
    password: DEMO_PASSWORD,
  });
  try {
    return (await admin.accounts.get(address)).name === address;
  } finally {
    await admin.close();
  }
}

describe('typed input and results are never lost', () => {
  it('asks before Esc drops a filled-in form, and keeps the input on n', async () => {
    const ui = renderApp(demo.session);
    await toNewMailbox(ui);
    await press(ui.stdin, ...'half.typed', KEY.esc);
    await waitForText(ui.lastFrame, 'What you typed here will be lost. Leave this form? (y/N)');
    await press(ui.stdin, 'n');
    const kept = await waitForText(ui.lastFrame, 'half.typed_');
    expect(kept).toContain('New mailbox');
    await press(ui.stdin, KEY.esc, 'y');
    await waitForText(ui.lastFrame, 'Mail service:');
  });

  it('leaves an untouched form on Esc without asking', async () => {
    const ui = renderApp(demo.session);
    await toNewMailbox(ui);
    await press(ui.stdin, KEY.esc);
    const frame = await waitForText(ui.lastFrame, 'Mail service:');
    expect(frame).not.toContain('Leave this form?');
  });

  it('shows the outcome of a create left with Esc while in flight, and the dashboard counts it', async () => {
    const ui = renderApp(demo.session);
    await toNewMailbox(ui);
    await press(
      ui.stdin,
      ...'late.arrival',
      KEY.tab,
      KEY.tab,
      ...'Casella-Late-1!',
      KEY.tab,
      ...'Casella-Late-1!',
    );
    // The server answers slowly: the user leaves before the answer.
    demo.mock.backend.faults.set({ latencyMs: 600 });
    await press(ui.stdin, KEY.enter, KEY.esc);
    await waitForText(ui.lastFrame, 'Mail service:');
    const after = await waitForText(ui.lastFrame, 'Mailbox late.arrival@example.com created.');
    demo.mock.backend.faults.set({ latencyMs: 0 });
    await waitForText(ui.lastFrame, '29/40 created');
    expect(after).toContain('Mail service:');
    expect(await accountExists('late.arrival@example.com')).toBe(true);
  });
});
