import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createProfileStore } from '../../tui/src/services/profile-store.ts';
import { DEMO_PASSWORD, KEY, press, renderApp, type Ui, useDemoApp, waitForText } from './helpers.tsx';

const demo = useDemoApp();

async function toProfiles(ui: Ui): Promise<void> {
  await waitForText(ui.lastFrame, 'Domains');
  await press(ui.stdin, 'j', 'j', 'j', KEY.enter);
  await waitForText(ui.lastFrame, 'No profiles yet');
}

/** From Home: opens Add profile, waits for `shown`, and types the name `prod`, the server `url` and the admin user. */
async function startProdProfile(ui: Ui, url: string, shown = 'Add a profile'): Promise<void> {
  await toProfiles(ui);
  await press(ui.stdin, 'n');
  await waitForText(ui.lastFrame, shown);
  await press(ui.stdin, ...'prod', KEY.tab, ...url, KEY.tab, ...'admin@example.com');
}

describe('profiles', () => {
  it('adds a profile in the language of the UI into a 0600 config file that holds no password', async () => {
    const ui = renderApp(demo.session);
    await startProdProfile(ui, 'https://mail.example.com:7071', 'it is never saved');
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
    const file = createProfileStore(demo.configDir).path;
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
    expect(createProfileStore(demo.configDir).get('prod')?.accountUrl).toBe('https://mail.example.com');
  });

  it('leaves the account URL out of the file when it is left empty', async () => {
    const ui = renderApp(demo.session);
    await startProdProfile(ui, 'https://mail.example.com:7071');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Profile prod saved.');
    const stored = JSON.parse(readFileSync(createProfileStore(demo.configDir).path, 'utf8'));
    expect(stored.profiles.prod).toEqual({
      url: 'https://mail.example.com:7071',
      user: 'admin@example.com',
      lang: 'en',
    });
  });

  it('refuses an account URL that is not a URL, naming the field, and saves nothing', async () => {
    const ui = renderApp(demo.session);
    await startProdProfile(ui, 'https://mail.example.com:7071');
    await press(ui.stdin, KEY.tab, KEY.tab, KEY.tab, ...'mail.example.com', KEY.enter);
    await waitForText(ui.lastFrame, 'Account URL (optional): type a full URL');
    expect(createProfileStore(demo.configDir).list()).toEqual([]);
  });

  it('shows the account URL field and its hint in Italian', async () => {
    const ui = renderApp(demo.session, 'it');
    await waitForText(ui.lastFrame, 'Domini');
    await press(ui.stdin, 'j', 'j', 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'Nessun profilo');
    await press(ui.stdin, 'n');
    const frame = await waitForText(ui.lastFrame, 'URL account (facoltativo)');
    expect(frame).toContain('File CA (facoltativo)');
    expect(frame).toContain('/service/admin/soap');
  });

  it('refuses a server URL that is not a URL, naming the field, and saves nothing', async () => {
    const ui = renderApp(demo.session);
    await startProdProfile(ui, 'mail.example.com');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Server URL: type a full URL');
    expect(createProfileStore(demo.configDir).list()).toEqual([]);
  });

  it('deletes a profile only after y', async () => {
    createProfileStore(demo.configDir).save({
      name: 'old',
      url: 'https://old.example.com:7071',
      user: 'admin@old.example.com',
    });
    const ui = renderApp(demo.session);
    await waitForText(ui.lastFrame, 'Domains');
    await press(ui.stdin, 'j', 'j', 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'https://old.example.com:7071');
    await press(ui.stdin, 'd');
    await waitForText(ui.lastFrame, 'Delete profile old? (y/N)');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'n new');
    expect(createProfileStore(demo.configDir).list()).toHaveLength(1);
    await press(ui.stdin, 'd', 'y');
    await waitForText(ui.lastFrame, 'No profiles yet');
    expect(createProfileStore(demo.configDir).list()).toEqual([]);
  });
});
