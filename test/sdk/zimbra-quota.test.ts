import { isZimbraFault } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { collect, failure, useDemoAdmin } from './zimbra-fixtures.ts';

describe('admin.quota', () => {
  const demo = useDemoAdmin();

  it('pages through the usage of every mailbox of a domain, largest first by default', async () => {
    const rows = await collect(demo.admin.quota.usage({ domain: 'example.com', pageSize: 9 }));
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((r) => r.id)).size).toBe(40);
    const used = rows.map((r) => r.usedBytes);
    expect(used).toEqual([...used].sort((a, b) => b - a));
    const mario = rows.find((r) => r.name === 'mario.rossi@example.com');
    expect(mario?.limitBytes).toBe(5368709120);
  });

  it('sorts by percent used when asked', async () => {
    const rows = await collect(demo.admin.quota.usage({ domain: 'example.com', sortBy: 'percentUsed' }));
    const pct = rows.map((r) => (r.limitBytes === 0 ? 0 : r.usedBytes / r.limitBytes));
    expect(pct).toEqual([...pct].sort((a, b) => b - a));
  });

  it("reads one mailbox's usage and quota, agreeing with GetQuotaUsage", async () => {
    const q = await demo.admin.quota.of('giulia.bianchi@example.com');
    expect(q.limitBytes).toBe(53687091200);
    const rows = await collect(demo.admin.quota.usage({ domain: 'example.com' }));
    expect(rows.find((r) => r.name === 'giulia.bianchi@example.com')?.usedBytes).toBe(q.usedBytes);
  });

  it('refuses an unknown domain with account.NO_SUCH_DOMAIN and an unknown mailbox with NO_SUCH_ACCOUNT', async () => {
    expect(
      isZimbraFault(
        await failure(collect(demo.admin.quota.usage({ domain: 'nowhere.example' }))),
        'account.NO_SUCH_DOMAIN',
      ),
    ).toBe(true);
    expect(
      isZimbraFault(await failure(demo.admin.quota.of('nessuno@example.com')), 'account.NO_SUCH_ACCOUNT'),
    ).toBe(true);
  });
});
