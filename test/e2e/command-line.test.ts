import { afterEach, describe, expect, it } from 'vitest';
import { type Casella, linesOf, START_TIMEOUT, STEP_TIMEOUT, startCasella, waitForHome } from './casella.ts';

let app: Casella | undefined;

afterEach(() => {
  app?.close();
  app = undefined;
});

/** Waits until tmux holds a paste buffer equal to `text` (no timing is asserted). */
async function waitForBuffer(app: Casella, text: string): Promise<string | null> {
  const deadline = Date.now() + STEP_TIMEOUT;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = app.term.buffer();
    if (last === text) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  return last;
}

describe('casella in a real terminal: the : command line and y copy', { timeout: 60_000 }, () => {
  it('jumps with :mailboxes example.com and copies the selected address into tmux’s buffer', async () => {
    app = startCasella();
    const { term } = app;
    // tmux takes an application's OSC 52 as a paste buffer only with set-clipboard on.
    term.setGlobal('set-clipboard', 'on');
    await waitForHome(term);
    term.type(':');
    await term.waitFor('Tab complete');
    term.type('mailboxes example.com');
    term.keys('Enter');
    const list = await term.waitFor('Mailboxes of example.com (40 of 40)', START_TIMEOUT);
    expect(linesOf(list)[0]).toMatch(/Domains › example\.com › Mailboxes/);
    term.type('/mario.rossi');
    term.keys('Enter');
    await term.waitFor('> mario.rossi@example.com');
    term.type('y');
    await term.waitFor('Copied to the clipboard: mario.rossi@example.com');
    expect(await waitForBuffer(app, 'mario.rossi@example.com')).toBe('mario.rossi@example.com');
    // The invisible sequence left the frame whole: Esc still walks back up the stack it built.
    // (the first Esc clears the filter, the second leaves the list)
    term.keys('Escape');
    await term.waitFor('alessandro.colombo@example.com');
    term.keys('Escape');
    await term.waitFor('Mail service:');
  });
});
