import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
import { changedBetween, directoryOf, markedRowsOf, rowsOf } from './mailbox-marks-helpers.ts';

const demo = useDemoApp();
const CTRL_U = '\u0015';

/** The three Standard/Professional rows after admin@example.com, marked with Space Space Space. */
async function markThree(ui: ReturnType<typeof renderApp>): Promise<string[]> {
  await toMailboxes(ui);
  // Row 1 is admin@example.com, the session's own account: the marks start below it.
  await press(ui.stdin, 'j');
  await waitForText(ui.lastFrame, '2/40');
  await press(ui.stdin, ' ', ' ', ' ');
  const frame = await waitForText(ui.lastFrame, '3 marked');
  const marked = markedRowsOf(frame);
  expect(marked).toHaveLength(3);
  expect(marked).not.toContain('admin@example.com');
  return marked;
}

describe('marks in the Mailboxes list and bulk actions on them', () => {
  it('locks the three mailboxes marked with Space, and only them', async () => {
    const before = await directoryOf(demo.mock.url);
    const ui = renderApp(demo.session);
    const marked = await markThree(ui);
    await press(ui.stdin, 'b');
    await waitForText(ui.lastFrame, 'Bulk action on 3 marked mailboxes');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Lock 3 mailboxes?');
    await press(ui.stdin, 'y');
    const done = await waitForText(ui.lastFrame, '3 mailboxes locked.');
    expect(done).toContain('3 mailboxes: 3 changed.');
    const after = await directoryOf(demo.mock.url);
    expect(changedBetween(before, after)).toEqual(marked);
    for (const address of marked) expect(after.get(address)?.status).toBe('locked');
    // Back on the list: it reloads, and the marks of the action are gone.
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Mailboxes of example.com');
    await vi.waitFor(
      () => {
        const frame = ui.lastFrame() ?? '';
        for (const address of marked) expect(frame).toMatch(new RegExp(`${address} .*locked`));
      },
      { timeout: 5000 },
    );
    expect(ui.lastFrame()).not.toContain('marked');
    expect(markedRowsOf(ui.lastFrame() ?? '')).toEqual([]);
    // Each row is in the audit journal through the engine's journal, and the job has its own line.
    const journal = demo.session.journal?.read() ?? [];
    const rows = journal.filter((e) => e.operation === 'bulk.modify' && e.outcome === 'ok');
    expect(rows.map((e) => e.target).sort()).toEqual(marked);
    expect(journal.filter((e) => e.operation === 'bulk.lock').map((e) => e.outcome)).toEqual(['ok']);
  });

  it('marks with * exactly the mailboxes the filter matches, and acts on those', async () => {
    const before = await directoryOf(demo.mock.url);
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await press(ui.stdin, '/', ...'ferr', KEY.enter);
    await waitForText(ui.lastFrame, '/ferr');
    const filtered = await waitForText(ui.lastFrame, '1/3');
    const matching = rowsOf(filtered);
    expect(matching).toHaveLength(3);
    await press(ui.stdin, '*');
    const frame = await waitForText(ui.lastFrame, 'Marked all 3 mailboxes that match');
    expect(frame).toContain('3 marked');
    expect(markedRowsOf(frame)).toEqual(matching);
    await press(ui.stdin, 'b');
    await waitForText(ui.lastFrame, 'Bulk action on 3 marked mailboxes');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Lock 3 mailboxes?');
    await press(ui.stdin, 'y');
    await waitForText(ui.lastFrame, '3 mailboxes locked.');
    expect(changedBetween(before, await directoryOf(demo.mock.url))).toEqual(matching);
    // Back on the list, * works at once, while the list is still reading its pages again.
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Mailboxes of example.com');
    await press(ui.stdin, '*');
    const again = await waitForText(ui.lastFrame, '3 marked');
    expect(again).not.toContain('still loading');
  });

  it('leaves out of a * the rows unmarked with Space, and clears a * when the filter changes', async () => {
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await press(ui.stdin, '/', ...'ferr', KEY.enter);
    const filtered = await waitForText(ui.lastFrame, '1/3');
    await press(ui.stdin, '*');
    await waitForText(ui.lastFrame, '3 marked');
    await press(ui.stdin, ' ');
    const frame = await waitForText(ui.lastFrame, '2 marked');
    expect(markedRowsOf(frame)).toEqual(rowsOf(filtered).slice(1));
    await press(ui.stdin, '/', 'i');
    await waitForText(ui.lastFrame, 'The filter changed: the 2 marks of the previous one were cleared.');
    expect(ui.lastFrame()).not.toContain('marked');
  });

  it('asks before Esc clears many marks, and keeps them on any key but y', async () => {
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await press(ui.stdin, '*');
    await waitForText(ui.lastFrame, '40 marked');
    await press(ui.stdin, KEY.esc);
    await waitForText(ui.lastFrame, 'Clear the 40 marks? (y/N)');
    await press(ui.stdin, 'n');
    // The header says "40 marked" all along: what proves the n arrived is the question going away.
    await vi.waitFor(() => expect(ui.lastFrame()).not.toContain('Clear the 40 marks?'), { timeout: 5000 });
    expect(ui.lastFrame()).toContain('40 marked');
    await press(ui.stdin, KEY.esc);
    await waitForText(ui.lastFrame, 'Clear the 40 marks? (y/N)');
    await press(ui.stdin, 'y');
    await vi.waitFor(() => expect(ui.lastFrame()).not.toContain('marked'), { timeout: 5000 });
    expect(ui.lastFrame()).not.toContain('Clear the 40 marks?');
    // Without marks Esc goes back, as before.
    await press(ui.stdin, KEY.esc);
    await waitForText(ui.lastFrame, 'Mail service:');
  });

  it('refuses a type change with the numbers when the type lacks free slots, and changes nothing', async () => {
    const before = await directoryOf(demo.mock.url);
    const ui = renderApp(demo.session);
    const marked = await markThree(ui);
    const toMove = marked.filter(
      (a) => before.get(a)?.cosId !== before.get('giulia.bianchi@example.com')?.cosId,
    );
    await press(ui.stdin, 'b');
    await waitForText(ui.lastFrame, 'Bulk action on 3 marked mailboxes');
    await press(ui.stdin, 'j', 'j');
    await waitForText(ui.lastFrame, '> Change type');
    await press(ui.stdin, KEY.enter);
    // The types come in the domain's order, Professional first: the cursor starts on it.
    await waitForText(ui.lastFrame, '> Professional: 0 of 10 slots free');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Move 3 mailboxes to Professional? (y/N)');
    await press(ui.stdin, 'y');
    const frame = await waitForText(ui.lastFrame, 'nothing was written');
    expect(frame).toContain(
      `Professional: ${toMove.length} mailboxes would need a slot, 0 free (10 of 10 used).`,
    );
    expect(changedBetween(before, await directoryOf(demo.mock.url))).toEqual([]);
    expect((demo.session.journal?.read() ?? []).filter((e) => e.operation === 'bulk.modify')).toEqual([]);
  });

  it('resets passwords into a new 0600 file only, with must-change set, never on screen or in the journal', async () => {
    const ui = renderApp(demo.session);
    const marked = await markThree(ui);
    await press(ui.stdin, 'b');
    await waitForText(ui.lastFrame, 'Bulk action on 3 marked mailboxes');
    await press(ui.stdin, 'j', 'j', 'j');
    await waitForText(ui.lastFrame, '> Reset passwords');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'casella-passwords-example.com-');
    const file = join(demo.configDir, 'new-passwords.csv');
    await press(ui.stdin, CTRL_U, ...file);
    await waitForText(ui.lastFrame, 'new-passwords.csv');
    await press(ui.stdin, KEY.enter);
    const done = await waitForText(ui.lastFrame, '3 passwords reset.');
    expect(done.replace(/\s+/g, '')).toContain(`3newpasswordsarein${file}`.replace(/\s+/g, ''));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((l) => l.split(',')[0]).sort()).toEqual(marked);
    const passwords = lines.map((l) => l.slice(l.indexOf(',') + 1));
    const journalText = readFileSync(demo.session.journal?.path ?? '', 'utf8');
    for (const password of passwords) {
      expect(password.length).toBeGreaterThanOrEqual(8);
      expect(ui.frames.some((f) => f.includes(password))).toBe(false);
      expect(journalText).not.toContain(password);
    }
    const admin = await ZimbraAdmin.login({
      url: demo.mock.url,
      username: DEMO_ADMIN,
      password: DEMO_PASSWORD,
    });
    try {
      for (const address of marked) {
        const account = await admin.accounts.get(address);
        expect(String(account.attrs.zimbraPasswordMustChange).toUpperCase()).toBe('TRUE');
      }
    } finally {
      await admin.close();
    }
    expect(journalText).toContain('"operation":"bulk.setPassword"');
  });

  it('deletes the marked mailboxes only once their count is typed', async () => {
    const before = await directoryOf(demo.mock.url);
    const ui = renderApp(demo.session);
    const marked = await markThree(ui);
    await press(ui.stdin, 'b');
    await waitForText(ui.lastFrame, 'Bulk action on 3 marked mailboxes');
    await press(ui.stdin, 'G');
    await waitForText(ui.lastFrame, '> Delete');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Type 3 and press Enter');
    await press(ui.stdin, '4', KEY.enter);
    await waitForText(ui.lastFrame, 'Type 3, the number of marked mailboxes, to delete them.');
    expect(changedBetween(before, await directoryOf(demo.mock.url))).toEqual([]);
    await press(ui.stdin, KEY.backspace, '3');
    await waitForText(ui.lastFrame, '3_');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, '3 mailboxes deleted.');
    const after = await directoryOf(demo.mock.url);
    expect(changedBetween(before, after)).toEqual(marked);
    for (const address of marked) expect(after.has(address)).toBe(false);
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, '(37 of 37)');
  });
});

