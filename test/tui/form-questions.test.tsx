import { ZimbraAdmin } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import { createProfileStore } from '../../tui/src/services/profile-store.ts';
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  KEY,
  press,
  renderApp,
  toDashboard,
  toMailboxes,
  type Ui,
  useDemoApp,
  waitForText,
} from './helpers.tsx';

const demo = useDemoApp();

async function withAdmin<T>(use: (admin: ZimbraAdmin) => Promise<T>): Promise<T> {
  const admin = await ZimbraAdmin.login({
    url: demo.mock.url,
    username: DEMO_ADMIN,
    password: DEMO_PASSWORD,
  });
  try {
    return await use(admin);
  } finally {
    await admin.close();
  }
}

async function addProfile(ui: Ui, url: string): Promise<void> {
  await press(ui.stdin, 'n');
  await waitForText(ui.lastFrame, 'Add a profile');
  await press(ui.stdin, ...'prod', KEY.tab, ...url, KEY.tab, ...'admin@example.com', KEY.enter);
}

describe('forms ask before they overwrite or take away', () => {
  it('does not save Edit user on the first Enter: an emptied first name is not sent at once', async () => {
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await press(ui.stdin, '/', ...'mario.rossi', KEY.enter);
    await waitForText(ui.lastFrame, '(1 of 40)');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Edit user (first and last name)');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Mario_');
    await press(ui.stdin, '\u0015', KEY.enter);
    // Enter moved to Last name; nothing was saved.
    const frame = await waitForText(ui.lastFrame, '> Last name           Rossi_');
    expect(frame).not.toContain('saved');
    expect((await withAdmin((a) => a.accounts.get('mario.rossi@example.com'))).givenName).toBe('Mario');
  });

  it('asks before a new profile replaces one of the same name, and keeps the old one on n', async () => {
    const ui = renderApp(demo.session);
    await waitForText(ui.lastFrame, 'Domains');
    await press(ui.stdin, 'j', 'j', 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'No profiles yet');
    await addProfile(ui, 'https://old.example.com:7071');
    await waitForText(ui.lastFrame, 'Profile prod saved.');
    await addProfile(ui, 'https://new.example.com:7071');
    await waitForText(ui.lastFrame, 'A profile named prod exists (https://old.example.com:7071): replace it');
    await press(ui.stdin, 'n');
    await waitForText(ui.lastFrame, 'Add a profile');
    expect(createProfileStore(demo.configDir).get('prod')?.url).toBe('https://old.example.com:7071');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'replace it with this one?');
    await press(ui.stdin, 'y');
    await waitForText(ui.lastFrame, 'Profile prod saved.');
    expect(createProfileStore(demo.configDir).get('prod')?.url).toBe('https://new.example.com:7071');
  });

  it('asks before lowering the limit of a type, and changes nothing on n', async () => {
    const ui = renderApp(demo.session);
    await toDashboard(ui);
    await press(ui.stdin, 'j', 'j', KEY.enter);
    await waitForText(ui.lastFrame, 'Pick a type and type its new maximum');
    await waitForText(ui.lastFrame, '< Professional >');
    await press(ui.stdin, KEY.right);
    await waitForText(ui.lastFrame, '< Standard >');
    await press(ui.stdin, KEY.tab, '3', '0', KEY.enter);
    await waitForText(ui.lastFrame, 'Lower the limit of Standard from 40 to 30 mailboxes? (y/N)');
    await press(ui.stdin, 'n');
    await waitForText(ui.lastFrame, 'Pick a type');
    const before = await withAdmin((a) => a.domains.capacity('example.com'));
    expect(before.types.find((t) => t.cos.name === 'Standard')?.max).toBe(40);
    await press(ui.stdin, KEY.enter, 'y');
    await waitForText(ui.lastFrame, 'Standard now allows 30 mailboxes.');
    const after = await withAdmin((a) => a.domains.capacity('example.com'));
    expect(after.types.find((t) => t.cos.name === 'Standard')?.max).toBe(30);
  });
});

describe('a form whose data could not be read is never stuck', () => {
  it('asks the server again on Enter after the read failed, instead of "still loading" forever', async () => {
    const ui = renderApp(demo.session);
    await toMailboxes(ui);
    await press(ui.stdin, '/', ...'mario.rossi', KEY.enter);
    await waitForText(ui.lastFrame, '(1 of 40)');
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Edit user (first and last name)');
    // Every request fails while the form opens (the SDK's retries included).
    demo.mock.backend.faults.set({ failNext: 50 });
    await press(ui.stdin, KEY.enter);
    const failed = await waitForText(ui.lastFrame, '(code TRANSPORT)');
    expect(failed).not.toContain('Mario_');
    demo.mock.backend.faults.set({ failNext: 0 });
    // The first Enter moves to Last name; the second sends, which asks for the names again.
    await press(ui.stdin, KEY.enter, KEY.enter);
    const filled = await waitForText(ui.lastFrame, 'Rossi_');
    expect(filled).toContain('First name          Mario');
    expect(filled).not.toContain('Still loading');
  });
});
