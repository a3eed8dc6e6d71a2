// The audit journal: entry shape, where the file lives, the NDJSON store.

export { createBulkJournal } from './bulk-journal.ts';
export type { JournalEntry, JournalOutcome } from './journal-entry.ts';
export { toJournalEntry } from './journal-entry.ts';
export { journalPath } from './journal-path.ts';
export type { JournalQuery, JournalStore } from './journal-store.ts';
export { createJournalStore } from './journal-store.ts';
