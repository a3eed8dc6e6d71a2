import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@casella/mock-server';
import { render } from 'ink-testing-library';
import { vi } from 'vitest';
import { App } from '../../tui/src/app.tsx';
import type { Lang } from '../../tui/src/i18n/catalogue.ts';
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
  options: { user?: string; configDir?: string; url?: string; accountUrl?: string } = {},
): Promise<OpenSession> {
  return connectSession({
    url: options.url ?? mock.url,
    ...(options.accountUrl ? { accountUrl: options.accountUrl } : {}),
    user: options.user ?? DEMO_ADMIN,
    password: DEMO_PASSWORD,
    pecUrl: `${mock.url}/pec`,
    profiles: createProfileStore(options.configDir ?? mkdtempSync(join(tmpdir(), 'casella-tui-'))),
    demo: true,
    pecUser: DEMO_POSTMASTER,
    pecPassword: DEMO_PASSWORD,
  });
}

/** Starts the demo mock over real HTTP. */
export function startDemoMock(): Promise<MockServer> {
  return startMockServer({ seed: 'demo' });
}

/** Renders the app on an injected session. */
export function renderApp(session: OpenSession, lang: Lang = 'en') {
  return render(<App session={session} lang={lang} />);
}
