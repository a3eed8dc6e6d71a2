import { createReadStream, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BULK_DEFAULTS, createBulk, parseRowsCsv } from '@casella/sdk';
import { describe, expect, it, vi } from 'vitest';
import { KEY, press, renderApp, waitForText } from './helpers.tsx';
import {
  domainState,
  LONG,
  previewFile,
  STEP,
  toImport,
  useImportBench,
  writeCsv,
} from './import-helpers.tsx';

const bench = useImportBench();
const PASSWORD = 'Import-Pass-42!';

function rows(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const id = String(i).padStart(4, '0');
    return `user${id}@bulk.example.com,${PASSWORD},Nome${id},Cognome${id},${i % 2 ? 'Professional' : 'Standard'},500MB`;
  });
}
const HEADER = 'address,password,givenName,sn,type,quota';

/** The domain after the file is imported in one go by the engine; the server is then back to its seed. */
async function uninterrupted(file: string, count: number): Promise<string[]> {
  await createBulk(bench.direct)
    .create(parseRowsCsv(createReadStream(file)))
    .summary();
  const reference = await domainState(bench.direct, 'bulk.example.com');
  expect(reference).toHaveLength(count);
  bench.mock.reset();
  expect(await domainState(bench.direct, 'bulk.example.com')).toEqual([]);
  return reference;
}

