import { type MockServer, pecSeeds, startMockServer, zimbraSeeds } from '@casella/mock-server';
import { ZimbraAdmin } from '@casella/sdk';
import { cleanup } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenSession } from '../../tui/src/services/connect.ts';
import type { MailboxPageQuery } from '../../tui/src/services/types.ts';
import { type Recorder, startRecorder } from '../sdk/zimbra-fixtures.ts';
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  demoSession,
  KEY,
  press,
  renderApp,
  type Ui,
  waitForText,
} from './helpers.tsx';

const N = 100_000;

let mock: MockServer;
let recorder: Recorder;
let session: OpenSession;

beforeAll(async () => {
  mock = await startMockServer({ seed: { zimbra: zimbraSeeds.bulk(N), pec: pecSeeds.demo() } });
  // The TUI talks to the mock through a recorder, so the test sees every request it sends.
  recorder = await startRecorder(mock.url);
  session = await demoSession({ ...mock, url: recorder.url });
});
afterEach(() => cleanup());
afterAll(async () => {
  await session.close();
  await recorder.close();
  await mock.close();
});

async function toBulkDashboard(ui: Ui): Promise<string> {
  await waitForText(ui.lastFrame, 'Domains');
  await press(ui.stdin, KEY.enter);
  await waitForText(ui.lastFrame, 'bulk.example.com');
  await press(ui.stdin, KEY.enter);
  return waitForText(ui.lastFrame, 'Mail service:', 15_000);
}

async function toBulkMailboxes(ui: Ui): Promise<string> {
  await toBulkDashboard(ui);
  await press(ui.stdin, KEY.enter);
  return waitForText(ui.lastFrame, '> user000001@bulk.example.com', 15_000);
}

