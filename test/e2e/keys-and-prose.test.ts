import { afterEach, describe, expect, it } from 'vitest';
import { type Casella, linesOf, startCasella, toMailboxes, toMarioRossi, waitForHome } from './casella.ts';

let app: Casella | undefined;

afterEach(() => {
  app?.close();
  app = undefined;
});

describe('casella in a real terminal: Escapes in one read and wrapped prose at 80×24', {
  timeout: 60_000,
}, () => {
  it('goes back three levels for three Escapes written at once, from Mailboxes to Home', async () => {
    app = startCasella();
    const { term } = app;
    await toMailboxes(term);
    term.type('\u001B\u001B\u001B');
    const home = await waitForHome(term);
    expect(linesOf(home)[0]).toMatch(/^casella +\[DEMO\]$/);
  });

  it('wraps the delete warning of mario.rossi@example.com at a word, with no line starting blank', async () => {
    app = startCasella();
    const { term } = app;
    // Through the mailbox's menu, so the path is longer than the line.
    await toMarioRossi(term);
    term.keys('G');
    await term.waitFor('> Delete mailbox');
    term.keys('Enter');
    const screen = await term.waitFor('Type the full address');
    expect(linesOf(screen)).toContain('press Enter to confirm.');
    expect(linesOf(screen).filter((line) => /^ \S/.test(line))).toEqual([]);
    // The current screen stays in the breadcrumb: the path gives way at its start.
    expect(linesOf(screen)[0]).toMatch(/ › Delete \[DEMO\]$/);
  });
});
