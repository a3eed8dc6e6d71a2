import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJournalStore, type JournalEntry } from '../../tui/src/journal/index.ts';
import {
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

/** Home → Activity. */
async function toActivity(ui: Ui): Promise<string> {
  await waitForText(ui.lastFrame, 'Domains');
  for (let i = 0; i < 10 && !(ui.lastFrame() ?? '').includes('> Activity'); i++) await press(ui.stdin, 'j');
  await waitForText(ui.lastFrame, '> Activity');
  await press(ui.stdin, KEY.enter);
  return waitForText(ui.lastFrame, 'Journal:');
}

function entry(
  operation: string,
  target: string,
  outcome: JournalEntry['outcome'],
  minute: number,
  code?: string,
) {
  return {
    time: `2026-12-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
    server: 'mail.example.com:7071',
    admin: 'admin@example.com',
    operation,
    target,
    outcome,
    ...(code ? { code } : {}),
  } satisfies JournalEntry;
}

describe('the Activity screen and the journal of TUI changes', () => {
  it('records a TUI create and a password reset in the journal, never the password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casella-activity-'));
    const path = join(dir, 'journal.ndjson');
    const session = await demoSession(demo.mock, { configDir: dir, journal: createJournalStore(path) });
    try {
      const ui = renderApp(session);
      await toDashboard(ui);
      await press(ui.stdin, 'j', KEY.enter);
      await waitForText(ui.lastFrame, 'Standard: 12 of 40 slots free');
      await press(
        ui.stdin,
        ...'anna.nuova',
        KEY.tab,
        KEY.tab,
        ...'Nuova-Pass-1!',
        KEY.tab,
        ...'Nuova-Pass-1!',
      );
      await waitForText(ui.lastFrame, '[x] the two passwords match');
      await press(ui.stdin, KEY.enter);
      await waitForText(ui.lastFrame, 'Mailbox anna.nuova@example.com created.');
      ui.unmount();
      const again = renderApp(session);
      await toMailboxes(again);
      await press(again.stdin, '/', ...'mario.rossi', KEY.enter);
      await waitForText(again.lastFrame, '(1 of 41)');
      await press(again.stdin, KEY.enter);
      await waitForText(again.lastFrame, 'Edit user (first and last name)');
      await press(again.stdin, 'j', KEY.enter);
      await waitForText(again.lastFrame, 'at least 1 special character');
      await press(again.stdin, ...'Reset-Pass-2!', KEY.tab, ...'Reset-Pass-2!', KEY.enter);
      await waitForText(again.lastFrame, 'Password of mario.rossi@example.com changed.');

      const text = readFileSync(path, 'utf8');
      expect(text).not.toContain('Nuova-Pass-1!');
      expect(text).not.toContain('Reset-Pass-2!');
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const lines = text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as JournalEntry);
      expect(lines.map((e) => [e.operation, e.target, e.outcome, e.admin, e.server])).toEqual([
        ['accounts.create', 'anna.nuova@example.com', 'ok', session.env.user, session.env.server],
        ['accounts.passwd', 'mario.rossi@example.com', 'ok', session.env.user, session.env.server],
      ]);
      expect(lines[0]?.detail).toEqual({ type: 'Standard' });
      for (const e of lines) expect(Number.isNaN(Date.parse(e.time))).toBe(false);
    } finally {
      await session.close();
    }
  });

  it('records a refused change with the backend code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casella-activity-'));
    const path = join(dir, 'journal.ndjson');
    const session = await demoSession(demo.mock, { configDir: dir, journal: createJournalStore(path) });
    try {
      const ui = renderApp(session);
      await toDashboard(ui);
      await press(ui.stdin, 'j', KEY.enter);
      await waitForText(ui.lastFrame, 'Standard: 12 of 40 slots free');
      // mario.rossi exists already: the server answers account.ACCOUNT_EXISTS.
      await press(
        ui.stdin,
        ...'mario.rossi',
        KEY.tab,
        KEY.tab,
        ...'Nuova-Pass-1!',
        KEY.tab,
        ...'Nuova-Pass-1!',
      );
      await waitForText(ui.lastFrame, '[x] the two passwords match');
      await press(ui.stdin, KEY.enter);
      await waitForText(ui.lastFrame, 'ACCOUNT_EXISTS');
      const lines = createJournalStore(path).read();
      expect(lines.map((e) => [e.operation, e.target, e.outcome, e.code])).toEqual([
        ['accounts.create', 'mario.rossi@example.com', 'failed', 'account.ACCOUNT_EXISTS'],
      ]);
      expect(readFileSync(path, 'utf8')).not.toContain('Nuova-Pass-1!');
    } finally {
      await session.close();
    }
  });

  it('lists the journal newest first with time, operation, target, outcome and code, and filters after /', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casella-activity-'));
    const journal = createJournalStore(join(dir, 'journal.ndjson'));
    journal.append(
      entry('accounts.create', 'anna@example.com', 'ok', 1),
      entry('accounts.delete', 'bruno@example.com', 'failed', 2, 'account.NO_SUCH_ACCOUNT'),
      entry('accounts.lock', 'carla@example.com', 'ok', 3),
    );
    const session = await demoSession(demo.mock, { configDir: dir, journal });
    try {
      const ui = renderApp(session);
      const frame = await toActivity(ui);
      expect(frame).toContain('(3 changes)');
      expect(frame).toContain(`Journal: ${journal.path}`);
      const carla = frame.indexOf('carla@example.com');
      const bruno = frame.indexOf('bruno@example.com');
      const anna = frame.indexOf('anna@example.com');
      expect(carla).toBeGreaterThan(-1);
      expect(carla).toBeLessThan(bruno);
      expect(bruno).toBeLessThan(anna);
      expect(frame).toMatch(
        /2026-12-01 10:02:00\s+accounts\.delete\s+bruno@example\.com\s+failed\s+account\.NO_SUCH_ACCOUNT/,
      );
      await press(ui.stdin, '/', ...'NO_SUCH');
      const filtered = await waitForText(ui.lastFrame, '(1 of 3)');
      expect(filtered).toContain('bruno@example.com');
      expect(filtered).not.toContain('carla@example.com');
      expect(filtered).not.toContain('anna@example.com');
      await press(ui.stdin, KEY.esc);
      await waitForText(ui.lastFrame, '(3 changes)');
    } finally {
      await session.close();
    }
  });

  it('pages a long journal: the window moves with the cursor', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casella-activity-'));
    const journal = createJournalStore(join(dir, 'journal.ndjson'));
    journal.append(
      ...Array.from({ length: 50 }, (_, i) => entry('accounts.modify', `u${i}@example.com`, 'ok', i)),
    );
    const session = await demoSession(demo.mock, { configDir: dir, journal });
    try {
      const ui = renderApp(session);
      const first = await toActivity(ui);
      expect(first).toContain('u49@example.com');
      expect(first).not.toContain('u0@example.com');
      await press(ui.stdin, 'G');
      const last = await waitForText(ui.lastFrame, 'u0@example.com');
      expect(last).not.toContain('u49@example.com');
    } finally {
      await session.close();
    }
  });

  it('says the journal is off when CASELLA_JOURNAL=off, in Italian too', async () => {
    const session = await demoSession(demo.mock, { journal: createJournalStore(undefined) });
    try {
      const ui = renderApp(session, 'it');
      await waitForText(ui.lastFrame, 'Domini');
      for (let i = 0; i < 10 && !(ui.lastFrame() ?? '').includes('> Attività'); i++)
        await press(ui.stdin, 'j');
      await press(ui.stdin, KEY.enter);
      const frame = await waitForText(ui.lastFrame, 'Il registro è spento');
      expect(frame).toContain('Nessuna modifica registrata.');
    } finally {
      await session.close();
    }
  });
});
