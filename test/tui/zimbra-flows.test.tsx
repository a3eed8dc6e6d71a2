import { isZimbraFault, ZimbraAccount, ZimbraAdmin } from '@casella/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  demoSession,
  KEY,
  press,
  renderApp,
  toDashboard,
  toMailboxes,
  type Ui,
  useDemoApp,
  waitForText,
} from './helpers.tsx';

const demo = useDemoApp();
let admin: ZimbraAdmin;

beforeEach(async () => {
  admin = await ZimbraAdmin.login({ url: demo.mock.url, username: DEMO_ADMIN, password: DEMO_PASSWORD });
});
afterEach(async () => {
  await admin.close();
});

async function toNewMailbox(ui: Ui): Promise<void> {
  await toDashboard(ui);
  await press(ui.stdin, 'j', KEY.enter);
  await waitForText(ui.lastFrame, 'Standard: 12 of 40 slots free');
}

async function toMailbox(ui: Ui, filter: string): Promise<void> {
  await toMailboxes(ui);
  await press(ui.stdin, '/', ...filter, KEY.enter);
  await waitForText(ui.lastFrame, '(1 of 40)');
  await press(ui.stdin, KEY.enter);
  await waitForText(ui.lastFrame, 'Edit user (first and last name)');
}

async function exists(address: string): Promise<boolean> {
  try {
    await admin.accounts.get(address);
    return true;
  } catch (error) {
    if (isZimbraFault(error, 'account.NO_SUCH_ACCOUNT')) return false;
    throw error;
  }
}

