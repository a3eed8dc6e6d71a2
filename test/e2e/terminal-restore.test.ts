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
async function startAfterMarker(wrap?: (command: string) => string): Promise<TmuxTerminal> {
  app = startCasella({ before: `echo ${MARKER}`, ...(wrap ? { wrap } : {}) });
  const home = await waitForHome(app.term);
  // The marker is on the normal screen, hidden while casella draws on the alternate one.
  expect(home).not.toContain(MARKER);
  expect(app.term.alternateScreen()).toBe(true);
  return app.term;
}

/**
 * The terminal is as the shell left it: normal screen with its old text, cursor shown, cooked mode; and
 * the shell's exit line, unless the shell printed it while casella still drew (it then went with the
 * alternate screen).
 */
function expectRestored(term: TmuxTerminal, exitCode: number | null): void {
  const screen = term.screen();
  expect(screen).toContain(MARKER);
  if (exitCode !== null) expect(screen).toContain(`EXIT=${exitCode}`);
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

  it('restores the terminal when interrupted with SIGINT, exiting 130', async () => {
    const term = await startAfterMarker();
    const pid = term.childPid('node');
    expect(pid).not.toBeNull();
    process.kill(pid as number, 'SIGINT');
    expect(await term.waitForExit()).toBe(130);
    expectRestored(term, 130);
  });

  it('exits and restores the terminal when the process that started it is killed', async () => {
    // A parent of the test's own between the pane's shell and casella, as npm is under `npm start`.
    const term = await startAfterMarker((command) => `sh -c '${command}; echo PARENT-LIVED'`);
    const parent = term.childPid('sh');
    expect(parent).not.toBeNull();
    const pid = term.childPid('node', parent as number);
    expect(pid).not.toBeNull();
    process.kill(parent as number, 'SIGKILL');
    // Casella, orphaned, must notice and leave on its own.
    await waitUntilGone(pid as number);
    expectRestored(term, null);
    expect(term.screen()).not.toContain('PARENT-LIVED');
  });
});

/** Waits until process `pid` has ended (no timing is asserted; the limit only stops a hung test). */
async function waitUntilGone(pid: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`process ${pid} still runs ${timeoutMs} ms after its parent was killed`);
}
