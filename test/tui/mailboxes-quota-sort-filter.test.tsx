import { type QuotaUsage, ZimbraAdmin } from '@casella/sdk';
import { describe, expect, it, vi } from 'vitest';
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  KEY,
  press,
  renderApp,
  toMailboxes,
  useDemoApp,
  waitForText,
} from './helpers.tsx';

const demo = useDemoApp();

/** The addresses in table order, as the frame shows them. */
function addressesOf(frame: string): string[] {
  return [...frame.matchAll(/^[> ] (\S+@example\.com)/gm)].map((m) => m[1] as string);
}

/** Runs `f` with an admin logged in to the demo mock. */
async function asAdmin<T>(f: (admin: ZimbraAdmin) => Promise<T>): Promise<T> {
  const admin = await ZimbraAdmin.login({
    url: demo.mock.url,
    username: DEMO_ADMIN,
    password: DEMO_PASSWORD,
  });
  try {
    return await f(admin);
  } finally {
    await admin.close();
  }
}

const percent = (u: QuotaUsage) => (u.limitBytes > 0 ? (u.usedBytes * 100) / u.limitBytes : 0);

/** The whole usage report of example.com (40 rows in the demo), as the server sorts it. */
async function usageReport(ascending = false): Promise<QuotaUsage[]> {
  return asAdmin(async (admin) => {
    const out: QuotaUsage[] = [];
    for await (const row of admin.quota.usage({
      domain: 'example.com',
      sortBy: 'percentUsed',
      sortAscending: ascending,
    }))
      out.push(row);
    return out;
  });
}

describe('the Mailboxes table sorts by quota use and filters by type and quota on the server', () => {
  it('sorts by quota use with U, fullest first, in the order of GetQuotaUsage sortBy percentUsed', async () => {
    const expected = (await usageReport()).slice(0, 10).map((u) => u.name);
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await press(ui.stdin, 'U');
    await waitForText(ui.lastFrame, 'Quota ▼');
    await vi.waitFor(() => expect(addressesOf(ui.lastFrame() ?? '').slice(0, 10)).toEqual(expected), {
      timeout: 5000,
    });
    await waitForText(ui.lastFrame, '1/40');
  });

  it('reverses the quota order with r, least full first', async () => {
    const expected = (await usageReport(true)).slice(0, 10).map((u) => u.name);
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await press(ui.stdin, 'U');
    await waitForText(ui.lastFrame, 'Quota ▼');
    await press(ui.stdin, 'r');
    await waitForText(ui.lastFrame, 'Quota ▲');
    await vi.waitFor(() => expect(addressesOf(ui.lastFrame() ?? '').slice(0, 10)).toEqual(expected), {
      timeout: 5000,
    });
  });

  it('reverses the address order with r as A twice does', async () => {
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    const first = addressesOf(ui.lastFrame() ?? '');
    await press(ui.stdin, 'r');
    await waitForText(ui.lastFrame, 'Address ▼');
    await vi.waitFor(() => expect(addressesOf(ui.lastFrame() ?? '')[0]).not.toBe(first[0]), {
      timeout: 5000,
    });
    const down = addressesOf(ui.lastFrame() ?? '');
    expect(down).toEqual([...down].sort().reverse());
  });

  it('shows only mailboxes using 50% or more after u, with the count the server report gives', async () => {
    const over = (await usageReport()).filter((u) => percent(u) >= 50);
    expect(over.length).toBeGreaterThan(0);
    expect(over.length).toBeLessThan(40);
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await press(ui.stdin, 'u');
    await waitForText(ui.lastFrame, '[quota ≥ 50%]');
    const frame = await waitForText(ui.lastFrame, `(${over.length} of 40)`);
    expect(frame).toContain('Quota ▼');
    expect(addressesOf(frame)[0]).toBe(over[0]?.name);
    await press(ui.stdin, 'G');
    await waitForText(ui.lastFrame, `${over.length}/${over.length}`);
    await waitForText(ui.lastFrame, `> ${over.at(-1)?.name}`);
  });

  it('cycles the quota filter 50, 80, 90 % and back to all with u', async () => {
    const report = await usageReport();
    const count = (min: number) => report.filter((u) => percent(u) >= min).length;
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await press(ui.stdin, 'u', 'u');
    await waitForText(ui.lastFrame, '[quota ≥ 80%]');
    await waitForText(ui.lastFrame, `(${count(80)} of 40)`);
    await press(ui.stdin, 'u');
    await waitForText(ui.lastFrame, '[quota ≥ 90%]');
    await waitForText(ui.lastFrame, `(${count(90)} of 40)`);
    await press(ui.stdin, 'u');
    await waitForText(ui.lastFrame, '(40 of 40)');
    expect(ui.lastFrame()).not.toContain('[quota');
  });

  it('shows only one type after t, each type in turn', async () => {
    const professional = await asAdmin(async (admin) => {
      const cos = (await admin.cos.list()).find((c) => c.name === 'Professional');
      const page = await admin.accounts.page({
        domain: 'example.com',
        offset: 0,
        limit: 100,
        query: `(zimbraCOSId=${cos?.id})`,
      });
      return page.accounts.map((a) => a.name).sort();
    });
    expect(professional.length).toBeGreaterThan(0);
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    // The types cycle in name order (Professional, Standard, default), then all again.
    await press(ui.stdin, 't');
    await waitForText(ui.lastFrame, '[type: Professional]');
    const frame = await waitForText(ui.lastFrame, `(${professional.length} of 40)`);
    expect(addressesOf(frame)).toEqual(professional.slice(0, addressesOf(frame).length));
    expect(frame).toContain('[type: Professional]');
    await press(ui.stdin, 't');
    await waitForText(ui.lastFrame, '[type: Standard]');
  });

  it('combines the quota order with the text filter, ordering the few matches by use', async () => {
    const rossi = (await usageReport()).filter((u) => u.name.includes('rossi'));
    expect(rossi.length).toBeGreaterThan(0);
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await press(ui.stdin, '/', ...'rossi', KEY.enter, 'U');
    await waitForText(ui.lastFrame, 'Quota ▼');
    await vi.waitFor(() => expect(addressesOf(ui.lastFrame() ?? '')).toEqual(rossi.map((u) => u.name)), {
      timeout: 5000,
    });
    expect(ui.lastFrame()).toContain(`1/${rossi.length}`);
  });

  it('turns the quota filter off when another column is sorted', async () => {
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await press(ui.stdin, 'u');
    await waitForText(ui.lastFrame, '[quota ≥ 50%]');
    await press(ui.stdin, 'N');
    await waitForText(ui.lastFrame, 'Name ▲');
    await waitForText(ui.lastFrame, '(40 of 40)');
    expect(ui.lastFrame()).not.toContain('[quota');
  });

  it('lists the new keys in the help screen', async () => {
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await press(ui.stdin, '?');
    const help = await waitForText(
      ui.lastFrame,
      'Sort: A address, N name, T type, S status, U use; r reverses',
    );
    expect(help).toContain('Show only: f a status, t a type, u quota use ≥ 50/80/90 % (cycle)');
  });
});