describe('Zimbra panel flows against the demo mock', () => {
  it('shows the dashboard: service active, slots per type, unlimited and quota', async () => {
    const ui = renderApp(demo.session);
    await toDashboard(ui);
    const frame = ui.lastFrame() ?? '';
    expect(frame).toContain('Mail service: Active');
    expect(frame).toMatch(/Professional\s+\[#+\] 10\/10 created, 0 free/);
    expect(frame).toMatch(/Standard\s+\[#+-+\] 28\/40 created, 12 free/);
    expect(frame).toContain('unlimited');
    expect(frame).toContain('Quota:');
  });

  it('shows a suspended domain as not active', async () => {
    const ui = renderApp(demo.session);
    await waitForText(ui.lastFrame, 'Domains');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'oldshop.it');
    await press(ui.stdin, 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'Not active (suspended)');
  });

  it('creates a Standard mailbox with names, checking the password live', async () => {
    const ui = renderApp(demo.session);
    await toNewMailbox(ui);
    await press(ui.stdin, ...'anna.nuova', KEY.tab, KEY.tab, ...'Nuova-Pass-1!');
    const half = await waitForText(ui.lastFrame, '[x] at least 8 characters');
    expect(half).toContain('[ ] the two passwords match');
    expect(half).not.toContain('Nuova-Pass-1!');
    await press(ui.stdin, KEY.tab, ...'Nuova-Pass-1!', KEY.tab, ...'Anna', KEY.tab, ...'Nuova');
    await waitForText(ui.lastFrame, '[x] the two passwords match');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Mailbox anna.nuova@example.com created.');
    await waitForText(ui.lastFrame, '29/40 created, 11 free');
    const created = await admin.accounts.get('anna.nuova@example.com');
    expect([created.givenName, created.sn]).toEqual(['Anna', 'Nuova']);
  });

  it('refuses a weak password with the checklist and sends nothing', async () => {
    const ui = renderApp(demo.session);
    await toNewMailbox(ui);
    await press(ui.stdin, ...'debole', KEY.tab, KEY.tab, ...'weak', KEY.tab, ...'weak', KEY.enter);
    const frame = await waitForText(ui.lastFrame, 'does not meet every rule below: nothing was sent');
    expect(frame).toContain('[ ] at least 8 characters');
    expect(frame).toContain('[ ] at least 1 digit');
    expect(await exists('debole@example.com')).toBe(false);
  });

  it('shows the backend refusal of a duplicate with its code, and the form stays usable', async () => {
    const ui = renderApp(demo.session);
    await toNewMailbox(ui);
    await press(
      ui.stdin,
      ...'mario.rossi',
      KEY.tab,
      KEY.tab,
      ...'Nuova-Pass-1!',
      KEY.tab,
      ...'Nuova-Pass-1!',
      KEY.enter,
    );
    const frame = await waitForText(ui.lastFrame, 'account.ACCOUNT_EXISTS');
    // One plain sentence with the code; the server's own text (with its LDAP DN) only on d.
    expect(frame).toContain('That address is already taken by a mailbox or alias: choose another name');
    expect(frame).not.toContain('dc=example');
    expect(frame).toContain('New mailbox');
    await press(ui.stdin, KEY.shiftTab, KEY.shiftTab, KEY.shiftTab, ...'2', KEY.enter);
    await waitForText(ui.lastFrame, 'Mailbox mario.rossi2@example.com created.');
  });

  it('offers Buy / raise when Professional is full, and a global admin raises the limit', async () => {
    const ui = renderApp(demo.session);
    await toNewMailbox(ui);
    await press(ui.stdin, ...'nuovo.pro', KEY.tab, KEY.right);
    const full = await waitForText(ui.lastFrame, 'No Professional slot is free (10 of 10 created).');
    expect(full).toContain(
      'On the Type field press b to buy / raise Professional slots, or pick another type.',
    );
    expect(full).not.toContain('{type}');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'nothing was created');
    expect(await exists('nuovo.pro@example.com')).toBe(false);
    await press(ui.stdin, 'b');
    await waitForText(ui.lastFrame, 'Pick a type and type its new maximum');
    const buy = await waitForText(ui.lastFrame, 'Professional: 10/10 created, 0 free');
    expect(buy).toContain('< Professional >');
    await press(ui.stdin, KEY.tab, '1', '2', KEY.enter);
    await waitForText(ui.lastFrame, 'Professional now allows 12 mailboxes.');
    await waitForText(ui.lastFrame, 'Professional: 2 of 12 slots free');
    const cap = await admin.domains.capacity('example.com');
    expect(cap.types.find((t) => t.cos.name === 'Professional')?.max).toBe(12);
  });

  it('tells a domain admin to order more instead of raising the limit', async () => {
    const domainAdmin = await demoSession(demo.mock, { user: 'domainadmin@example.com' });
    try {
      const ui = renderApp(domainAdmin);
      await waitForText(ui.lastFrame, 'Domains');
      await press(ui.stdin, KEY.enter);
      // The row, not the bare name: the context line already shows domainadmin@example.com.
      await waitForText(ui.lastFrame, '> example.com');
      await press(ui.stdin, KEY.enter);
      await waitForText(ui.lastFrame, 'Mail service:');
      await press(ui.stdin, 'j', 'j', KEY.enter);
      await waitForText(ui.lastFrame, 'Order more mailboxes from your provider');
    } finally {
      await domainAdmin.close();
    }
  });

  it('edits the first and last name of a mailbox', async () => {
    const ui = renderApp(demo.session);
    await toMailbox(ui, 'mario.rossi');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Mario_');
    await press(
      ui.stdin,
      ...Array(5).fill(KEY.backspace),
      ...'Marco',
      KEY.tab,
      ...Array(5).fill(KEY.backspace),
      ...'Verdi',
    );
    await waitForText(ui.lastFrame, 'Verdi_');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Names of mario.rossi@example.com saved.');
    const mario = await admin.accounts.get('mario.rossi@example.com');
    expect([mario.givenName, mario.sn, mario.displayName]).toEqual(['Marco', 'Verdi', 'Marco Verdi']);
  });

  it('resets a password, and the owner can then use the new one', async () => {
    const ui = renderApp(demo.session);
    await toMailbox(ui, 'mario.rossi');
    await press(ui.stdin, 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'at least 1 special character');
    await press(ui.stdin, ...'Reset-Pass-2!', KEY.tab, ...'Reset-Pass-2!', KEY.enter);
    await waitForText(ui.lastFrame, 'Password of mario.rossi@example.com changed.');
    await expect(
      ZimbraAccount.changePassword({
        url: demo.mock.url,
        username: 'mario.rossi@example.com',
        oldPassword: 'Reset-Pass-2!',
        newPassword: 'Other-Pass-3!',
      }),
    ).resolves.toBeDefined();
  });

  it('shows the quota detail of a mailbox', async () => {
    const ui = renderApp(demo.session);
    await toMailbox(ui, 'mario.rossi');
    await press(ui.stdin, 'j', 'j', KEY.enter);
    const frame = await waitForText(ui.lastFrame, 'Limit: 5.0 GiB');
    expect(frame).toContain('Used:');
  });

  it('deletes only after the address is typed exactly', async () => {
    const ui = renderApp(demo.session);
    await toMailbox(ui, 'mario.rossi');
    await press(ui.stdin, 'G', KEY.enter);
    await waitForText(ui.lastFrame, 'Type the full address');
    await press(ui.stdin, ...'mario', KEY.enter);
    await waitForText(ui.lastFrame, 'does not match mario.rossi@example.com: nothing was deleted');
    expect(await exists('mario.rossi@example.com')).toBe(true);
    await press(ui.stdin, ...'.rossi@example.com', KEY.enter);
    await waitForText(ui.lastFrame, 'Mailbox mario.rossi@example.com deleted.');
    await waitForText(ui.lastFrame, '(0 of 39)');
    expect(await exists('mario.rossi@example.com')).toBe(false);
  });

  it('lets a mailbox owner change their password, and shows a wrong old password with its code', async () => {
    const ui = renderApp(demo.session);
    await waitForText(ui.lastFrame, 'Domains');
    await press(ui.stdin, 'j', 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'Change my password (mailbox owner)');
    await press(
      ui.stdin,
      ...'giulia.bianchi@example.com',
      KEY.tab,
      ...'wrong-old',
      KEY.tab,
      ...'Mine-Pass-4!',
      KEY.tab,
    );
    await press(ui.stdin, ...'Mine-Pass-4!', KEY.enter);
    await waitForText(ui.lastFrame, 'account.AUTH_FAILED');
    await press(
      ui.stdin,
      KEY.shiftTab,
      KEY.shiftTab,
      ...Array(9).fill(KEY.backspace),
      ...DEMO_PASSWORD,
      KEY.enter,
    );
    await waitForText(ui.lastFrame, 'Password of giulia.bianchi@example.com changed.');
    await expect(
      ZimbraAccount.changePassword({
        url: demo.mock.url,
        username: 'giulia.bianchi@example.com',
        oldPassword: 'Mine-Pass-4!',
        newPassword: 'Again-Pass-5!',
      }),
    ).resolves.toBeDefined();
  });
});
