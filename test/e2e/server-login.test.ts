import { type MockServer, startMockServer } from '@casella/mock-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Casella, START_TIMEOUT, startCasella } from './casella.ts';

let mock: MockServer;
let app: Casella | undefined;

beforeAll(async () => {
  // A slow server: the login takes seconds, as over a long SSH hop to a busy Zimbra.
  mock = await startMockServer({ seed: 'demo', faults: { latencyMs: 1500 } });
});
afterEach(() => {
  app?.close();
  app = undefined;
});
afterAll(async () => {
  await mock.close();
});

describe('casella in a real terminal: logging in to a server with --url', { timeout: 60_000 }, () => {
  it('says whom it logs in as and where while a slow login runs, then opens Home', async () => {
    app = startCasella({
      args: ['--url', mock.url, '--user', 'domainadmin@example.com'],
      env: { CASELLA_PASSWORD: 'Casella-Demo-1!' },
    });
    const waiting = await app.term.waitFor('Logging in', START_TIMEOUT);
    expect(waiting).toContain(`Logging in to ${mock.url} as domainadmin@example.com…`);
    expect(waiting).not.toContain('Casella-Demo-1!');
    const home = await app.term.waitFor(/Logged in as domainadmin@example\.com[\s\S]*Quit/, START_TIMEOUT);
    expect(home).not.toContain('[DEMO]');
    app.term.keys('q');
    expect(await app.term.waitForExit()).toBe(0);
  });

  it('logs in with a password typed at the hidden prompt with arrow keys pressed in the middle of it', async () => {
    app = startCasella({ args: ['--url', mock.url, '--user', 'domainadmin@example.com'] });
    await app.term.waitFor('Password for domainadmin@example.com', START_TIMEOUT);
    app.term.type('Casella-');
    app.term.keys('Left', 'Right', 'Up', 'Home', 'End', 'DC');
    app.term.type('Demo-1!');
    app.term.keys('Enter');
    const home = await app.term.waitFor(/Logged in as domainadmin@example\.com[\s\S]*Quit/, START_TIMEOUT);
    expect(home).not.toContain('Casella-Demo-1!');
    app.term.keys('q');
    expect(await app.term.waitForExit()).toBe(0);
  });
});
