import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TmuxOptions, TmuxTerminal } from './tmux.ts';

/** Root of the repository (where `npm start` runs). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The real `casella` command, built, as `npm start` runs it (without npm, so the exit code is casella's own). */
export const CASELLA_COMMAND = 'node tui/dist/bin.js';

/** Generous limits for a loaded machine; nothing here is a timing assertion. */
export const START_TIMEOUT = 30_000;
export const STEP_TIMEOUT = 15_000;

/** A running `casella` in its own tmux server, with its own empty profile directory. */
export interface Casella {
  readonly term: TmuxTerminal;
  /** Kills the tmux server and removes the profile directory. */
  close(): void;
}

/**
 * Starts `casella --lang en` (demo mode: no profile, no --url) in a fresh tmux server, 80×24 unless told.
 * Profiles go to a temporary CASELLA_CONFIG_DIR so the user's ~/.config is never touched.
 */
export function startCasella(
  options: TmuxOptions & {
    readonly args?: readonly string[];
    /** Wraps the command line, e.g. to run it under a parent process of the test's own. */
    readonly wrap?: (command: string) => string;
  } = {},
): Casella {
  const configDir = mkdtempSync(join(tmpdir(), 'casella-e2e-'));
  const args = ['--lang', 'en', ...(options.args ?? [])].join(' ');
  const command = `${CASELLA_COMMAND} ${args}`;
  const term = new TmuxTerminal(options.wrap ? options.wrap(command) : command, {
    ...options,
    cwd: REPO_ROOT,
    env: {
      CASELLA_CONFIG_DIR: configDir,
      CASELLA_JOURNAL: join(configDir, 'journal.ndjson'),
      LANG: 'C.UTF-8',
      ...options.env,
    },
  });
  return {
    term,
    close() {
      term.close();
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}

/** Waits for the Home screen of the demo. */
export function waitForHome(term: TmuxTerminal): Promise<string> {
  return term.waitFor(/> Domains[\s\S]*Quit/, START_TIMEOUT);
}

/** From Home: Domains, then the dashboard of example.com. */
export async function toDashboard(term: TmuxTerminal): Promise<string> {
  term.keys('Enter');
  await term.waitFor('oldshop.it');
  term.keys('Enter');
  return term.waitFor('Mail service:');
}

/** From the start: Home, then the Mailboxes table of example.com with all 40 of its mailboxes. */
export async function toMailboxes(term: TmuxTerminal): Promise<string> {
  await waitForHome(term);
  await toDashboard(term);
  term.keys('Enter');
  return term.waitFor('Mailboxes of example.com (40 of 40)');
}

/** From the start: the actions menu of mario.rossi@example.com, found by the Mailboxes filter. */
export async function toMarioRossi(term: TmuxTerminal): Promise<string> {
  await toMailboxes(term);
  term.type('/mario.rossi');
  term.keys('Enter');
  await term.waitFor('(1 of 40)');
  term.keys('Enter');
  return term.waitFor('Edit user (first and last name)');
}

/** The lines of a screen, trailing blanks removed. */
export function linesOf(screen: string): string[] {
  return screen.replace(/\n+$/, '').split('\n');
}

/** The screen line that starts with the selection marker `> `, trimmed at the end. */
export function selectedLine(screen: string): string | undefined {
  return linesOf(screen)
    .find((line) => line.startsWith('> '))
    ?.trimEnd();
}

/** The URL of the demo's in-process mock, read from the Home screen ("… on 127.0.0.1:PORT"). */
export function demoUrlOf(home: string): string {
  const hostPort = /Logged in as \S+ on (127\.0\.0\.1:\d+)/.exec(home)?.[1];
  if (!hostPort) throw new Error(`no server address on the Home screen:\n${home}`);
  return `http://${hostPort}`;
}

/** A pattern for `text` that still matches when the terminal wraps it at any space. */
export function wrapped(text: string): RegExp {
  const words = text.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(words.join('\\s+'));
}
