import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPecApiError, PecPostmaster } from '@casella/sdk';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../tui/src/i18n/catalogue.ts';
import {
  DEMO_PASSWORD,
  DEMO_POSTMASTER,
  KEY,
  press,
  renderApp,
  type Ui,
  useDemoApp,
  waitForText,
} from './helpers.tsx';

const demo = useDemoApp();
const NEW_PASSWORD = 'Mia-Nuova-Pec-7!';

const WORDS = {
  en: {
    home: 'Domains',
    login: 'PEC postmaster login',
    pecHome: 'PEC domain pec.example.it',
    item: '> Change my password',
    title: `Change your password (${DEMO_POSTMASTER})`,
    rule: '[ ] at least 8 characters',
    match: '[x] the two passwords match',
    wrong: 'The current password is wrong: nothing was changed.',
    done: 'Your password changed: use the new one from now on.',
  },
  it: {
    home: 'Domini',
    login: 'Accesso postmaster PEC',
    pecHome: 'Dominio PEC pec.example.it',
    item: '> Cambia la mia password',
    title: `Cambia la tua password (${DEMO_POSTMASTER})`,
    rule: '[ ] almeno 8 caratteri',
    match: '[x] le due password coincidono',
    wrong: 'La password attuale è errata: non è cambiato nulla.',
    done: 'La tua password è cambiata: da ora usa quella nuova.',
  },
} as const;

/** Home → PEC login (demo prefill) → PEC home → Change my password, its policy loaded. */
async function toOwnPassword(ui: Ui, lang: Lang): Promise<void> {
  const w = WORDS[lang];
  await waitForText(ui.lastFrame, w.home);
  await press(ui.stdin, 'j', KEY.enter);
  await waitForText(ui.lastFrame, w.login);
  await press(ui.stdin, KEY.enter);
  await waitForText(ui.lastFrame, w.pecHome);
  await press(ui.stdin, 'j', 'j');
  await waitForText(ui.lastFrame, w.item);
  await press(ui.stdin, KEY.enter);
  await waitForText(ui.lastFrame, w.title);
  await waitForText(ui.lastFrame, w.rule);
}

/** Types the current password and the new one twice, then Enter. */
async function fill(ui: Ui, lang: Lang, current: string, next: string): Promise<void> {
  await press(ui.stdin, ...current, KEY.tab, ...next, KEY.tab, ...next);
  await waitForText(ui.lastFrame, WORDS[lang].match);
  await press(ui.stdin, KEY.enter);
}

async function canLogIn(password: string): Promise<boolean> {
  try {
    const pec = await PecPostmaster.login({
      url: `${demo.mock.url}/pec`,
      username: DEMO_POSTMASTER,
      password,
    });
    await pec.logout();
    return true;
  } catch (error) {
    if (isPecApiError(error, 'INVALID_CREDENTIALS')) return false;
    throw error;
  }
}

function journalText(): string {
  try {
    return readFileSync(join(demo.configDir, 'journal.ndjson'), 'utf8');
  } catch {
    return '';
  }
}

describe.each(['en', 'it'] as const)('the postmaster changes their own password (%s)', (lang) => {
  const w = WORDS[lang];

  it('refuses a wrong current password with its code and changes nothing', async () => {
    const ui = renderApp(demo.session, lang);
    await toOwnPassword(ui, lang);
    await fill(ui, lang, 'Sbagliata-1!', NEW_PASSWORD);
    const frame = await waitForText(ui.lastFrame, w.wrong);
    expect(frame).toContain('INVALID_CREDENTIALS');
    // Every password stays masked on screen.
    expect(frame).not.toContain('Sbagliata-1!');
    expect(frame).not.toContain(NEW_PASSWORD);
    expect(await canLogIn(DEMO_PASSWORD)).toBe(true);
    expect(await canLogIn(NEW_PASSWORD)).toBe(false);
  });

  it('changes it with the right current password; the new one logs in and the old one no longer does', async () => {
    const ui = renderApp(demo.session, lang);
    await toOwnPassword(ui, lang);
    await fill(ui, lang, DEMO_PASSWORD, NEW_PASSWORD);
    await waitForText(ui.lastFrame, w.done);
    await waitForText(ui.lastFrame, w.pecHome);
    expect(await canLogIn(NEW_PASSWORD)).toBe(true);
    expect(await canLogIn(DEMO_PASSWORD)).toBe(false);
    // The session goes on, and re-logs in with the new password once its token expired.
    demo.mock.backend.expireAllTokens();
    await expect(demo.session.pec.search('')).resolves.not.toHaveLength(0);
    const journal = journalText();
    expect(journal).toContain('"operation":"pec.mailboxes.passwd"');
    expect(journal).toContain(DEMO_POSTMASTER);
    expect(journal).not.toContain(NEW_PASSWORD);
    expect(journal).not.toContain(DEMO_PASSWORD);
  });
});

describe('the postmaster own password form', () => {
  it('asks for the current password before sending anything', async () => {
    const ui = renderApp(demo.session);
    await toOwnPassword(ui, 'en');
    await press(ui.stdin, KEY.tab, ...NEW_PASSWORD, KEY.tab, ...NEW_PASSWORD);
    await waitForText(ui.lastFrame, WORDS.en.match);
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Current password is required.');
    expect(await canLogIn(DEMO_PASSWORD)).toBe(true);
  });
});
