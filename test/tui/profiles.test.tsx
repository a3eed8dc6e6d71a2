import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MockServer } from '@casella/mock-server';
import { cleanup } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OpenSession } from '../../tui/src/services/connect.ts';
import { createProfileStore } from '../../tui/src/services/profile-store.ts';
import { DEMO_PASSWORD, demoSession, KEY, press, renderApp, startDemoMock, waitForText } from './helpers.tsx';

let mock: MockServer;
let session: OpenSession;
let dir: string;

beforeAll(async () => {
  mock = await startDemoMock();
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'casella-profiles-'));
  session = await demoSession(mock, { configDir: dir });
});
afterEach(async () => {
  cleanup();
  await session.close();
});
afterAll(async () => {
  await mock.close();
});

async function toProfiles(ui: ReturnType<typeof renderApp>): Promise<void> {
  await waitForText(ui.lastFrame, 'Domains');
  await press(ui.stdin, 'j', 'j', 'j', KEY.enter);
  await waitForText(ui.lastFrame, 'No profiles yet');
}

describe('profiles', () => {
  it('adds a profile in the language of the UI into a 0600 config file that holds no password', async () => {
    const ui = renderApp(session);
    await toProfiles(ui);
    await press(ui.stdin, 'n');
    await waitForText(ui.lastFrame, 'it is never saved');
    await press(
      ui.stdin,
      ...'prod',
      KEY.tab,
      ...'https://mail.example.com:7071',
      KEY.tab,
      ...'admin@example.com',
    );
    await waitForText(ui.lastFrame, 'Account URL (optional)');
    // The language is left alone: a profile added from the English UI is an English one.
    await press(
      ui.stdin,
      KEY.tab,
      KEY.tab,
      ...'https://pec.example.it/pec',
      KEY.tab,
      ...'https://mail.example.com',
      KEY.enter,
    );
    await waitForText(ui.lastFrame, 'Profile prod saved.');
    await waitForText(ui.lastFrame, 'https://mail.example.com:7071');
    const file = createProfileStore(dir).path;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toEqual({
      profiles: {
        prod: {
          url: 'https://mail.example.com:7071',
          user: 'admin@example.com',
          pecUrl: 'https://pec.example.it/pec',
          accountUrl: 'https://mail.example.com',
          lang: 'en',
        },
      },
    });
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(text.toLowerCase()).not.toContain('password');
    expect(createProfileStore(dir).get('prod')?.accountUrl).toBe('https://mail.example.com');
  });

  it('leaves the account URL out of the file when it is left empty', async () => {
    const ui = renderApp(session);
    await toProfiles(ui);
    await press(ui.stdin, 'n');
    await waitForText(ui.lastFrame, 'Add a profile');
    await press(
      ui.stdin,
      ...'prod',
      KEY.tab,
      ...'https://mail.example.com:7071',
      KEY.tab,
      ...'admin@example.com',
    );
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Profile prod saved.');
    const stored = JSON.parse(readFileSync(createProfileStore(dir).path, 'utf8'));
    expect(stored.profiles.prod).toEqual({
      url: 'https://mail.example.com:7071',
      user: 'admin@example.com',
      lang: 'en',
    });
  });

  it('refuses an account URL that is not a URL, naming the field, and saves nothing', async () => {
    const ui = renderApp(session);
    await toProfiles(ui);
    await press(ui.stdin, 'n');
    await waitForText(ui.lastFrame, 'Add a profile');
    await press(
      ui.stdin,
      ...'prod',
      KEY.tab,
      ...'https://mail.example.com:7071',
      KEY.tab,
      ...'admin@example.com',
    );
    await press(ui.stdin, KEY.tab, KEY.tab, KEY.tab, ...'mail.example.com', KEY.enter);
    await waitForText(ui.lastFrame, 'Account URL (optional): type a full URL');
    expect(createProfileStore(dir).list()).toEqual([]);
  });

  it('shows the account URL field and its hint in Italian', async () => {
    const ui = renderApp(session, 'it');
    await waitForText(ui.lastFrame, 'Domini');
    await press(ui.stdin, 'j', 'j', 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'Nessun profilo');
    await press(ui.stdin, 'n');
    const frame = await waitForText(ui.lastFrame, 'URL account (facoltativo)');
    expect(frame).toContain('File CA (facoltativo)');
    expect(frame).toContain('/service/admin/soap');
  });

  it('refuses a server URL that is not a URL, naming the field, and saves nothing', async () => {
    const ui = renderApp(session);
    await toProfiles(ui);
    await press(ui.stdin, 'n');
    await waitForText(ui.lastFrame, 'Add a profile');
    await press(
      ui.stdin,
      ...'prod',
      KEY.tab,
      ...'mail.example.com',
      KEY.tab,
      ...'admin@example.com',
      KEY.enter,
    );
    await waitForText(ui.lastFrame, 'Server URL: type a full URL');
    expect(createProfileStore(dir).list()).toEqual([]);
  });

  it('deletes a profile only after y', async () => {
    createProfileStore(dir).save({
      name: 'old',
      url: 'https://old.example.com:7071',
      user: 'admin@old.example.com',
    });
    const ui = renderApp(session);
    await waitForText(ui.lastFrame, 'Domains');
    await press(ui.stdin, 'j', 'j', 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'https://old.example.com:7071');
    await press(ui.stdin, 'd');
    await waitForText(ui.lastFrame, 'Delete profile old? (y/N)');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'n new');
    expect(createProfileStore(dir).list()).toHaveLength(1);
    await press(ui.stdin, 'd', 'y');
    await waitForText(ui.lastFrame, 'No profiles yet');
    expect(createProfileStore(dir).list()).toEqual([]);
  });
});