describe('the Import screen run', () => {
  it('creates exactly the rows of a good file, and a re-run is all already present with no write', async () => {
    const file = writeCsv(bench.dir, 'good.csv', HEADER, rows(5));
    const ui = renderApp(bench.session);
    await toImport(ui);
    const preview = await previewFile(ui, file);
    expect(preview).toContain('5 of 5 rows would create a mailbox');
    expect(preview).toContain('Press y to create 5 mailboxes — rows in the file: 5');
    await press(ui.stdin, 'y');
    const done = await waitForText(
      ui.lastFrame,
      'Import of good.csv done: 5 created, 0 already present.',
      STEP,
    );
    expect(done).toContain('created: 5');
    expect(done).toContain('Every row is as the file asks.');
    const state = await domainState(bench.direct, 'bulk.example.com');
    expect(state).toHaveLength(5);
    expect(state[0]).toMatch(/^user0000@bulk\.example\.com\|Nome0000\|Cognome0000\|/);
    expect(bench.proxy.stats.writes).toEqual({ CreateAccountRequest: 5 });

    // Again: Esc leaves the outcome, the Import screen opens afresh on the same file.
    await press(ui.stdin, KEY.esc);
    await waitForText(ui.lastFrame, '> Import', STEP);
    await bench.proxy.idle();
    bench.proxy.resetStats();
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Current folder:', STEP);
    const second = await previewFile(ui, file);
    expect(second).toContain('0 of 5 rows would create a mailbox');
    expect(second).toMatch(/user0000@bulk\.example\.com\s+already present/);
    await press(ui.stdin, 'y');
    const again = await waitForText(ui.lastFrame, 'done: 0 created, 5 already present.', STEP);
    expect(again).toContain('already present: 5');
    expect(again).toContain('0 writes sent; rows in the file: 5.');
    expect(bench.proxy.stats.writes).toEqual({});
    expect(await domainState(bench.direct, 'bulk.example.com')).toEqual(state);
  });

  it('lists a row in conflict with the columns that differ, and never modifies that mailbox', async () => {
    await bench.direct.accounts.create({
      name: 'user0001@bulk.example.com',
      password: PASSWORD,
      attrs: { givenName: 'Someone', sn: 'Else' },
    });
    const before = await domainState(bench.direct, 'bulk.example.com');
    const file = writeCsv(bench.dir, 'conflict.csv', HEADER, rows(3));
    const ui = renderApp(bench.session);
    await toImport(ui);
    const preview = await previewFile(ui, file);
    expect(preview).toMatch(/user0001@bulk\.example\.com\s+conflict\s+exists with other values: givenName/);
    await press(ui.stdin, 'y');
    const done = await waitForText(ui.lastFrame, 'with problems (listed)', STEP);
    expect(done).toMatch(/3\s+user0001@bulk\.example\.com\s+conflict/);
    const after = await domainState(bench.direct, 'bulk.example.com');
    expect(after).toContain(before.find((a) => a.startsWith('user0001@')));
    expect(after).toHaveLength(3);
  });

  it('writes generated passwords only to a 0600 file next to the input, never on screen', async () => {
    const file = writeCsv(bench.dir, 'nopass.csv', 'address,givenName,sn,type', [
      'anna@bulk.example.com,Anna,Verdi,Standard',
      'bruno@bulk.example.com,Bruno,Neri,Standard',
    ]);
    const ui = renderApp(bench.session);
    await toImport(ui);
    const preview = await previewFile(ui, file);
    const passwordFile = join(bench.dir, 'nopass.passwords.csv');
    expect(preview).toContain('2 rows have no password: each gets a generated one, written only to');
    expect(preview.replaceAll('\n', '')).toContain(passwordFile);
    await press(ui.stdin, 'y');
    await waitForText(ui.lastFrame, 'done: 2 created', STEP);
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    const lines = readFileSync(passwordFile, 'utf8').trim().split('\n');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['anna@bulk.example.com', 'bruno@bulk.example.com']);
    for (const line of lines) {
      const password = line.slice(line.indexOf(',') + 1);
      expect(password.length).toBeGreaterThanOrEqual(8);
      expect(ui.frames.join('\n')).not.toContain(password);
      expect(readFileSync(join(bench.dir, 'journal.ndjson'), 'utf8')).not.toContain(password);
    }
  });

  it('resumes a run stopped half-way and ends in the same state as an uninterrupted one', {
    timeout: 120_000,
  }, async () => {
    const file = writeCsv(bench.dir, 'big.csv', HEADER, rows(600));
    const reference = await uninterrupted(file, 600);
    // Slow answers, so the run is still going when Esc and y arrive.
    bench.mock.backend.faults.set({ latencyMs: 250 });

    const ui = renderApp(bench.session);
    await toImport(ui);
    await previewFile(ui, file);
    await press(ui.stdin, 'y');
    // Once a batch has settled (the figures show rows done), Esc then y stop it.
    await vi.waitFor(() => expect(ui.lastFrame()).toMatch(/\] [1-9]\d*\/600 ·/), {
      timeout: LONG,
      interval: 10,
    });
    await press(ui.stdin, KEY.esc);
    await waitForText(ui.lastFrame, 'Stop the import?', STEP);
    await press(ui.stdin, 'y');
    const stopped = await waitForText(ui.lastFrame, 'Import of big.csv stopped', LONG);
    const done = Number(/stopped with (\d+) of 600 rows done/.exec(stopped)?.[1]);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(600);
    // Esc then y cuts the batches in flight (decision 0063): their rows have no outcome yet and may or may
    // not have been written, so the domain holds the rows done plus at most those batches' rows.
    const written = (await domainState(bench.direct, 'bulk.example.com')).length;
    expect(written).toBeGreaterThanOrEqual(done);
    expect(written).toBeLessThanOrEqual(done + BULK_DEFAULTS.batchSize * BULK_DEFAULTS.concurrency);

    bench.mock.backend.faults.set({ latencyMs: 0 });
    await press(ui.stdin, 'R');
    const offer = await waitForText(ui.lastFrame, 'An earlier run of this file stopped', STEP);
    expect(offer).toContain(`stopped with ${done} of 600 rows done: y resumes it.`);
    await press(ui.stdin, 'y');
    await waitForText(ui.lastFrame, 'Import of big.csv done', LONG);
    expect(await domainState(bench.direct, 'bulk.example.com')).toEqual(reference);
  });

  it('keeps a run going when the user leaves it, and shows its outcome on the screen then shown', {
    timeout: 120_000,
  }, async () => {
    const file = writeCsv(bench.dir, 'background.csv', HEADER, rows(600));
    bench.mock.backend.faults.set({ latencyMs: 250 });
    const ui = renderApp(bench.session);
    await toImport(ui);
    await previewFile(ui, file);
    await press(ui.stdin, 'y');
    await waitForText(ui.lastFrame, 'Importing', STEP);
    await press(ui.stdin, KEY.esc);
    await waitForText(ui.lastFrame, 'Stop the import?', STEP);
    await press(ui.stdin, 'n');
    await waitForText(ui.lastFrame, 'The import goes on in the background', STEP);
    expect(ui.lastFrame()).toContain('> Import');
    const home = await waitForText(ui.lastFrame, 'Import of background.csv done: 600 created', LONG);
    expect(home).toContain('> Import');
    expect(await domainState(bench.direct, 'bulk.example.com')).toHaveLength(600);
  });

  it('asks before quitting during a run, and a new session resumes the stopped run to the same end state', {
    timeout: 120_000,
  }, async () => {
    const file = writeCsv(bench.dir, 'quit.csv', HEADER, rows(600));
    const reference = await uninterrupted(file, 600);
    bench.mock.backend.faults.set({ latencyMs: 250 });
    const ui = renderApp(bench.session);
    await toImport(ui);
    await previewFile(ui, file);
    await press(ui.stdin, 'y');
    await vi.waitFor(() => expect(ui.lastFrame()).toMatch(/\] [1-9]\d*\/600 ·/), {
      timeout: LONG,
      interval: 10,
    });
    await press(ui.stdin, 'q');
    await waitForText(ui.lastFrame, 'An import is running: quitting stops it', STEP);
    await press(ui.stdin, 'y');
    // The app is gone and its run aborted: the batches in flight were cut (decision 0063), so their rows'
    // intents are in the journal with no outcome yet; resuming reads those rows back before sending again.
    const journalRows = () =>
      readFileSync(join(bench.dir, 'journal.ndjson'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { operation: string; outcome: string })
        .filter((e) => e.operation === 'import.create');
    await vi.waitFor(() => expect(journalRows().some((e) => e.outcome === 'pending')).toBe(true), {
      timeout: LONG,
      interval: 50,
    });

    bench.mock.backend.faults.set({ latencyMs: 0 });
    const again = renderApp(bench.session);
    await toImport(again);
    const offer = await previewFile(again, file);
    const done = Number(/stopped with (\d+) of 600 rows done/.exec(offer)?.[1]);
    expect(done).toBe(journalRows().filter((e) => e.outcome !== 'pending').length);
    expect(done).toBeLessThan(600);
    await press(again.stdin, 'y');
    await waitForText(again.lastFrame, 'Import of quit.csv done', LONG);
    expect(await domainState(bench.direct, 'bulk.example.com')).toEqual(reference);
  });
});
