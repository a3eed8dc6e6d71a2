// Shared set-up of the bulk tests: a mock with an unlimited bulk domain, a lossy proxy in front of it,
// admins logged in through the proxy (for the engine) and directly (to look at the result).
import { type MockServer, pecSeeds, startMockServer, zimbraSeeds } from '@casella/mock-server';
import { type BulkOutcome, type BulkRow, ZimbraAdmin, type ZimbraAdminOptions } from '@casella/sdk';
import { type LossyProxy, startLossyProxy } from './lossy-proxy.ts';

/** Password of the demo admin. */
export const DEMO_PASSWORD = 'Casella-Demo-1!';
/** The domain with no slot limits. */
export const BULK_DOMAIN = 'bulk.example.com';
/** A password that meets the demo types' policy. */
export const ROW_PASSWORD = 'Bulk-Pass-42!';

/** One mock, one proxy in front of it, and two admins: `admin` through the proxy, `direct` to the mock. */
export interface BulkBench {
  readonly mock: MockServer;
  readonly proxy: LossyProxy;
  readonly admin: ZimbraAdmin;
  readonly direct: ZimbraAdmin;
  close(): Promise<void>;
}

/** Starts a {@link BulkBench}; `adminOptions` go to the proxied login (e.g. a short `timeoutMs`). */
export async function startBulkBench(adminOptions: Partial<ZimbraAdminOptions> = {}): Promise<BulkBench> {
  const mock = await startMockServer({ seed: { zimbra: zimbraSeeds.bulk(0), pec: pecSeeds.empty() } });
  const proxy = await startLossyProxy(mock.url);
  const login = (url: string, extra: Partial<ZimbraAdminOptions> = {}) =>
    ZimbraAdmin.login({
      url,
      username: 'admin@example.com',
      password: DEMO_PASSWORD,
      retryDelayMs: 10,
      ...extra,
    });
  const admin = await login(proxy.url, adminOptions);
  const direct = await login(mock.url);
  return {
    mock,
    proxy,
    admin,
    direct,
    close: async () => {
      await admin.close();
      await direct.close();
      await proxy.close();
      await mock.close();
    },
  };
}

/** `n` create rows `user00001@bulk.example.com`…, alternating Standard and Professional, with names and a quota. */
export function createRows(n: number, from = 0): BulkRow[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const id = String(i).padStart(5, '0');
    return {
      address: `user${id}@${BULK_DOMAIN}`,
      password: ROW_PASSWORD,
      givenName: `Nome${id}`,
      sn: `Cognome${id}`,
      displayName: `Nome${id} Cognome${id}`,
      type: i % 2 === 0 ? 'Standard' : 'Professional',
      quota: i % 3 === 0 ? '2GB' : '500MB',
      line: i + 2,
    };
  });
}

/** The bulk domain as comparable data: every account's address and the attributes rows set. */
export async function snapshot(direct: ZimbraAdmin): Promise<string[]> {
  const out: string[] = [];
  for await (const a of direct.accounts.search({ domain: BULK_DOMAIN, pageSize: 1000 })) {
    out.push([a.name, a.givenName, a.sn, a.displayName, a.cosId, a.quotaBytes, a.status].join('|'));
  }
  return out.sort();
}

/** Collects an async iterable (a run's outcomes, a parser's rows). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** How many outcomes of each kind. */
export function tally(outcomes: readonly BulkOutcome[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of outcomes) out[o.kind] = (out[o.kind] ?? 0) + 1;
  return out;
}

/** Calls `expire` every `everyMs` until the returned stop function is called. */
export function every(everyMs: number, expire: () => void): () => void {
  const timer = setInterval(expire, everyMs);
  return () => clearInterval(timer);
}
