import { type Account, ZimbraAdmin } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  KEY,
  press,
  pressUntil,
  renderApp,
  toMailboxes,
  type Ui,
  useDemoApp,
  waitForText,
} from './helpers.tsx';

const demo = useDemoApp();
const MARIO = 'mario.rossi@example.com';

async function read(address: string): Promise<Account> {
  const admin = await ZimbraAdmin.login({
    url: demo.mock.url,
    username: DEMO_ADMIN,
    password: DEMO_PASSWORD,
  });
  try {
    return await admin.accounts.get(address);
  } finally {
    await admin.close();
  }
}

/** The Mailbox screen of mario.rossi@example.com, its detail loaded. */
async function toMario(ui: Ui): Promise<string> {
  await toMailboxes(ui);
  await press(ui.stdin, '/', ...'mario.rossi', KEY.enter);
  await waitForText(ui.lastFrame, '(1 of 40)');
  await press(ui.stdin, KEY.enter);
  return waitForText(ui.lastFrame, 'Last login:');
}

/** Moves the menu cursor to the entry whose label starts with `label`, then presses Enter. */
async function choose(ui: Ui, label: string): Promise<void> {
  await press(ui.stdin, 'g');
  await waitForText(ui.lastFrame, '> Edit user');
  await pressUntil(ui, 'j', `> ${label}`, 12);
  await press(ui.stdin, KEY.enter);
}

describe('the mailbox lifecycle from the Mailbox screen', () => {
  it('shows the full detail of a mailbox: name, type, status, quota, aliases, forwarding, dates', async () => {
    const ui = renderApp(demo.session);
    const frame = await toMario(ui);
    expect(frame).toMatch(/Name: Mario Rossi · Type: \w+ · Status: active/);
    expect(frame).toMatch(/Quota: .+ used of 5\.0 GiB \(\d+\.\d%\)/);
    expect(frame).toContain('Aliases: none');
    expect(frame).toContain('Forwarding: none');
    expect(frame).toMatch(/Created: \d{4}-\d{2}-\d{2} · Last login: /);
  });

  it('locks a mailbox after y, shows it locked, then unlocks it', async () => {
    const ui = renderApp(demo.session);
    await toMario(ui);
    await choose(ui, 'Lock');
    await waitForText(ui.lastFrame, `Lock ${MARIO}? Its owner can no longer log in. (y/N)`);
    await press(ui.stdin, 'y');
    await waitForText(ui.lastFrame, `${MARIO} is locked.`);
    await waitForText(ui.lastFrame, 'Status: locked');
    expect((await read(MARIO)).status).toBe('locked');
    await choose(ui, 'Unlock');
    await press(ui.stdin, 'y');
    await waitForText(ui.lastFrame, `${MARIO} is unlocked.`);
    await waitForText(ui.lastFrame, 'Status: active');
    expect((await read(MARIO)).status).toBe('active');
  });

  it('changes nothing when a status change is answered with anything but y', async () => {
    const ui = renderApp(demo.session);
    await toMario(ui);
    await choose(ui, 'Close');
    await waitForText(ui.lastFrame, `Close ${MARIO}?`);
    await press(ui.stdin, 'n');
    await waitForText(ui.lastFrame, 'Status: active');
    expect((await read(MARIO)).status).toBe('active');
  });

  it('closes a mailbox and reactivates it, and the Mailboxes list shows the new status when back', async () => {
    const ui = renderApp(demo.session);
    await toMario(ui);
    await choose(ui, 'Close');
    await press(ui.stdin, 'y');
    await waitForText(ui.lastFrame, 'Status: closed');
    await press(ui.stdin, KEY.esc);
    await waitForText(ui.lastFrame, /Mailboxes of example\.com/.source.replace(/\\/g, ''));
    await waitForText(ui.lastFrame, 'closed');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Status: closed');
    await choose(ui, 'Reactivate');
    await press(ui.stdin, 'y');
    await waitForText(ui.lastFrame, `${MARIO} is active again.`);
    expect((await read(MARIO)).status).toBe('active');
  });

  it('refuses to move a mailbox into a full type before sending anything', async () => {
    const ui = renderApp(demo.session);
    await toMario(ui);
    await choose(ui, 'Change type');
    await waitForText(ui.lastFrame, 'Professional: 0 of 10 slots free');
    const cosBefore = (await read(MARIO)).cosId;
    await pressUntil(ui, KEY.right, '< Professional >', 4);
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'No Professional slot is free: pick another type');
    expect((await read(MARIO)).cosId).toBe(cosBefore);
  });

  it('renames the address of a mailbox and goes back to the list, which shows the new one', async () => {
    const ui = renderApp(demo.session);
    await toMario(ui);
    await choose(ui, 'Rename address');
    await waitForText(ui.lastFrame, 'mario.rossi_@example.com');
    await press(ui.stdin, '\u0015', ...'m.rossi', KEY.enter);
    await waitForText(ui.lastFrame, `${MARIO} is now m.rossi@example.com.`);
    await waitForText(ui.lastFrame, 'm.rossi@example.com');
    expect((await read('m.rossi@example.com')).givenName).toBe('Mario');
  });

  it('sets forwarding addresses, shows them in the detail, and clears them', async () => {
    const ui = renderApp(demo.session);
    await toMario(ui);
    await choose(ui, 'Forwarding');
    await waitForText(ui.lastFrame, 'Forward to');
    await press(ui.stdin, ...'archive@example.org, boss@example.net', KEY.enter, KEY.enter);
    await waitForText(
      ui.lastFrame,
      `Mail to ${MARIO} is forwarded to archive@example.org, boss@example.net.`,
    );
    await waitForText(ui.lastFrame, 'Forwarding: archive@example.org, boss@example.net');
    const attrs = (await read(MARIO)).attrs;
    expect(attrs.zimbraPrefMailForwardingAddress).toBe('archive@example.org,boss@example.net');
    expect(attrs.zimbraFeatureMailForwardingEnabled).toBe('TRUE');
    await choose(ui, 'Forwarding');
    await waitForText(ui.lastFrame, 'archive@example.org, boss@example.net_');
    await press(ui.stdin, '\u0015', KEY.enter, KEY.enter);
    await waitForText(ui.lastFrame, `Mail to ${MARIO} is no longer forwarded.`);
    await waitForText(ui.lastFrame, 'Forwarding: none');
  });

  it('refuses a forwarding target that is not an address, naming it and the field', async () => {
    const ui = renderApp(demo.session);
    await toMario(ui);
    await choose(ui, 'Forwarding');
    await press(ui.stdin, ...'not-an-address', KEY.enter, KEY.enter);
    await waitForText(ui.lastFrame, 'not-an-address in Forward to is not an e-mail address');
    expect((await read(MARIO)).attrs.zimbraPrefMailForwardingAddress).toBeUndefined();
  });

  it('changes the quota limit of a mailbox', async () => {
    const ui = renderApp(demo.session);
    await toMario(ui);
    await choose(ui, 'Quota detail');
    await waitForText(ui.lastFrame, 'Limit: 5.0 GiB');
    await waitForText(ui.lastFrame, '5120_');
    await press(ui.stdin, '\u0015', ...'2048', KEY.enter);
    await waitForText(ui.lastFrame, `The quota of ${MARIO} is now 2048 MiB.`);
    await waitForText(ui.lastFrame, 'of 2.0 GiB');
    expect((await read(MARIO)).quotaBytes).toBe(2048 * 1024 * 1024);
  });
});

