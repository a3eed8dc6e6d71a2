// Shared set-up of the Import screen tests: a mock with the demo domains plus an unlimited bulk domain,
// a proxy in front of it that counts writes, a session through the proxy, and files in a temp folder.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MockServer, pecSeeds, startMockServer, zimbraSeeds } from '@casella/mock-server';
import { ZimbraAdmin } from '@casella/sdk';
import { cleanup } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import type { OpenSession } from '../../tui/src/services/connect.ts';
import { type LossyProxy, startLossyProxy } from '../bulk/lossy-proxy.ts';
import { DEMO_ADMIN, DEMO_PASSWORD, demoSession, KEY, press, type Ui, waitForText } from './helpers.tsx';

/** Waits of the Import tests: generous, because the suite runs on a loaded machine (never a timing claim). */
export const STEP = 15_000;
/** Waits for a whole run of hundreds of rows. */
export const LONG = 60_000;

/** The mock, the write-counting proxy, a session through it, a direct admin and a folder for files. */
export interface ImportBench {
  readonly mock: MockServer;
  readonly proxy: LossyProxy;
  readonly session: OpenSession;
  /** Logged in straight to the mock: reads the result without going through the proxy's counters. */
  readonly direct: ZimbraAdmin;
  readonly dir: string;
}

/** Starts a mock and proxy before the block; a fresh state, session and folder for every test. */
export function useImportBench(): ImportBench {
  let mock: MockServer | undefined;
  let proxy: LossyProxy | undefined;
  let session: OpenSession | undefined;
  let direct: ZimbraAdmin | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    mock = await startMockServer({ seed: { zimbra: zimbraSeeds.bulk(0), pec: pecSeeds.demo() } });
    proxy = await startLossyProxy(mock.url);
  });
  beforeEach(async () => {
    if (!mock || !proxy) throw new Error('the mock is started in beforeAll');
    mock.reset();
    proxy.resetStats();
    dir = mkdtempSync(join(tmpdir(), 'casella-import-'));
    session = await demoSession(mock, { url: proxy.url, configDir: dir });
    direct = await ZimbraAdmin.login({ url: mock.url, username: DEMO_ADMIN, password: DEMO_PASSWORD });
  });
  afterEach(async () => {
    cleanup();
    await session?.close();
    await direct?.close();
  });
  afterAll(async () => {
    await proxy?.close();
    await mock?.close();
  });
  const live = <T,>(value: T | undefined): T => {
    if (value === undefined) throw new Error('set up in the hooks of useImportBench');
    return value;
  };
  return {
    get mock() {
      return live(mock);
    },
    get proxy() {
      return live(proxy);
    },
    get session() {
      return live(session);
    },
    get direct() {
      return live(direct);
    },
    get dir() {
      return live(dir);
    },
  };
}

/** Writes a CSV of `rows` (header first) into `dir` and returns its path. */
export function writeCsv(dir: string, name: string, header: string, rows: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${[header, ...rows].join('\n')}\n`);
  return path;
}

/** The menu line under the cursor (`> Domains`). */
function selected(ui: Ui): string {
  return (ui.lastFrame() ?? '').split('\n').find((l) => l.startsWith('> ')) ?? '';
}

/**
 * From Home: moves down to the entry `label`, one key at a time, each press waiting until the cursor has
 * moved (pressing ahead of a slow frame would overshoot), then opens it.
 */
export async function openHomeEntry(ui: Ui, first: string, label: string): Promise<void> {
  await waitForText(ui.lastFrame, `> ${first}`, STEP);
  for (let i = 0; i < 10 && !selected(ui).startsWith(`> ${label}`); i++) {
    const before = selected(ui);
    await press(ui.stdin, 'j');
    await vi.waitFor(() => expect(selected(ui)).not.toBe(before), { timeout: STEP, interval: 10 });
  }
  await waitForText(ui.lastFrame, `> ${label}`, STEP);
  await press(ui.stdin, KEY.enter);
}

/** From Home: the Import screen, its folder read. */
export async function toImport(ui: Ui): Promise<void> {
  await openHomeEntry(ui, 'Domains', 'Import');
  await waitForText(ui.lastFrame, 'Current folder:', STEP);
}

/** On the Import screen: types `path` and opens its dry run, waiting until the preview is shown. */
export async function previewFile(ui: Ui, path: string): Promise<string> {
  ui.stdin.write(path);
  await waitForText(ui.lastFrame, path.slice(-20), STEP);
  await press(ui.stdin, KEY.enter);
  return waitForText(ui.lastFrame, 'Dry run of', STEP);
}

/** Every account of a domain as `address|givenName|sn|cosId|quota|status`, sorted: the state to compare. */
export async function domainState(admin: ZimbraAdmin, domain: string): Promise<string[]> {
  const out: string[] = [];
  for await (const a of admin.accounts.search({ domain, pageSize: 1000 })) {
    out.push([a.name, a.givenName, a.sn, a.displayName, a.cosId, a.quotaBytes, a.status].join('|'));
  }
  return out.sort();
}
