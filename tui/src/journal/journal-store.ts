import {
  chmodSync,
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { type JournalEntry, toJournalEntry } from './journal-entry.ts';

/** What `read` may filter on. */
export interface JournalQuery {
  /** Only entries at or after this time. */
  readonly since?: Date | undefined;
  /** Only the last `limit` entries (after `since`). */
  readonly limit?: number | undefined;
  /** Only entries whose operation starts with this, e.g. `import.`. */
  readonly operation?: string | undefined;
}

/** The NDJSON audit journal: appended one line per change, never rewritten. */
export interface JournalStore {
  /** The file, or undefined when the journal is off. */
  readonly path: string | undefined;
  /** Appends entries, all in one write. */
  append(...entries: readonly JournalEntry[]): void;
  read(query?: JournalQuery): JournalEntry[];
}

/**
 * A journal in one NDJSON file, created with mode 0600 (its directory 0700). Every append is one
 * `write` of one whole line on an `O_APPEND` descriptor, so two casella processes never interleave
 * inside a line. `path` undefined gives a journal that keeps nothing.
 */
export function createJournalStore(path: string | undefined): JournalStore {
  if (path === undefined) return { path, append: () => undefined, read: () => [] };
  return {
    path,
    append(...entries) {
      if (entries.length === 0) return;
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      const fd = openSync(path, 'a', 0o600);
      try {
        // A file made by something else with a looser mode is tightened: it holds who did what.
        if ((fstatSync(fd).mode & 0o077) !== 0) chmodSync(path, 0o600);
        writeSync(fd, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
      } finally {
        closeSync(fd);
      }
    },
    read(query = {}) {
      if (!existsSync(path)) return [];
      const entries: JournalEntry[] = [];
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          continue; // a line torn by a crash mid-write is skipped, not fatal
        }
        const entry = toJournalEntry(parsed);
        if (!entry) continue;
        if (query.since && Date.parse(entry.time) < query.since.getTime()) continue;
        if (query.operation && !entry.operation.startsWith(query.operation)) continue;
        entries.push(entry);
      }
      return query.limit === undefined ? entries : entries.slice(Math.max(0, entries.length - query.limit));
    },
  };
}
