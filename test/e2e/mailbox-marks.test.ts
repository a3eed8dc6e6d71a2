import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZimbraAdmin } from '@casella/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Casella,
  demoUrlOf,
  STEP_TIMEOUT,
  startCasella,
  toDashboard,
  waitForHome,
  wrapped,
} from './casella.ts';

const DEMO_PASSWORD = 'Casella-Demo-1!';

let app: Casella | undefined;
let admin: ZimbraAdmin | undefined;
let dir: string | undefined;

afterEach(async () => {
  await admin?.close();
  admin = undefined;
  app?.close();
  app = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('casella in a real terminal: marks and bulk actions in the Mailboxes list', {
  timeout: 90_000,
}, () => {
  it('marks the mailboxes a filter matches with *, locks them, then resets their passwords into a 0600 file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'casella-marks-'));
    app = startCasella();
    const { term } = app;
    const home = await waitForHome(term);
    // The demo mock runs inside casella; the SDK checks what the screens claim.
    admin = await ZimbraAdmin.login({
      url: demoUrlOf(home),
      username: 'admin@example.com',
      password: DEMO_PASSWORD,
    });
    await toDashboard(term);
    term.keys('Enter');
    await term.waitFor('Mailboxes of example.com (40 of 40)');

    term.type('/ferr');
    term.keys('Enter');
    await term.waitFor('(3 of 40)', STEP_TIMEOUT);
    term.type('*');
    const marked = await term.waitFor('3 marked', STEP_TIMEOUT);
    const addresses = [...marked.matchAll(/^[> ] \* +(\S+@example\.com)/gm)]
      .map((m) => m[1] as string)
      .sort();
    expect(addresses).toHaveLength(3);

    term.type('b');
    await term.waitFor('Bulk action on 3 marked mailboxes');
    term.keys('Enter');
    await term.waitFor('Lock 3 mailboxes?');
    term.type('y');
    await term.waitFor('3 mailboxes locked.', STEP_TIMEOUT);
    for (const address of addresses) expect((await admin.accounts.get(address)).status).toBe('locked');

    // Back on the list the marks are gone; mark the same three again and reset their passwords.
    term.keys('Enter');
    await term.waitForGone('marked');
    term.type('*');
    await term.waitFor('3 marked', STEP_TIMEOUT);
    term.type('b');
    await term.waitFor('Bulk action on 3 marked mailboxes');
    term.type('jjj');
    await term.waitFor('> Reset passwords');
    term.keys('Enter');
    await term.waitFor('Password file');
    const file = join(dir, 'passwords.csv');
    term.keys('C-u');
    term.type(file);
    await term.waitFor('passwords.csv_');
    term.keys('Enter');
    const done = await term.waitFor('3 passwords reset.', STEP_TIMEOUT);
    expect(done).toMatch(wrapped(`3 new passwords are in ${file}`));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((l) => l.split(',')[0]).sort()).toEqual(addresses);
    for (const line of lines) {
      const password = line.slice(line.indexOf(',') + 1);
      expect(term.screen()).not.toContain(password);
      expect(term.history()).not.toContain(password);
    }
  });
});