describe('bulk actions refuse what changed or would overwrite, and write nothing', () => {
  it('deletes nothing when the filter of a * matches another number than the one typed', async () => {
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await press(ui.stdin, '/', ...'ferr', KEY.enter);
    const filtered = await waitForText(ui.lastFrame, '1/3');
    const [gone, ...kept] = rowsOf(filtered);
    await press(ui.stdin, '*');
    await waitForText(ui.lastFrame, '3 marked');
    // Another admin deletes one of the three behind the list's back.
    const admin = await ZimbraAdmin.login({
      url: demo.mock.url,
      username: DEMO_ADMIN,
      password: DEMO_PASSWORD,
    });
    try {
      await admin.accounts.delete(gone as string);
    } finally {
      await admin.close();
    }
    const before = await directoryOf(demo.mock.url);
    await press(ui.stdin, 'b');
    await waitForText(ui.lastFrame, 'Bulk action on 3 marked mailboxes');
    await press(ui.stdin, 'G', KEY.enter);
    await waitForText(ui.lastFrame, 'Type 3 and press Enter');
    await press(ui.stdin, '3', KEY.enter);
    await waitForText(ui.lastFrame, 'The filter now matches 2 mailboxes, not the 3 you confirmed');
    expect(changedBetween(before, await directoryOf(demo.mock.url))).toEqual([]);
    for (const address of kept) expect(before.has(address)).toBe(true);
  });

  it('never overwrites an existing password file, and sets no password then', async () => {
    const file = join(demo.configDir, 'taken.csv');
    writeFileSync(file, 'keep me\n');
    const ui = renderApp(demo.session);
    const marked = await markThree(ui);
    await press(ui.stdin, 'b');
    await waitForText(ui.lastFrame, 'Bulk action on 3 marked mailboxes');
    await press(ui.stdin, 'j', 'j', 'j');
    await waitForText(ui.lastFrame, '> Reset passwords');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'casella-passwords-example.com-');
    await press(ui.stdin, CTRL_U, ...file, KEY.enter);
    await waitForText(ui.lastFrame, 'it is never overwritten');
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
    const journal = demo.session.journal?.read() ?? [];
    expect(journal.filter((e) => e.operation === 'bulk.setPassword')).toEqual([]);
    const admin = await ZimbraAdmin.login({
      url: demo.mock.url,
      username: DEMO_ADMIN,
      password: DEMO_PASSWORD,
    });
    try {
      for (const address of marked) {
        const account = await admin.accounts.get(address);
        expect(String(account.attrs.zimbraPasswordMustChange ?? 'FALSE').toUpperCase()).not.toBe('TRUE');
      }
    } finally {
      await admin.close();
    }
  });
});
