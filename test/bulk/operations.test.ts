import { BulkRefusedError, type BulkRow, createBulk, MemoryJournal } from '@casella/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BULK_DOMAIN,
  type BulkBench,
  collect,
  createRows,
  ROW_PASSWORD,
  snapshot,
  startBulkBench,
  tally,
} from './bulk-fixtures.ts';

/** True when the account's owner can log in with `password` (account AuthRequest on the user endpoint). */
async function canLogIn(url: string, address: string, password: string): Promise<boolean> {
  const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body =
    '<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header/><soap:Body>' +
    `<AuthRequest xmlns="urn:zimbraAccount"><account by="name">${xml(address)}</account>` +
    `<password>${xml(password)}</password></AuthRequest></soap:Body></soap:Envelope>`;
  const res = await fetch(`${url}/service/soap`, {
    method: 'POST',
    headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
    body,
  });
  return (await res.text()).includes('<authToken');
}

const rows = createRows(40);

describe('bulk modify, setPasswords and delete', () => {
  let bench: BulkBench;
  beforeAll(async () => {
    bench = await startBulkBench();
  });
  beforeEach(async () => {
    bench.mock.reset();
    bench.proxy.faults = {};
    await createBulk(bench.direct).create(rows).summary();
    bench.proxy.resetStats();
  });
  afterAll(() => bench.close());

  it('modifies type, quota, names and status through lost answers, then finds nothing left to change', async () => {
    const changes: BulkRow[] = rows.map((r, i) => ({
      address: r.address,
      type: 'Professional',
      quota: '3GB',
      givenName: `Nuovo${i}`,
      status: i % 2 === 0 ? 'lock' : 'close',
    }));
    bench.proxy.faults = { lostRate: 0.3 };
    const outcomes = await collect(
      createBulk(bench.admin).modify(changes, { batchSize: 7, retryDelayMs: 5 }),
    );
    bench.proxy.faults = {};
    expect(tally(outcomes)).toEqual({ updated: 40 });
    expect(bench.proxy.stats.lost).toBeGreaterThan(0);
    const pro = await bench.direct.cos.get('Professional');
    for (const [i, r] of rows.entries()) {
      const a = await bench.direct.accounts.get(r.address);
      expect([a.cosId, a.quotaBytes, a.givenName, a.status]).toEqual([
        pro.id,
        3 * 1024 ** 3,
        `Nuovo${i}`,
        i % 2 === 0 ? 'locked' : 'closed',
      ]);
    }
    bench.proxy.resetStats();
    const reactivate = rows.map((r) => ({ address: r.address, status: 'reactivate' }));
    expect(tally(await collect(createBulk(bench.admin).modify(reactivate)))).toEqual({ updated: 40 });
    bench.proxy.resetStats();
    expect(tally(await collect(createBulk(bench.admin).modify(reactivate)))).toEqual({ unchanged: 40 });
    expect(bench.proxy.stats.writes).toEqual({});
  });

  it('reports progress after each batch, ending with every row counted', async () => {
    const seen: { done: number; total: number; updated: number }[] = [];
    const changes = rows.map((r) => ({ address: r.address, sn: 'Progresso' }));
    const summary = await createBulk(bench.admin)
      .modify(changes, {
        batchSize: 10,
        onProgress: (p) => seen.push({ done: p.done, total: p.total, updated: p.counts.updated }),
      })
      .summary();
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual({ done: 40, total: 40, updated: 40 });
    expect(summary.requests).toEqual({ batches: 4, writes: 40, readBacks: 0 });
  });

  it('refuses a modify to a full type with the numbers, and a missing account with its code', async () => {
    const full = await collect(
      createBulk(bench.admin).modify([{ address: 'mario.rossi@example.com', type: 'Professional' }]),
    ).catch((e: unknown) => e);
    expect(full).toBeInstanceOf(BulkRefusedError);
    expect((full as BulkRefusedError).report.capacity).toEqual([
      { domain: 'example.com', type: 'Professional', needed: 1, free: 0, used: 10, max: 10 },
    ]);
    const missing = await collect(
      createBulk(bench.admin).modify([{ address: `nobody@${BULK_DOMAIN}`, sn: 'X' }]),
    );
    expect(missing.map((o) => [o.kind, o.error?.code])).toEqual([['refused', 'account.NO_SUCH_ACCOUNT']]);
    expect(bench.proxy.stats.writes).toEqual({});
  });

  it('sets given passwords through lost answers, with the must-change flag unless told otherwise', async () => {
    const next = rows.slice(0, 20).map((r) => ({ address: r.address, password: 'Cambiata-99!' }));
    bench.proxy.faults = { lostRate: 0.3 };
    const outcomes = await collect(
      createBulk(bench.admin).setPasswords(next, { mustChange: false, retryDelayMs: 5, batchSize: 5 }),
    );
    bench.proxy.faults = {};
    expect(tally(outcomes)).toEqual({ updated: 20 });
    for (const r of next) expect(await canLogIn(bench.mock.url, r.address, 'Cambiata-99!')).toBe(true);

    await createBulk(bench.admin)
      .setPasswords([{ address: rows[30]?.address ?? '', password: 'Altra-Pass-7!' }])
      .summary();
    const flagged = await bench.direct.accounts.get(rows[30]?.address ?? '');
    expect(flagged.attrs.zimbraPasswordMustChange).toBe('TRUE');
  });

  it('generates passwords to each account policy, hands them only to the caller before the write, never to outcomes or the journal', async () => {
    const handed = new Map<string, string>();
    const journal = new MemoryJournal();
    const targets = rows.slice(0, 10).map((r) => ({ address: r.address }));
    const outcomes = await collect(
      createBulk(bench.admin).setPasswords(targets, {
        generate: true,
        mustChange: false,
        journal,
        onGeneratedPassword: (address, password) => {
          // Handed over before the write: the account still has its old password.
          handed.set(address, password);
        },
      }),
    );
    expect(tally(outcomes)).toEqual({ updated: 10 });
    expect(handed.size).toBe(10);
    const policy = await bench.direct.passwordPolicy(targets[0]?.address ?? '');
    for (const [address, password] of handed) {
      expect(policy.check(password)).toEqual([]);
      expect(await canLogIn(bench.mock.url, address, password)).toBe(true);
      expect(await canLogIn(bench.mock.url, address, ROW_PASSWORD)).toBe(false);
    }
    const everything = JSON.stringify(outcomes) + JSON.stringify(journal.entries);
    for (const password of handed.values()) expect(everything).not.toContain(password);
  });

  it('refuses to generate passwords with nowhere to hand them', async () => {
    const run = createBulk(bench.admin).setPasswords([{ address: rows[0]?.address ?? '' }], {
      generate: true,
    });
    await expect(run.summary()).rejects.toMatchObject({
      field: 'options.onGeneratedPassword',
      rule: 'required',
    });
    expect(bench.proxy.stats.requests).toBe(0);
  });

  it('deletes only with a confirmation of the count, through lost answers, and a re-run finds them absent', async () => {
    const victims = rows.slice(0, 30).map((r) => ({ address: r.address }));
    const bulk = createBulk(bench.admin);
    await expect(bulk.delete(victims, {} as { confirmCount: number }).summary()).rejects.toMatchObject({
      field: 'options.confirmCount',
      rule: 'required',
    });
    await expect(bulk.delete(victims, { confirmCount: 29 }).summary()).rejects.toMatchObject({
      field: 'options.confirmCount',
      rule: 'confirmCount',
    });
    expect(bench.proxy.stats.writes).toEqual({});
    expect(await snapshot(bench.direct)).toHaveLength(40);

    bench.proxy.faults = { lostRate: 0.3 };
    const outcomes = await collect(bulk.delete(victims, { confirmCount: 30, batchSize: 4, retryDelayMs: 5 }));
    bench.proxy.faults = {};
    expect(tally(outcomes)).toEqual({ deleted: 30 });
    expect(await snapshot(bench.direct)).toHaveLength(10);
    bench.proxy.resetStats();
    expect(tally(await collect(bulk.delete(victims, { confirmCount: 30 })))).toEqual({ absent: 30 });
    expect(bench.proxy.stats.writes).toEqual({});
  });
});
