import { createBulk, MemoryJournal } from '@casella/sdk';
import fc from 'fast-check';
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

const ROWS = 100;

/** A random fault schedule: the mock's failures, lost answers and stalls, token expiry, and the engine's shape. */
const schedule = fc.record({
  failureRate: fc.double({ min: 0, max: 0.25, noNaN: true }),
  failureMode: fc.constantFrom('5xx' as const, 'reset' as const),
  lostAnswerRate: fc.double({ min: 0, max: 0.25, noNaN: true }),
  stallRate: fc.constantFrom(0, 0, 0.02),
  lateRate: fc.constantFrom(0, 0.02),
  expireEveryMs: fc.constantFrom(0, 300, 700),
  batchSize: fc.integer({ min: 1, max: 40 }),
  concurrency: fc.integer({ min: 1, max: 6 }),
  abortAfter: fc.option(fc.integer({ min: 1, max: ROWS - 1 }), { nil: undefined }),
});

describe('exactly-once under random fault schedules', () => {
  let bench: BulkBench;
  let expected: string[];
  const rows = createRows(ROWS);
  beforeAll(async () => {
    bench = await startBulkBench({ timeoutMs: 1_000 });
    await createBulk(bench.direct).create(rows).summary();
    expected = await snapshot(bench.direct);
  });
  afterAll(() => bench.close());

  it('every schedule, interrupted or not, ends with each row created once and the directory as without faults', {
    timeout: 600_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(schedule, async (s) => {
        const { mock, proxy, admin, direct } = bench;
        mock.reset();
        mock.backend.faults.set({
          failureRate: s.failureRate,
          failureMode: s.failureMode,
          lostAnswerRate: s.lostAnswerRate,
          stallRate: s.stallRate,
          stallMs: 1_300,
        });
        proxy.faults = { lateRate: s.lateRate, stallMs: 1_300 };
        const stop =
          s.expireEveryMs > 0 ? every(s.expireEveryMs, () => mock.backend.expireAllTokens()) : () => {};
        const journal = new MemoryJournal();
        const controller = new AbortController();
        const options = { journal, batchSize: s.batchSize, concurrency: s.concurrency, retryDelayMs: 10 };
        const seen: string[] = [];
        try {
          for await (const o of createBulk(admin).create(rows, { ...options, signal: controller.signal })) {
            seen.push(o.address);
            if (seen.length === s.abortAfter) controller.abort();
          }
        } catch (error) {
          if (!controller.signal.aborted) throw error;
        }
        const resumed = await collect(createBulk(admin).create(rows, { ...options, resume: true }));
        stop();
        mock.backend.faults.clear();
        proxy.faults = {};

        expect(tally(resumed)).toEqual({ created: ROWS });
        expect(new Set(resumed.map((o) => o.address)).size).toBe(ROWS);
        expect(await snapshot(direct)).toEqual(expected);
        await proxy.idle();
        proxy.resetStats();
        const again = await collect(createBulk(admin).create(rows));
        expect(tally(again)).toEqual({ alreadyPresent: ROWS });
        expect(proxy.stats.writes).toEqual({});
      }),
      { numRuns: 8, endOnFailure: true },
    );
  });
});
