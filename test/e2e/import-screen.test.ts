import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZimbraAdmin } from '@casella/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { type Casella, demoUrlOf, STEP_TIMEOUT, startCasella, waitForHome } from './casella.ts';

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

describe('casella in a real terminal: the Import screen', { timeout: 90_000 }, () => {
  it('previews a CSV with its capacity check, imports it with y, and a second import writes nothing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'casella-e2e-import-'));
    const file = join(dir, 'new.csv');
    // Semicolons, as Italian spreadsheets export them.
    writeFileSync(
      file,
      [
        'address;password;givenName;sn;type',
        'e2e.uno@example.com;Import-Pass-42!;Uno;Primo;Standard',
        'e2e.due@example.com;Import-Pass-42!;Due;Secondo;Standard',
        'e2e.tre@example.com;Import-Pass-42!;Tre;Terzo;Standard',
        '',
      ].join('\n'),
    );
    app = startCasella({ cols: 80, rows: 24 });
    const { term } = app;
    const home = await waitForHome(term);
    admin = await ZimbraAdmin.login({
      url: demoUrlOf(home),
      username: 'admin@example.com',
      password: DEMO_PASSWORD,
    });

    term.keys('j', 'j', 'j', 'j', 'j');
    await term.waitFor('> Import mailboxes from a file');
    term.keys('Enter');
    await term.waitFor('Current folder:');
    term.type(file);
    term.keys('Enter');
    const preview = await term.waitFor('Press y to create 3 mailboxes — rows in the file: 3', STEP_TIMEOUT);
    expect(preview).toMatch(/Standard on example\.com: 3 to create, \d+ free/);
    expect(preview).toMatch(/2\s+e2e\.uno@example\.com\s+to create/);
    for (const line of preview.split('\n')) expect(line.length).toBeLessThanOrEqual(80);

    term.keys('y');
    const done = await term.waitFor('Import of new.csv done: 3 created, 0 already present.', STEP_TIMEOUT);
    expect(done).toContain('created: 3');
    for (const address of ['e2e.uno@example.com', 'e2e.due@example.com', 'e2e.tre@example.com']) {
      expect((await admin.accounts.get(address)).givenName).toBeTruthy();
    }

    // The same file again: the dry run finds every row there, and the run writes nothing.
    term.keys('Escape');
    await term.waitFor('> Import mailboxes from a file');
    term.keys('Enter');
    await term.waitFor('Current folder:');
    term.type(file);
    term.keys('Enter');
    await term.waitFor('0 of 3 rows would create a mailbox', STEP_TIMEOUT);
    term.keys('y');
    const again = await term.waitFor('done: 0 created, 3 already present.', STEP_TIMEOUT);
    expect(again).toContain('0 writes sent; rows in the file: 3.');
  });
});
