import { isZimbraFault, ZimbraAccount, ZimbraAdmin } from '@casella/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Casella,
  demoUrlOf,
  STEP_TIMEOUT,
  selectedLine,
  startCasella,
  waitForHome,
  wrapped,
} from './casella.ts';

const DEMO_PASSWORD = 'Casella-Demo-1!';
const ADDRESS = 'e2e.nuova@example.com';

let app: Casella | undefined;
let admin: ZimbraAdmin | undefined;

afterEach(async () => {
  await admin?.close();
  admin = undefined;
  app?.close();
  app = undefined;
});

async function exists(address: string): Promise<boolean> {
  try {
    await admin?.accounts.get(address);
    return true;
  } catch (error) {
    if (isZimbraFault(error, 'account.NO_SUCH_ACCOUNT')) return false;
    throw error;
  }
}

describe('casella in a real terminal: a Zimbra mailbox from creation to deletion', {
  timeout: 60_000,
}, () => {
  it('creates a Standard mailbox, resets its password and deletes it after the typed address, with the counts following', async () => {
    app = startCasella();
    const { term } = app;
    const home = await waitForHome(term);
    // The demo mock runs inside casella; the SDK checks what the screens claim.
    const url = demoUrlOf(home);
    admin = await ZimbraAdmin.login({ url, username: 'admin@example.com', password: DEMO_PASSWORD });

    term.keys('Enter');
    await term.waitFor('oldshop.it');
    term.keys('Enter');
    await term.waitFor(/Standard\s+\[[#-]+\] 28\/40 created, 12 free/, STEP_TIMEOUT);

    // New mailbox: the type defaults to the domain's Standard; text arrives in bursts, as over SSH.
    term.keys('j', 'Enter');
    const form = await term.waitFor('Standard: 12 of 40 slots free');
    expect(form).toContain('< Standard >');
    term.type('e2e.nuova');
    term.keys('Tab', 'Tab');
    term.type('Nuova-Pass-1!');
    term.keys('Tab');
    term.type('Nuova-Pass-1!');
    const filled = await term.waitFor('[x] the two passwords match');
    expect(filled).not.toContain('Nuova-Pass-1!');
    term.keys('Enter');
    await term.waitFor(`Mailbox ${ADDRESS} created.`);
    await term.waitFor(/Standard\s+\[[#-]+\] 29\/40 created, 11 free/);
    const standard = await admin.cos.get('Standard');
    expect((await admin.accounts.get(ADDRESS)).cosId).toBe(standard.id);

    // The list counts the new mailbox; filter it and open it.
    term.keys('k');
    await term.waitFor('> Mailboxes');
    term.keys('Enter');
    await term.waitFor('Mailboxes of example.com (41 of 41)');
    term.type('/e2e.nuova');
    term.keys('Enter');
    const filtered = await term.waitFor('(1 of 41)');
    expect(selectedLine(filtered)).toMatch(/^> e2e\.nuova@example\.c/);
    term.keys('Enter');
    await term.waitFor('Edit user (first and last name)');

    // Reset password: the owner can then log in with the new one.
    term.keys('j');
    await term.waitFor('> Reset password');
    term.keys('Enter');
    await term.waitFor(`Reset the password of ${ADDRESS}`);
    await term.waitFor('[ ] at least 1 special character');
    term.type('Reset-Pass-2!');
    term.keys('Tab');
    term.type('Reset-Pass-2!');
    await term.waitFor('[x] the two passwords match');
    term.keys('Enter');
    await term.waitFor(`Password of ${ADDRESS} changed.`);
    await expect(
      ZimbraAccount.changePassword({
        url,
        username: ADDRESS,
        oldPassword: 'Reset-Pass-2!',
        newPassword: 'Other-Pass-3!',
      }),
    ).resolves.toBeDefined();

    // Delete: a partial address deletes nothing; the full one deletes.
    term.keys('G');
    await term.waitFor('> Delete mailbox');
    term.keys('Enter');
    await term.waitFor('Type the full address');
    term.type('e2e.nuova');
    term.keys('Enter');
    await term.waitFor(wrapped(`does not match ${ADDRESS}: nothing was deleted`));
    expect(await exists(ADDRESS)).toBe(true);
    term.type('@example.com');
    term.keys('Enter');
    await term.waitFor(`Mailbox ${ADDRESS} deleted.`);
    await term.waitFor('(0 of 40)');
    expect(await exists(ADDRESS)).toBe(false);

    // Esc clears the filter, then goes back: list and dashboard count the deletion.
    term.keys('Escape');
    await term.waitFor('Mailboxes of example.com (40 of 40)');
    term.keys('Escape');
    await term.waitFor('Mail service: Active');
    await term.waitFor(/Standard\s+\[[#-]+\] 28\/40 created, 12 free/);
  });
});
