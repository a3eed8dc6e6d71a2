import { ZimbraAdmin } from '@casella/sdk';
import { describe, expect, it, vi } from 'vitest';
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  KEY,
  press,
  renderApp,
  toMailboxes,
  useDemoApp,
  waitForText,
} from './helpers.tsx';

const demo = useDemoApp();

/** The addresses in table order, as the frame shows them. */
function addressesOf(frame: string): string[] {
  return [...frame.matchAll(/^[> ] (\S+@example\.com)/gm)].map((m) => m[1] as string);
}

async function lock(address: string): Promise<void> {
  const admin = await ZimbraAdmin.login({
    url: demo.mock.url,
    username: DEMO_ADMIN,
    password: DEMO_PASSWORD,
  });
  try {
    await admin.accounts.modify(address, { status: 'locked' });
  } finally {
    await admin.close();
  }
}

describe('the Mailboxes table sorts and filters on the server', () => {
  it('shows where the cursor is, as 17/40', async () => {
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await waitForText(ui.lastFrame, '1/40');
    await press(ui.stdin, ...Array(16).fill('j'));
    await waitForText(ui.lastFrame, '17/40');
  });

  it('sorts by address descending with A twice, and back ascending with a third A', async () => {
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    const first = addressesOf(ui.lastFrame() ?? '');
    expect(first).toEqual([...first].sort());
    await press(ui.stdin, 'A');
    await waitForText(ui.lastFrame, 'Address ▼');
    await vi.waitFor(() => expect(addressesOf(ui.lastFrame() ?? '')[0]).not.toBe(first[0]), {
      timeout: 5000,
    });
    const down = addressesOf(ui.lastFrame() ?? '');
    expect(down).toEqual([...down].sort().reverse());
    expect(down[0]).not.toBe(first[0]);
    await press(ui.stdin, 'A');
    await waitForText(ui.lastFrame, `> ${first[0]}`);
  });

  it('sorts by name with N, in the order the server gives for displayName', async () => {
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await press(ui.stdin, 'N');
    await waitForText(ui.lastFrame, 'Name ▲');
    const admin = await ZimbraAdmin.login({
      url: demo.mock.url,
      username: DEMO_ADMIN,
      password: DEMO_PASSWORD,
    });
    const server = await admin.accounts
      .page({ domain: 'example.com', offset: 0, limit: 10, sortBy: 'displayName' })
      .finally(() => admin.close());
    const expected = server.accounts.map((a) => a.name);
    await vi.waitFor(() => expect(addressesOf(ui.lastFrame() ?? '').slice(0, 10)).toEqual(expected), {
      timeout: 5000,
    });
  });

  it('shows only locked mailboxes after f f, and all again after two more', async () => {
    await lock('mario.rossi@example.com');
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await press(ui.stdin, 'f');
    await waitForText(ui.lastFrame, '[status: active]');
    await press(ui.stdin, 'f');
    const locked = await waitForText(ui.lastFrame, '[status: locked]');
    await waitForText(ui.lastFrame, 'mario.rossi@example.com');
    const rows = addressesOf(ui.lastFrame() ?? '');
    expect(rows).toContain('mario.rossi@example.com');
    expect(rows).not.toContain('alessandro.colombo@example.com');
    expect(locked).toContain('Mailboxes of example.com');
    await press(ui.stdin, 'f', 'f');
    await waitForText(ui.lastFrame, '1/40');
    expect(ui.lastFrame()).not.toContain('[status:');
  });

  it('combines the status filter with the text filter', async () => {
    await lock('mario.rossi@example.com');
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await press(ui.stdin, 'f', 'f', '/', ...'rossi', KEY.enter);
    const frame = await waitForText(ui.lastFrame, '1/1');
    expect(addressesOf(frame)).toEqual(['mario.rossi@example.com']);
  });
});