/** The session with page reads that wait while `hold()` is on: a page that loads for as long as the test wants. */
function gatedSession() {
  let gate: Promise<void> | null = null;
  let open = () => {};
  const gated: OpenSession = {
    ...session,
    zimbra: {
      ...session.zimbra,
      mailboxPage: async (query: MailboxPageQuery) => {
        if (gate) await gate;
        return session.zimbra.mailboxPage(query);
      },
    },
  };
  return {
    session: gated,
    hold: () => {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    release: () => {
      gate = null;
      open();
    },
  };
}

const searches = () => recorder.bodies.filter((b) => b.includes('<SearchDirectoryRequest'));

describe('the Mailboxes screen on a domain of 100,000 mailboxes', () => {
  it('opens on its first rows and the total, reading one page of 100 with only the shown attributes', async () => {
    const before = searches().length;
    const ui = renderApp(session);
    const first = await toBulkMailboxes(ui);
    const frame = await waitForText(ui.lastFrame, `(${N} of ${N})`);
    // Never taller than the terminal (24 rows in the test renderer) minus one.
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    expect(first).toContain('user000002@bulk.example.com');
    const sent = searches().slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThanOrEqual(2);
    for (const body of sent) {
      expect(body).toMatch(/limit="100"/);
      expect(body).toMatch(
        /attrs="displayName,givenName,sn,zimbraCOSId,zimbraAccountStatus,zimbraMailQuota"/,
      );
    }
  });

  it('shows the dashboard with a bounded quota summary instead of reading 100,000 usage rows', async () => {
    const ui = renderApp(session);
    const frame = await toBulkDashboard(ui);
    expect(await waitForText(ui.lastFrame, `by the 500 fullest of ${N} mailboxes…`)).toContain('Quota:');
    expect(frame).toMatch(/Standard\s+100000 created/);
  });

  it('jumps to the last account with G, and j/k/PgUp/PgDn keep moving while its page loads', async () => {
    const gated = gatedSession();
    const ui = renderApp(gated.session);
    await toBulkMailboxes(ui);
    gated.hold();
    await press(ui.stdin, 'G');
    const loading = await waitForText(ui.lastFrame, '> …');
    expect(loading).toContain('Working…');
    expect(loading).not.toContain('user000001@bulk.example.com');
    // G put the cursor on row 100,000; k, k, PgUp, PgDn, j end on row 99,999 while nothing has arrived.
    await press(ui.stdin, 'k', 'k', KEY.pgUp, KEY.pgDn, 'j');
    expect(ui.lastFrame()).toContain('> …');
    gated.release();
    await waitForText(ui.lastFrame, '> user099999@bulk.example.com', 15_000);
    await press(ui.stdin, 'G');
    await waitForText(ui.lastFrame, '> user100000@bulk.example.com');
    await press(ui.stdin, 'g');
    await waitForText(ui.lastFrame, '> user000001@bulk.example.com');
  });

  it('shows a page that failed with the server code, stops waiting for it, and reads it again on R', async () => {
    let broken = true;
    const flaky: OpenSession = {
      ...session,
      zimbra: {
        ...session.zimbra,
        // The first read asks for a domain the server does not have: a real fault over the wire.
        mailboxPage: (query: MailboxPageQuery) =>
          session.zimbra.mailboxPage(broken ? { ...query, domain: 'nowhere.example' } : query),
      },
    };
    const ui = renderApp(flaky);
    await toBulkDashboard(ui);
    await press(ui.stdin, KEY.enter);
    const failed = await waitForText(ui.lastFrame, 'account.NO_SUCH_DOMAIN');
    expect(failed).not.toContain('Working…');
    broken = false;
    await press(ui.stdin, 'R');
    await waitForText(ui.lastFrame, '> user000001@bulk.example.com', 15_000);
    expect(ui.lastFrame()).not.toContain('account.NO_SUCH_DOMAIN');
  });

  it('filters on the server as you type: user099 narrows the total to 1,000', async () => {
    const ui = renderApp(session);
    await toBulkMailboxes(ui);
    await press(ui.stdin, '/', ...'user099');
    const frame = await waitForText(ui.lastFrame, `(1000 of ${N})`, 15_000);
    expect(frame).toContain('> user099000@bulk.example.com');
    await press(ui.stdin, KEY.enter, 'G');
    await waitForText(ui.lastFrame, '> user099999@bulk.example.com');
    await press(ui.stdin, KEY.esc);
    await waitForText(ui.lastFrame, `(${N} of ${N})`, 15_000);
  });

  it('sorts by quota use on the server: U sends GetQuotaUsage with sortBy percentUsed and a 100-row page', async () => {
    const ui = renderApp(session);
    await toBulkMailboxes(ui);
    const before = recorder.bodies.length;
    const usage = () => recorder.bodies.slice(before).filter((b) => b.includes('<GetQuotaUsageRequest'));
    await press(ui.stdin, 'U');
    await waitForText(ui.lastFrame, 'Quota ▼');
    // The fullest mailbox of the bulk seed comes first, not user000001 (the address order).
    await vi.waitFor(() => expect(ui.lastFrame()).not.toContain('> user000001@'), { timeout: 15_000 });
    await waitForText(ui.lastFrame, `1/${N}`);
    expect(usage().length).toBeGreaterThan(0);
    for (const body of usage()) {
      expect(body).toMatch(/sortBy="percentUsed"/);
      expect(body).toMatch(/limit="100"/);
      expect(body).toMatch(/sortAscending="0"/);
    }
  });

  it('filters by quota use on the server with u, counting with 1-row reads instead of reading the report', async () => {
    const ui = renderApp(session);
    await toBulkMailboxes(ui);
    const before = recorder.bodies.length;
    await press(ui.stdin, 'u');
    await waitForText(ui.lastFrame, '[quota ≥ 50%]');
    // The rows of all mailboxes stay on screen until the filtered count arrives.
    const over = await vi.waitFor(
      () => {
        const n = Number(/\((\d+) of 100000\) 1\/\d+/.exec(ui.lastFrame() ?? '')?.[1]);
        if (!(n < N)) throw new Error('waiting for the filtered count');
        return n;
      },
      { timeout: 15_000, interval: 10 },
    );
    expect(over).toBeGreaterThan(0);
    expect(over).toBeLessThan(N);
    // The count is the boundary of the server's own report: row `over` - 1 is at 50% or more, row `over` below.
    const admin = await ZimbraAdmin.login({ url: mock.url, username: DEMO_ADMIN, password: DEMO_PASSWORD });
    const edge = await admin.quota
      .page({ domain: 'bulk.example.com', sortBy: 'percentUsed', offset: over - 1, limit: 2 })
      .finally(() => admin.close());
    const pct = (i: number) => (edge.rows[i]?.usedBytes ?? 0) / (edge.rows[i]?.limitBytes || 1);
    expect(pct(0)).toBeGreaterThanOrEqual(0.5);
    expect(pct(1)).toBeLessThan(0.5);
    const usage = recorder.bodies.slice(before).filter((b) => b.includes('<GetQuotaUsageRequest'));
    // A binary search over 100,000 rows: about 17 one-row reads and the page shown, never the whole report.
    expect(usage.length).toBeLessThanOrEqual(25);
    for (const body of usage) expect(body).toMatch(/limit="(1|100)"/);
  });

  it('sends LDAP special characters typed in the filter escaped, matching nothing instead of failing', async () => {
    const ui = renderApp(session);
    await toBulkMailboxes(ui);
    await press(ui.stdin, '/', ...'*)(uid=*');
    const frame = await waitForText(ui.lastFrame, `(0 of ${N})`, 15_000);
    expect(frame).not.toContain('INVALID_SEARCH_FILTER');
    expect(searches().some((b) => b.includes('(uid=*\\2a\\29\\28uid=\\2a*)'))).toBe(true);
  });
});
