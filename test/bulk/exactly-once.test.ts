import { createBulk, MemoryJournal } from '@casella/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BulkBench,
  collect,
  createRows,
  every,
  snapshot,
  startBulkBench,
  tally,
} from './bulk-fixtures.ts';

describe.each(['reset', '5xx'] as const)(
  'a 1,000-row import under faults (injected failures: %s)',
  (failureMode) => {
    let bench: BulkBench;
    beforeAll(async () => {
      // Stalls answer after 2 s; the client gives up at 1.5 s.
      bench = await startBulkBench({ timeoutMs: 1500 });
    });
    afterAll(() => bench.close());

    it('ends with exactly 1,000 accounts, no conflict, every row reported once, and a re-run writes nothing', {
      timeout: 240_000,
    }, async () => {
      const rows = createRows(1000);
      const { mock, proxy, admin, direct } = bench;
      const journal = new MemoryJournal();
      // The mock's own faults: failures before it acts (5xx or resets), answers lost after it acted,
      // stalls past the client's timeout; the proxy adds lost answers and writes that land late.
      mock.backend.faults.set({
        failureRate: 0.04,
        failureMode,
        lostAnswerRate: 0.04,
        stallRate: 0.01,
        stallNext: 1,
        stallMs: 2000,
      });
      proxy.faults = { lostRate: 0.02, lateRate: 0.01, lateNext: 1, stallMs: 2000 };
      const stop = every(1000, () => mock.backend.expireAllTokens());
      const outcomes = await collect(
        createBulk(admin).create(rows, { journal, batchSize: 20, retryDelayMs: 20 }),
      );
      stop();
      const injected = mock.backend.faults.stats;
      mock.backend.faults.clear();
      proxy.faults = {};

      expect(injected.failed).toBeGreaterThan(0);
      expect(injected.lostAnswers).toBeGreaterThan(0);
      expect(injected.stalled).toBeGreaterThan(0);
      expect(proxy.stats.lost).toBeGreaterThan(0);
      expect(proxy.stats.late).toBeGreaterThan(0);
      expect(tally(outcomes)).toEqual({ created: 1000 });
      expect(new Set(outcomes.map((o) => o.address)).size).toBe(1000);
      expect(outcomes.filter((o) => o.readBack).length).toBeGreaterThan(0);
      const state = await snapshot(direct);
      expect(state).toHaveLength(1000);
      expect(state).toEqual(
        rows
          .map((r) => r.address)
          .sort()
          .map((a) => expect.stringContaining(`${a}|`)),
      );
      // The journal never holds a password.
      expect(JSON.stringify(journal.entries)).not.toContain('Bulk-Pass-42!');

      await proxy.idle();
      proxy.resetStats();
      const again = await collect(createBulk(admin).create(rows));
      expect(tally(again)).toEqual({ alreadyPresent: 1000 });
      expect(proxy.stats.writes).toEqual({});
      expect(await snapshot(direct)).toEqual(state);
    });
  },
);
