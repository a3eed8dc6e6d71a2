import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createJournalStore, journalPath } from '../../tui/src/journal/index.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'casella-journal-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const entry = {
  time: '2026-12-01T10:00:00.000Z',
  server: 'mail.example.com:7071',
  admin: 'admin@example.com',
  operation: 'accounts.create',
  target: 'a@example.com',
  outcome: 'ok',
} as const;

describe('the journal file store', () => {
  it('creates its directories and a 0600 file, one JSON line per entry', () => {
    const path = join(tempDir(), 'deep', 'er', 'journal.ndjson');
    const store = createJournalStore(path);
    store.append(entry);
    store.append({ ...entry, target: 'b@example.com', outcome: 'failed', code: 'account.ACCOUNT_EXISTS' });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3);
    expect(store.read()).toEqual([
      entry,
      { ...entry, target: 'b@example.com', outcome: 'failed', code: 'account.ACCOUNT_EXISTS' },
    ]);
  });

  it('tightens a journal file someone made readable by others', () => {
    const path = join(tempDir(), 'journal.ndjson');
    writeFileSync(path, '', { mode: 0o644 });
    createJournalStore(path).append(entry);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('skips lines that are not entries instead of failing', () => {
    const path = join(tempDir(), 'journal.ndjson');
    writeFileSync(path, `not json\n{"time":1}\n${JSON.stringify(entry)}\n{"time":"2026`);
    expect(createJournalStore(path).read()).toEqual([entry]);
  });

  it('keeps nothing when off', () => {
    const store = createJournalStore(undefined);
    store.append(entry);
    expect(store.path).toBeUndefined();
    expect(store.read()).toEqual([]);
  });

  it('resolves CASELLA_JOURNAL, then XDG_STATE_HOME (absolute only), then ~/.local/state', () => {
    expect(journalPath({ CASELLA_JOURNAL: '/x/j.ndjson', XDG_STATE_HOME: '/s' })).toBe('/x/j.ndjson');
    expect(journalPath({ CASELLA_JOURNAL: 'OFF' })).toBeUndefined();
    expect(journalPath({ XDG_STATE_HOME: '/s' })).toBe('/s/casella/journal.ndjson');
    expect(journalPath({ XDG_STATE_HOME: 'relative/state' })).toBe(
      join(homedir(), '.local', 'state', 'casella', 'journal.ndjson'),
    );
  });
});
