import { type MockServer, pecSeeds, startMockServer, zimbraSeeds } from '@casella/mock-server';
import { cleanup } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OpenSession } from '../../tui/src/services/connect.ts';
import { demoSession, KEY, press, renderApp, waitForText } from './helpers.tsx';

let mock: MockServer;
let session: OpenSession;

beforeAll(async () => {
  mock = await startMockServer({ seed: { zimbra: zimbraSeeds.bulk(3000), pec: pecSeeds.demo() } });
  session = await demoSession(mock);
});
afterEach(() => cleanup());
afterAll(async () => {
  await session.close();
  await mock.close();
});

describe('a domain with thousands of mailboxes', () => {
  it('renders only a window of rows, pages with PgDn and G, and filters as you type', async () => {
    const ui = renderApp(session);
    await waitForText(ui.lastFrame, 'Domains');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'bulk.example.com');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Mail service:');
    await press(ui.stdin, KEY.enter);
    const first = await waitForText(ui.lastFrame, '(3000 of 3000)', 15_000);
    // Never taller than the terminal (24 rows in the test renderer) minus one.
    expect(first.split('\n').length).toBeLessThanOrEqual(23);
    expect(first).toContain('> user000001@bulk.example.com');
    await press(ui.stdin, KEY.pgDn);
    await waitForText(ui.lastFrame, '> user000015@bulk.example.com');
    await press(ui.stdin, 'G');
    const last = await waitForText(ui.lastFrame, '> user003000@bulk.example.com');
    expect(last).not.toContain('user000001@bulk.example.com');
    await press(ui.stdin, 'g', '/', ...'user00299');
    await waitForText(ui.lastFrame, '(10 of 3000)');
  });
});
