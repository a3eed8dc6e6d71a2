import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@casella/mock-server';
import { cleanup, render } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { App } from '../../tui/src/app.tsx';
import type { Lang } from '../../tui/src/i18n/catalogue.ts';
import { createJournalStore, type JournalStore } from '../../tui/src/journal/index.ts';
import { connectSession, type OpenSession } from '../../tui/src/services/connect.ts';
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_POSTMASTER } from '../../tui/src/services/demo.ts';
import { createProfileStore } from '../../tui/src/services/profile-store.ts';

/** Raw bytes of the keys tests press. */
export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  left: '\u001B[D',
  right: '\u001B[C',
  enter: '\r',
  esc: '\u001B',
  tab: '\t',
  shiftTab: '\u001B[Z',
  backspace: '\u007F',
  pgUp: '\u001B[5~',
  pgDn: '\u001B[6~',
  ctrlC: '\u0003',
} as const;

export { DEMO_ADMIN, DEMO_PASSWORD, DEMO_POSTMASTER };

type Stdin = { write(data: string): void };

/** Presses keys one by one, letting Ink read each separately. */
export async function press(stdin: Stdin, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    stdin.write(k);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The line of the frame that carries the selection marker: the menu entry or focused field under the cursor. */
function selectedLine(frame: string): string {
  return frame.split('\n').find((l) => l.startsWith('> ')) ?? '';
}

/**
 * Presses `key` until the frame contains `text`, waiting after each press until the selected line has
 * changed: a frame drawn late never makes it press twice and overshoot (a spinner's redraw does not count).
 */
export async function pressUntil(
  ui: { readonly stdin: Stdin; readonly lastFrame: () => string | undefined },
  key: string,
  text: string,
  max = 20,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    const frame = ui.lastFrame() ?? '';
    if (frame.includes(text)) return;
    const before = selectedLine(frame);
    await press(ui.stdin, key);
    await vi.waitFor(
      () => {
        if (selectedLine(ui.lastFrame() ?? '') === before)
          throw new Error(`pressing ${JSON.stringify(key)} moved nothing in:\n${frame}`);
      },
      { timeout: 5000, interval: 10 },
    );
  }
  await waitForText(ui.lastFrame, text);
}

/** Waits until the last frame contains `text`; on timeout the error shows the frame. */
export async function waitForText(
  lastFrame: () => string | undefined,
  text: string,
  timeout = 5000,
): Promise<string> {
  await vi.waitFor(
    () => {
      const frame = lastFrame() ?? '';
      if (!frame.includes(text)) throw new Error(`waiting for ${JSON.stringify(text)} in:\n${frame}`);
    },
    { timeout, interval: 10 },
  );
  return lastFrame() ?? '';
}

/**
 * A session logged in to `mock` as the demo admin (or another user), with profiles in a temp dir; `url` and
 * `accountUrl` put a stand-in port in front of the mock for Zimbra and for Change my password.
 */
export async function demoSession(
  mock: MockServer,
  options: {
    user?: string;
    configDir?: string;
    url?: string;
    accountUrl?: string;
    journal?: JournalStore;
  } = {},
): Promise<OpenSession> {
  const configDir = options.configDir ?? mkdtempSync(join(tmpdir(), 'casella-tui-'));
  return connectSession({
    url: options.url ?? mock.url,
    ...(options.accountUrl ? { accountUrl: options.accountUrl } : {}),
    user: options.user ?? DEMO_ADMIN,
    password: DEMO_PASSWORD,
    pecUrl: `${mock.url}/pec`,
    profiles: createProfileStore(configDir),
    // Each test's journal in its own folder: a test never writes the user's journal.
    journal: options.journal ?? createJournalStore(join(configDir, 'journal.ndjson')),
    demo: true,
    pecUser: DEMO_POSTMASTER,
    pecPassword: DEMO_PASSWORD,
  });
}

/** Starts the demo mock over real HTTP. */
export function startDemoMock(): Promise<MockServer> {
  return startMockServer({ seed: 'demo' });
}

/** The rendered app, as tests drive it. */
export type Ui = ReturnType<typeof renderApp>;

/** From Home: Domains, then the dashboard of example.com. */
export async function toDashboard({ stdin, lastFrame }: Ui): Promise<void> {
  await waitForText(lastFrame, 'Domains');
  await press(stdin, KEY.enter);
  await waitForText(lastFrame, 'oldshop.it');
  await press(stdin, KEY.enter);
  await waitForText(lastFrame, 'Mail service:');
}

/** From Home: the Mailboxes table of example.com, its first page loaded. */
export async function toMailboxes(ui: Ui): Promise<void> {
  await toDashboard(ui);
  await press(ui.stdin, KEY.enter);
  await waitForText(ui.lastFrame, 'alessandro.colombo@example.com');
}

/** From Home: the PEC panel's home, logged in with the prefilled demo postmaster. */
export async function toPecHome({ stdin, lastFrame }: Ui): Promise<void> {
  await waitForText(lastFrame, 'Domains');
  await press(stdin, 'j', KEY.enter);
  await waitForText(lastFrame, 'PEC postmaster login');
  await press(stdin, KEY.enter);
  await waitForText(lastFrame, 'PEC domain pec.example.it');
}

/** From Home: the PEC search with every mailbox listed; returns the frame. */
export async function toPecSearch(ui: Ui): Promise<string> {
  await toPecHome(ui);
  await press(ui.stdin, 'j', KEY.enter);
  return waitForText(ui.lastFrame, 'amministrazione@pec.example.it');
}

/** Renders the app on an injected session. */
export function renderApp(session: OpenSession, lang: Lang = 'en') {
  return render(<App session={session} lang={lang} />);
}

/** The demo mock over real HTTP and a session logged into it, fresh for every test of the block. */
export interface DemoApp {
  readonly mock: MockServer;
  readonly session: OpenSession;
  /** The test's own profiles folder, empty when the test starts. */
  readonly configDir: string;
}

/**
 * Starts the demo mock before the block and closes it after; before each test resets it and logs a new
 * session in with its own profiles folder, after each test unmounts the UI and closes the session.
 */
export function useDemoApp(): DemoApp {
  let mock: MockServer | undefined;
  let session: OpenSession | undefined;
  let configDir: string | undefined;
  beforeAll(async () => {
    mock = await startDemoMock();
  });
  beforeEach(async () => {
    if (mock === undefined) throw new Error('the demo mock is started in beforeAll');
    mock.reset();
    configDir = mkdtempSync(join(tmpdir(), 'casella-tui-'));
    session = await demoSession(mock, { configDir });
  });
  afterEach(async () => {
    cleanup();
    await session?.close();
  });
  afterAll(async () => {
    await mock?.close();
  });
  const live = <T,>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is set up in the hooks of useDemoApp`);
    return value;
  };
  return {
    get mock() {
      return live(mock, 'the demo mock');
    },
    get session() {
      return live(session, 'the session');
    },
    get configDir() {
      return live(configDir, 'the profiles folder');
    },
  };
}
