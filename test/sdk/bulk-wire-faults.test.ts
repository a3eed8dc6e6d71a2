// The bulk engine's exactly-once guarantee over JSON SOAP as well as XML, its AbortSignal cutting the
// batch in flight, and TransportError.mayHaveBeenProcessed deciding whether a failed batch is read back.
import { BulkAbortedError, type BulkOutcome, createBulk, MemoryJournal, ZimbraAdmin } from '@casella/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type BulkBench,
  collect,
  createRows,
  DEMO_PASSWORD,
  every,
  snapshot,
  startBulkBench,
  tally,
} from '../bulk/bulk-fixtures.ts';
import { WIRE } from './zimbra-fixtures.ts';

// test/sdk runs twice, once per wire (the sdk-json project sets CASELLA_SDK_WIRE=json): XML and JSON alike.
describe.each(['reset', '5xx'] as const)(
  'a 300-row import under faults (injected failures: %s)',
  (failureMode) => {
    let bench: BulkBench;
    beforeAll(async () => {
      // Stalls answer after 2 s; the client gives up at 1.5 s.
      bench = await startBulkBench({ timeoutMs: 1500, wire: WIRE });
    });
    afterAll(() => bench.close());

    it('ends with exactly 300 accounts and no conflict, and a re-run writes nothing', {
      timeout: 180_000,
    }, async () => {
      const rows = createRows(300);
      const { mock, proxy, admin, direct } = bench;
      const journal = new MemoryJournal();
      // The deterministic counts make sure each kind of fault happens at least once; the rates add more.
      mock.backend.faults.set({
        failNext: 2,
        failureRate: 0.05,
        failureMode,
        loseNext: 2,
        lostAnswerRate: 0.05,
        stallNext: 1,
        stallMs: 2000,
      });
      proxy.faults = { lostRate: 0.03 };
      const stop = every(1000, () => mock.backend.expireAllTokens());
      let armed = false;
      const outcomes = await collect(
        createBulk(admin).create(rows, {
          journal,
          batchSize: 20,
          retryDelayMs: 20,
          // Once writes are under way, the next handled request (a BatchRequest) surely loses its answer.
          onProgress: (p) => {
            if (armed || p.done === 0) return;
            armed = true;
            mock.backend.faults.set({ loseNext: 1 });
          },
        }),
      );
      stop();
      const injected = mock.backend.faults.stats;
      mock.backend.faults.clear();
      proxy.faults = {};

      expect(injected.failed).toBeGreaterThan(0);
      expect(injected.lostAnswers).toBeGreaterThan(0);
      expect(injected.stalled).toBeGreaterThan(0);
      expect(tally(outcomes)).toEqual({ created: 300 });
      expect(new Set(outcomes.map((o) => o.address)).size).toBe(300);
      // Lost answers were resolved by reading the account back.
      expect(outcomes.filter((o) => o.readBack).length).toBeGreaterThan(0);
      const state = await snapshot(direct);
      expect(state).toEqual(
        rows
          .map((r) => r.address)
          .sort()
          .map((a) => expect.stringContaining(`${a}|`)),
      );
      expect(JSON.stringify(journal.entries)).not.toContain('Bulk-Pass-42!');

      await proxy.idle();
      proxy.resetStats();
      const again = await collect(createBulk(admin).create(rows));
      expect(tally(again)).toEqual({ alreadyPresent: 300 });
      expect(proxy.stats.writes).toEqual({});
      expect(await snapshot(direct)).toEqual(state);
    });
  },
);

