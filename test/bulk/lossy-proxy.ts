// A loopback proxy in front of the mock that forwards every request and then, by a seeded schedule,
// loses the answer (the write really happened) or stalls it past the client's timeout. Until the mock
// has lost answers of its own, this is how the dangerous case is produced.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';

/** What the proxy does to answers; all rates 0..1. */
export interface ProxyFaults {
  /** Forward, let the mock act, then drop the connection without an answer. */
  lostRate?: number;
  /** Forward, let the mock act, then hold the answer `stallMs` and drop it (past the client's timeout). */
  stallRate?: number;
  /** Hold the request `stallMs` before forwarding it (the write lands after the client gave up). */
  lateRate?: number;
  /** Hold exactly the next N BatchRequests like `lateRate` (deterministic), then stop. */
  lateNext?: number;
  stallMs?: number;
}

/** Counts of what went through. */
export interface ProxyStats {
  requests: number;
  lost: number;
  stalled: number;
  late: number;
  /** Write requests by name (CreateAccountRequest, ModifyAccountRequest, SetPasswordRequest, DeleteAccountRequest), batch children included. */
  writes: Record<string, number>;
}

export interface LossyProxy {
  readonly url: string;
  readonly stats: ProxyStats;
  faults: ProxyFaults;
  /** Zeroes the counters. */
  resetStats(): void;
  /** Resolves once no request is being held or forwarded (late writes included). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const WRITES = ['CreateAccountRequest', 'ModifyAccountRequest', 'SetPasswordRequest', 'DeleteAccountRequest'];

/** A small seeded PRNG (mulberry32), so a fault schedule replays exactly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function countWrites(body: string, into: Record<string, number>): void {
  for (const name of WRITES) {
    const n = body.split(`<${name}`).length - 1 + (body.split(`"${name}"`).length - 1);
    if (n > 0) into[name] = (into[name] ?? 0) + n;
  }
}

function emptyStats(): ProxyStats {
  return { requests: 0, lost: 0, stalled: 0, late: 0, writes: {} };
}

/** Starts a proxy to `target` (the mock's base URL). */
export async function startLossyProxy(
  target: string,
  faults: ProxyFaults = {},
  random: () => number = seeded(1),
): Promise<LossyProxy> {
  const agent = new Agent({ keepAliveTimeout: 1_000, connections: 16 });
  const state = { stats: emptyStats(), faults };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  let inFlight = 0;
  let onIdle: (() => void)[] = [];
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const text = body.toString('utf8');
      const control = (req.url ?? '').startsWith('/__mock/');
      state.stats.requests++;
      const f = control ? {} : state.faults;
      const stallMs = f.stallMs ?? 1_000;
      const roll = random();
      const lost = roll < (f.lostRate ?? 0);
      const stalled = !lost && roll < (f.lostRate ?? 0) + (f.stallRate ?? 0);
      const next = (f.lateNext ?? 0) > 0 && text.includes('BatchRequest');
      if (next) f.lateNext = (f.lateNext ?? 1) - 1;
      const late =
        next || (!lost && !stalled && roll < (f.lostRate ?? 0) + (f.stallRate ?? 0) + (f.lateRate ?? 0));
      // Counted on arrival: a late write belongs to the run that sent it.
      countWrites(text, state.stats.writes);
      if (late) {
        state.stats.late++;
        await sleep(stallMs);
      }
      const answer = await request(`${target}${req.url ?? '/'}`, {
        method: (req.method ?? 'POST') as 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? 'application/soap+xml' },
        ...(req.method === 'GET' ? {} : { body }),
        dispatcher: agent,
      });
      const bytes = Buffer.from(await answer.body.arrayBuffer());
      if (lost) {
        state.stats.lost++;
        res.destroy();
        return;
      }
      if (stalled) {
        state.stats.stalled++;
        await sleep(stallMs);
        res.destroy();
        return;
      }
      const type = answer.headers['content-type'];
      res.writeHead(answer.statusCode, typeof type === 'string' ? { 'content-type': type } : {});
      res.end(bytes);
    } catch {
      res.destroy();
    } finally {
      inFlight--;
      if (inFlight === 0) {
        for (const resolve of onIdle) resolve();
        onIdle = [];
      }
    }
  };
  const server = createServer((req, res) => {
    void handler(req, res);
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get stats() {
      return state.stats;
    },
    get faults() {
      return state.faults;
    },
    set faults(next: ProxyFaults) {
      state.faults = next;
    },
    resetStats() {
      state.stats = emptyStats();
    },
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => onIdle.push(resolve))),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await agent.close();
    },
  };
}