describe('the aliases of a mailbox', () => {
  it('adds an alias that then finds the mailbox, lists it, and removes it after y', async () => {
    const ui = renderApp(demo.session);
    await toMario(ui);
    await choose(ui, 'Aliases');
    await waitForText(ui.lastFrame, 'No aliases yet.');
    await press(ui.stdin, 'n');
    await waitForText(ui.lastFrame, 'New alias');
    await press(ui.stdin, ...'mr', KEY.enter);
    await waitForText(ui.lastFrame, `mr@example.com now delivers to ${MARIO}.`);
    await waitForText(ui.lastFrame, '> mr@example.com');
    expect((await read('mr@example.com')).name).toBe(MARIO);
    expect((await read(MARIO)).attrs.zimbraMailAlias).toBe('mr@example.com');
    await press(ui.stdin, 'd');
    await waitForText(
      ui.lastFrame,
      'Remove the alias mr@example.com? Mail to it will no longer be delivered. (y/N)',
    );
    await press(ui.stdin, 'y');
    await waitForText(ui.lastFrame, 'The alias mr@example.com is removed.');
    await waitForText(ui.lastFrame, 'No aliases yet.');
    expect((await read(MARIO)).attrs.zimbraMailAlias).toBeUndefined();
    await press(ui.stdin, KEY.esc);
    await waitForText(ui.lastFrame, 'Aliases: none');
  });

  it('reports an alias taken by another mailbox in plain words with the backend code', async () => {
    const ui = renderApp(demo.session);
    await toMario(ui);
    await choose(ui, 'Aliases');
    await press(ui.stdin, 'n', ...'alessandro.colombo', KEY.enter);
    const frame = await waitForText(ui.lastFrame, 'account.ACCOUNT_EXISTS');
    expect(frame).not.toContain('now delivers');
  });
});
