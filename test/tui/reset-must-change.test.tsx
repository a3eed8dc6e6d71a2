import { ZimbraAccount, ZimbraAdmin } from '@casella/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../tui/src/i18n/catalogue.ts';
import { userToken } from '../mock-server/soap-helpers.ts';
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  KEY,
  press,
  renderApp,
  type Ui,
  useDemoApp,
  waitForText,
} from './helpers.tsx';

const demo = useDemoApp();
let admin: ZimbraAdmin;

beforeEach(async () => {
  admin = await ZimbraAdmin.login({ url: demo.mock.url, username: DEMO_ADMIN, password: DEMO_PASSWORD });
});
afterEach(async () => {
  await admin.close();
});

const MARIO = 'mario.rossi@example.com';
const RESET = 'Reset-Pass-2!';

const WORDS = {
  en: {
    home: 'Domains',
    dashboard: 'Mail service:',
    filtered: '(1 of 40)',
    mailbox: 'Edit user (first and last name)',
    rule: 'at least 1 special character',
    field: 'Change at next login',
    yes: '< yes >',
    no: '< no >',
    mustChange: `Password of ${MARIO} changed. The owner must change it at next login.`,
    plain: `Password of ${MARIO} changed.`,
  },
  it: {
    home: 'Domini',
    dashboard: 'Servizio di posta:',
    filtered: '(1 di 40)',
    mailbox: 'Modifica utente (nome e cognome)',
    rule: 'almeno 1 carattere speciale',
    field: 'Cambio al prossimo accesso',
    yes: '< sì >',
    no: '< no >',
    mustChange: `Password di ${MARIO} cambiata. Il titolare dovrà cambiarla al prossimo accesso.`,
    plain: `Password di ${MARIO} cambiata.`,
  },
} as const;

/** Home → example.com → Mailboxes filtered to Mario → Reset password, its policy loaded. */
async function toReset(ui: Ui, lang: Lang): Promise<void> {
  const w = WORDS[lang];
  await waitForText(ui.lastFrame, w.home);
  await press(ui.stdin, KEY.enter);
  await waitForText(ui.lastFrame, 'oldshop.it');
  await press(ui.stdin, KEY.enter);
  await waitForText(ui.lastFrame, w.dashboard);
  await press(ui.stdin, KEY.enter);
  await waitForText(ui.lastFrame, 'alessandro.colombo@example.com');
  await press(ui.stdin, '/', ...'mario.rossi', KEY.enter);
  await waitForText(ui.lastFrame, w.filtered);
  await press(ui.stdin, KEY.enter);
  await waitForText(ui.lastFrame, w.mailbox);
  await press(ui.stdin, 'j', KEY.enter);
  await waitForText(ui.lastFrame, w.rule);
}

describe.each(['en', 'it'] as const)(
  'Reset password asks the owner to change it at next login (%s)',
  (lang) => {
    const w = WORDS[lang];

    it('sets zimbraPasswordMustChange by default, so the owner login answers account.CHANGE_PASSWORD until they change it', async () => {
      const ui = renderApp(demo.session, lang);
      await toReset(ui, lang);
      const form = await waitForText(ui.lastFrame, w.field);
      expect(form).toContain(w.yes);
      await press(ui.stdin, ...RESET, KEY.tab, ...RESET, KEY.enter);
      await waitForText(ui.lastFrame, w.mustChange);
      expect((await admin.accounts.get(MARIO)).attrs.zimbraPasswordMustChange).toBe('TRUE');
      await expect(userToken(demo.mock.url, MARIO, RESET)).rejects.toThrow('account.CHANGE_PASSWORD');
      // The owner's own change (ChangePasswordRequest) clears the flag: the next login works.
      await ZimbraAccount.changePassword({
        url: demo.mock.url,
        username: MARIO,
        oldPassword: RESET,
        newPassword: 'Scelta-Mia-77!',
      });
      await expect(userToken(demo.mock.url, MARIO, 'Scelta-Mia-77!')).resolves.toMatch(/\S/);
    });

    it('leaves the flag unset when the admin turns the choice to no', async () => {
      const ui = renderApp(demo.session, lang);
      await toReset(ui, lang);
      await press(ui.stdin, ...RESET, KEY.tab, ...RESET, KEY.tab);
      await waitForText(ui.lastFrame, `> ${w.field}`);
      await press(ui.stdin, ' ');
      await waitForText(ui.lastFrame, w.no);
      await press(ui.stdin, KEY.enter);
      const frame = await waitForText(ui.lastFrame, w.plain);
      expect(frame).not.toContain(w.mustChange);
      expect((await admin.accounts.get(MARIO)).attrs.zimbraPasswordMustChange).toBeUndefined();
      await expect(userToken(demo.mock.url, MARIO, RESET)).resolves.toMatch(/\S/);
    });
  },
);

describe('the must-change reset in the journal', () => {
  it('records the flag with the reset and never the password', async () => {
    const ui = renderApp(demo.session);
    await toReset(ui, 'en');
    await press(ui.stdin, ...RESET, KEY.tab, ...RESET, KEY.enter);
    await waitForText(ui.lastFrame, WORDS.en.mustChange);
    const rows = demo.session.journal?.read() ?? [];
    const reset = rows.find((r) => r.operation === 'accounts.passwd');
    expect(reset).toMatchObject({ target: MARIO, outcome: 'ok', detail: { mustChange: true } });
    expect(JSON.stringify(rows)).not.toContain(RESET);
  });
});
