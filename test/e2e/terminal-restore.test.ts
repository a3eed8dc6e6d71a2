import { afterEach, describe, expect, it } from 'vitest';
import { type Casella, startCasella, toDashboard, waitForHome } from './casella.ts';
import type { TmuxTerminal } from './tmux.ts';

const MARKER = 'E2E-SHELL-BEFORE-CASELLA';

let app: Casella | undefined;

afterEach(() => {
  app?.close();
  app = undefined;
});

/** Starts casella after the shell printed a marker; waits for Home in the alternate screen. */
async function startAfterMarker(): Promise<TmuxTerminal> {
  app = startCasella({ before: `echo ${MARKER}` });
  const home = await waitForHome(app.term);
  // The marker is on the normal screen, hidden while casella draws on the alternate one.
  expect(home).not.toContain(MARKER);
  expect(app.term.alternateScreen()).toBe(true);
  return app.term;
}

/** The terminal is as the shell left it: normal screen with its old text, cursor shown, cooked mode. */
function expectRestored(term: TmuxTerminal, exitCode: number): void {
  const screen = term.screen();
  expect(screen).toContain(MARKER);
  expect(screen).toContain(`EXIT=${exitCode}`);
  // No frame of the UI stays behind, on the screen or in the scrollback.
  expect(screen).not.toContain('Logged in as');
  expect(term.history()).not.toContain('Logged in as');
  expect(term.alternateScreen()).toBe(false);
  expect(term.cursorVisible()).toBe(true);
  const stty = term.stty();
  expect(stty).toMatch(/(^|\s)icanon(\s|$)/);
  expect(stty).toMatch(/(^|\s)echo(\s|$)/);
}

describe('casella in a real terminal: leaving restores the terminal', { timeout: 60_000 }, () => {
  it('quits with q from Home with exit code 0 and the shell text back on screen', async () => {
    const term = await startAfterMarker();
    term.keys('q');
    expect(await term.waitForExit()).toBe(0);
    expectRestored(term, 0);
  });

  it('quits with Ctrl+C from a nested form with exit code 0 and the terminal restored', async () => {
    const term = await startAfterMarker();
    await toDashboard(term);
    term.keys('j', 'Enter');
    await term.waitFor('New mailbox');
    term.type('half.typed');
    await term.waitFor('half.typed');
    term.keys('C-c');
    expect(await term.waitForExit()).toBe(0);
    expectRestored(term, 0);
  });

  it('restores the terminal when killed with SIGTERM, exiting 143', async () => {
    const term = await startAfterMarker();
    const pid = term.childPid('node');
    expect(pid).not.toBeNull();
    process.kill(pid as number, 'SIGTERM');
    expect(await term.waitForExit()).toBe(143);
    expectRestored(term, 143);
  });
});