describe('the run signal', () => {
  let bench: BulkBench;
  beforeAll(async () => {
    bench = await startBulkBench({ wire: WIRE });
  });
  afterAll(() => bench.close());

  it('cuts the BatchRequest in flight, and the resumed run reads its rows back and creates each once', {
    timeout: 60_000,
  }, async () => {
    const rows = createRows(60);
    const { proxy, admin, direct } = bench;
    const journal = new MemoryJournal();
    const controller = new AbortController();
    // The first BatchRequest is held 8 s by the proxy before it reaches the mock.
    proxy.faults = { lateNext: 1, stallMs: 8000 };
    const run = createBulk(admin).create(rows, {
      journal,
      signal: controller.signal,
      batchSize: 30,
      concurrency: 1,
    });
    const ended = run.summary().then(
      () => undefined,
      (error: unknown) => error,
    );
    // Abort once the held batch is known to be in flight (condition polled, not a guessed sleep).
    while (proxy.stats.late === 0) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    const error = await ended;
    expect(error).toBeInstanceOf(BulkAbortedError);
    expect((error as BulkAbortedError).summary.counts.created).toBe(0);
    // The run ended while its batch was still held: the engine did not wait for the answer.
    expect(await snapshot(direct)).toEqual([]);
    // The cut batch's intents are in the journal, without outcomes.
    expect(journal.entries.filter((e) => e.type === 'intent')).toHaveLength(30);
    expect(journal.entries.filter((e) => e.type === 'outcome')).toHaveLength(0);

    // The held write lands late: the cut batch did happen on the server after all.
    await proxy.idle();
    proxy.faults = {};
    expect(await snapshot(direct)).toHaveLength(30);
    const resumed = createBulk(admin).create(rows, { journal, resume: true });
    const second = await collect(resumed);
    expect(tally(second)).toEqual({ created: 60 });
    expect(await snapshot(direct)).toHaveLength(60);
    // The 30 rows of the cut batch were settled by reading them back, not by a second create.
    expect((await resumed.summary()).requests.writes).toBe(30);
  });

  it('stops the pre-flight reads when it fires before any write', async () => {
    const controller = new AbortController();
    controller.abort();
    const run = createBulk(bench.admin).create(createRows(5, 500), { signal: controller.signal });
    bench.proxy.resetStats();
    await expect(run.summary()).rejects.toMatchObject({ code: 'ABORTED' });
    expect(bench.proxy.stats.requests).toBe(0);
  });
});

/** A fetch that fails the first `count` BatchRequests as a network error with `code`, then goes through. */
function failingFetch(code: string, count: number): { fetch: typeof fetch; failed: () => number } {
  let failed = 0;
  const wrapped = async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    if (failed < count && body.includes('BatchRequest')) {
      failed++;
      if (code === 'ECONNRESET') {
        // Sent for real, then the answer is "lost": the write happened.
        await fetch(input, init).then((r) => r.text());
      }
      throw new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
    }
    return fetch(input, init);
  };
  return { fetch: wrapped as typeof fetch, failed: () => failed };
}

describe('a failed BatchRequest', () => {
  let bench: BulkBench;
  beforeAll(async () => {
    bench = await startBulkBench({ wire: WIRE });
  });
  beforeEach(() => bench.mock.reset());
  afterAll(() => bench.close());

  async function loginWith(fetchFn: typeof fetch): Promise<ZimbraAdmin> {
    return ZimbraAdmin.login({
      url: bench.mock.url,
      username: 'admin@example.com',
      password: DEMO_PASSWORD,
      fetch: fetchFn,
      wire: WIRE,
    });
  }

  it('that surely never reached the server (connection refused) is sent again without a read back', async () => {
    const failing = failingFetch('ECONNREFUSED', 2);
    const admin = await loginWith(failing.fetch);
    try {
      const run = createBulk(admin).create(createRows(40), { batchSize: 20, retryDelayMs: 5 });
      const outcomes: BulkOutcome[] = await collect(run);
      const summary = await run.summary();
      expect(failing.failed()).toBe(2);
      expect(tally(outcomes)).toEqual({ created: 40 });
      expect(outcomes.filter((o) => o.readBack)).toEqual([]);
      expect(summary.requests.readBacks).toBe(0);
      // Both batches failed once and went again (split as the rows' backoffs ended).
      expect(summary.requests.batches).toBeGreaterThanOrEqual(4);
      expect(await snapshot(bench.direct)).toHaveLength(40);
    } finally {
      await admin.close();
    }
  });

  it('whose answer was lost after it was sent (connection reset) is read back before anything is sent again', async () => {
    const failing = failingFetch('ECONNRESET', 1);
    const admin = await loginWith(failing.fetch);
    try {
      const run = createBulk(admin).create(createRows(20), { batchSize: 20, retryDelayMs: 5 });
      const outcomes = await collect(run);
      const summary = await run.summary();
      expect(failing.failed()).toBe(1);
      expect(tally(outcomes)).toEqual({ created: 20 });
      expect(outcomes.every((o) => o.readBack)).toBe(true);
      expect(summary.requests.readBacks).toBe(20);
      expect(summary.requests.batches).toBe(1);
      expect(await snapshot(bench.direct)).toHaveLength(20);
    } finally {
      await admin.close();
    }
  });
});
