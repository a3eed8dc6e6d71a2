import {
  BulkAbortedError,
  type BulkJournal,
  type BulkJournalEntry,
  type BulkOutcome,
  createBulk,
  MemoryJournal,
} from '@casella/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BulkBench, collect, createRows, snapshot, startBulkBench, tally } from './bulk-fixtures.ts';

/** A journal that, like a killed process, stops recording after `outcomes` outcomes and pulls the plug. */
class KilledJournal implements BulkJournal {
  readonly kept = new MemoryJournal();
  readonly #limit: number;
  readonly #kill: () => void;
  #dead = false;

  constructor(outcomes: number, kill: () => void) {
    this.#limit = outcomes;
    this.#kill = kill;
  }

  append(entries: readonly BulkJournalEntry[]): void {
    if (this.#dead) return;
    this.kept.append(entries);
    if (this.kept.entries.filter((e) => e.type === 'outcome').length >= this.#limit) {
      this.#dead = true;
      this.#kill();
    }
  }

  read(jobId: string): BulkJournalEntry[] {
    return this.kept.read(jobId);
  }
}

describe('an interrupted run', () => {
  let bench: BulkBench;
  let uninterrupted: string[];
  const rows = createRows(300);
  beforeAll(async () => {
    bench = await startBulkBench();
    await createBulk(bench.admin).create(rows).summary();
    uninterrupted = await snapshot(bench.direct);
  });
  beforeEach(() => {
    bench.mock.reset();
    bench.proxy.faults = {};
  });
  afterAll(() => bench.close());

  it('stops at its AbortSignal and, resumed from the journal, ends identical to an uninterrupted run', async () => {
    const journal = new MemoryJournal();
    const controller = new AbortController();
    const first: BulkOutcome[] = [];
    bench.proxy.faults = { lostRate: 0.05 };
    const error = await (async () => {
      try {
        for await (const o of createBulk(bench.admin).create(rows, {
          journal,
          signal: controller.signal,
          batchSize: 20,
        })) {
          first.push(o);
          if (first.length === 150) controller.abort();
        }
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BulkAbortedError);
    expect((error as BulkAbortedError).summary.aborted).toBe(true);
    expect(first.length).toBeLessThan(300);

    const second = await collect(createBulk(bench.admin).create(rows, { journal, resume: true }));
    expect(second).toHaveLength(300);
    expect(second.filter((o) => o.resumed)).toHaveLength(first.length);
    expect(tally(second)).toEqual({ created: 300 });
    expect(await snapshot(bench.direct)).toEqual(uninterrupted);
  });

  it('killed between its writes and their outcomes, resumes to the same state and reports the rows as created', async () => {
    const controller = new AbortController();
    const journal = new KilledJournal(100, () => controller.abort());
    const first = createBulk(bench.admin).create(rows, { journal, signal: controller.signal, batchSize: 25 });
    await expect(first.summary()).rejects.toBeInstanceOf(BulkAbortedError);
    const intents = new Set(journal.kept.entries.filter((e) => e.type === 'intent').map((e) => e.target));
    const settled = new Set(journal.kept.entries.filter((e) => e.type === 'outcome').map((e) => e.target));
    // Writes were sent whose outcomes the "dead" process never recorded.
    expect([...intents].filter((a) => !settled.has(a)).length).toBeGreaterThan(0);

    bench.proxy.resetStats();
    const second = await collect(createBulk(bench.admin).create(rows, { journal, resume: true }));
    expect(tally(second)).toEqual({ created: 300 });
    expect(await snapshot(bench.direct)).toEqual(uninterrupted);
    // Rows the journal had settled were not written again.
    expect(bench.proxy.stats.writes.CreateAccountRequest ?? 0).toBeLessThanOrEqual(300 - settled.size);
  });

  it('stops sending when its consumer stops reading, and resumes from there', async () => {
    const journal = new MemoryJournal();
    const run = createBulk(bench.admin).create(rows, { journal, batchSize: 10, concurrency: 1 });
    let read = 0;
    for await (const _ of run) if (++read === 25) break;
    await expect(run.summary()).rejects.toMatchObject({ code: 'STOPPED' });
    const made = await snapshot(bench.direct);
    // What was read, plus at most the batch that was in flight.
    expect(made.length).toBeGreaterThanOrEqual(25);
    expect(made.length).toBeLessThanOrEqual(40);
    const rest = await collect(createBulk(bench.admin).create(rows, { journal, resume: true }));
    expect(tally(rest)).toEqual({ created: 300 });
    expect(await snapshot(bench.direct)).toEqual(uninterrupted);
  });

  it('resumed a second time after it finished, writes nothing', async () => {
    const journal = new MemoryJournal();
    await createBulk(bench.admin).create(rows, { journal }).summary();
    bench.proxy.resetStats();
    const again = await collect(createBulk(bench.admin).create(rows, { journal, resume: true }));
    expect(tally(again)).toEqual({ created: 300 });
    expect(again.every((o) => o.resumed && o.attempts === 0)).toBe(true);
    expect(bench.proxy.stats.writes).toEqual({});
  });
});
