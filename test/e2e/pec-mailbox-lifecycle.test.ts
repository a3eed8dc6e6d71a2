import { isPecApiError, PecPostmaster } from '@casella/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Casella,
  demoUrlOf,
  linesOf,
  selectedLine,
  startCasella,
  waitForHome,
  wrapped,
} from './casella.ts';

const DEMO_PASSWORD = 'Casella-Demo-1!';
const POSTMASTER = 'postmaster@pec.example.it';
const ADDRESS = 'e2e.ufficio@pec.example.it';

let app: Casella | undefined;
let pec: PecPostmaster | undefined;

afterEach(async () => {
  await pec?.logout().catch(() => undefined);
  pec = undefined;
  app?.close();
  app = undefined;
});

async function exists(localPart: string): Promise<boolean> {
  try {
    await pec?.mailboxes.get(localPart);
    return true;
  } catch (error) {
    if (isPecApiError(error, 'MAILBOX_NOT_FOUND')) return false;
    throw error;
  }
}

/** PEC addresses listed as rows of the search table. */
function listedAddresses(screen: string): string[] {
  return linesOf(screen)
    .filter((line) => /^[> ] \S+@pec\.example\.it/.test(line))
    .map((line) => line.slice(2).split(/\s+/)[0] ?? '');
}

describe('casella in a real terminal: a PEC mailbox from creation to deletion', { timeout: 60_000 }, () => {
  it('logs in as the prefilled postmaster, creates, finds and deletes a mailbox after the warning and the typed address', async () => {
    app = startCasella();
    const { term } = app;
    const home = await waitForHome(term);
    pec = await PecPostmaster.login({
      url: `${demoUrlOf(home)}/pec`,
      username: POSTMASTER,
      password: DEMO_PASSWORD,
    });

    // Login: demo mode fills in the postmaster; the password shows only as stars.
    term.keys('j');
    await term.waitFor('> PEC (postmaster)');
    term.keys('Enter');
    const login = await term.waitFor(POSTMASTER);
    expect(login).toContain('PEC postmaster login');
    expect(login).toContain('*'.repeat(DEMO_PASSWORD.length));
    expect(login).not.toContain(DEMO_PASSWORD);
    term.keys('Enter');
    await term.waitFor('PEC domain pec.example.it');
    await term.waitFor('Status: active. 13 of 20 mailboxes.');

    // Create.
    term.keys('Enter');
    await term.waitFor('Create a PEC mailbox in pec.example.it');
    await term.waitFor('[ ] at least 8 characters');
    term.type('e2e.ufficio');
    term.keys('Tab');
    term.type('Pec-Nuova-1!');
    term.keys('Tab');
    term.type('Pec-Nuova-1!');
    await term.waitFor('[x] the two passwords match');
    term.keys('Enter');
    await term.waitFor(`PEC mailbox ${ADDRESS} created.`);
    await term.waitFor('14 of 20 mailboxes.');
    expect(await exists('e2e.ufficio')).toBe(true);

    // Search: the server's answer lists only the new mailbox.
    term.keys('j');
    await term.waitFor('> Search mailboxes');
    term.keys('Enter');
    await term.waitFor('amministrazione@pec.example.it');
    term.type('/e2e');
    term.keys('Enter');
    await term.waitFor('Name contains: e2e');
    await term.waitForGone('amministrazione@pec.example.it');
    const found = await term.waitFor(ADDRESS);
    expect(listedAddresses(found)).toEqual([ADDRESS]);
    expect(selectedLine(found)).toMatch(/^> e2e\.ufficio@pec\.example\.it\s+active/);
    term.keys('Enter');
    await term.waitFor(/Status: active\s+Role: user/);

    // Delete, step 1: the server's warning; step 2: the typed address (a partial one deletes nothing).
    term.keys('G');
    await term.waitFor('> Delete mailbox');
    term.keys('Enter');
    await term.waitFor(wrapped('Deletion is irreversible: all content is lost.'));
    await term.waitFor('- All messages and receipts in the mailbox are lost.');
    term.type('e2e.ufficio');
    term.keys('Enter');
    await term.waitFor(wrapped(`does not match ${ADDRESS}: nothing was deleted`));
    expect(await exists('e2e.ufficio')).toBe(true);
    term.type('@pec.example.it');
    term.keys('Enter');
    const after = await term.waitFor(`Mailbox ${ADDRESS} deleted.`);
    expect(after).toContain('Search PEC mailboxes');
    expect(listedAddresses(after)).toEqual([]);
    expect(await exists('e2e.ufficio')).toBe(false);

    // Back on the PEC home, the count follows the deletion.
    term.keys('Escape');
    await term.waitFor('PEC domain pec.example.it');
    await term.waitFor('Status: active. 13 of 20 mailboxes.');
  });
});
