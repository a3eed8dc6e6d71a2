import { isZimbraFault, PecPostmaster, ZimbraAdmin } from '@casella/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lang } from '../../tui/src/i18n/catalogue.ts';
import { createForm, field } from '../../tui/src/state/form.ts';
import {
  type NewMailboxScreen,
  newMailboxLogic,
  newMailboxScreen,
} from '../../tui/src/state/screens/new-mailbox.ts';
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  DEMO_POSTMASTER,
  KEY,
  press,
  renderApp,
  toPecHome,
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

const WORDS = {
  en: {
    home: 'Domains',
    dashboard: 'Mail service:',
    form: 'Standard: 12 of 40 slots free',
    name: 'Name',
    type: 'Type',
    taken: '— already taken: choose another name',
    free: '— free',
    refused: 'That address is already taken by a mailbox or alias: choose another name',
  },
  it: {
    home: 'Domini',
    dashboard: 'Servizio di posta:',
    form: 'Standard: 12 caselle libere su 40',
    name: 'Nome casella',
    type: 'Tipo',
    taken: '— già usato: scegli un altro nome',
    free: '— libero',
    refused: 'Indirizzo già usato da una casella o da un alias: scegli un altro nome',
  },
} as const;

/** Home → example.com → New mailbox, its types loaded. */
async function toNewMailbox(ui: Ui, lang: Lang): Promise<void> {
  const w = WORDS[lang];
  await waitForText(ui.lastFrame, w.home);
  await press(ui.stdin, KEY.enter);
  await waitForText(ui.lastFrame, 'oldshop.it');
  await press(ui.stdin, KEY.enter);
  await waitForText(ui.lastFrame, w.dashboard);
  await press(ui.stdin, 'j', KEY.enter);
  await waitForText(ui.lastFrame, w.form);
}

/** The row of the form whose label is `label`. */
function rowOf(frame: string, label: string): string {
  return frame.split('\n').find((line) => line.slice(2).startsWith(label)) ?? '';
}

async function accountExists(address: string): Promise<boolean> {
  try {
    await admin.accounts.get(address);
    return true;
  } catch (error) {
    if (isZimbraFault(error, 'account.NO_SUCH_ACCOUNT')) return false;
    throw error;
  }
}

describe.each(['en', 'it'] as const)('New mailbox checks the name on leaving the field (%s)', (lang) => {
  const w = WORDS[lang];

  it('shows a taken name on its field as soon as the focus leaves it, before the password fields', async () => {
    const ui = renderApp(demo.session, lang);
    await toNewMailbox(ui, lang);
    await press(ui.stdin, ...'mario.rossi', KEY.tab);
    const frame = await waitForText(ui.lastFrame, w.taken);
    expect(rowOf(frame, w.name)).toContain('mario.rossi@example.com');
    expect(rowOf(frame, w.name)).toContain(w.taken);
    // The focus is on Type: no password was typed yet.
    expect(frame.split('\n').find((line) => line.startsWith('> '))).toMatch(new RegExp(`^> ${w.type}\\s`));
  });

  it('shows a free name as free', async () => {
    const ui = renderApp(demo.session, lang);
    await toNewMailbox(ui, lang);
    await press(ui.stdin, ...'nome.nuovo', KEY.tab);
    const frame = await waitForText(ui.lastFrame, w.free);
    expect(rowOf(frame, w.name)).toContain(w.free);
    expect(frame).not.toContain(w.taken);
  });

  it('still lets the server decide a taken name: Enter brings its refusal with the code and creates nothing', async () => {
    const ui = renderApp(demo.session, lang);
    await toNewMailbox(ui, lang);
    await press(ui.stdin, ...'mario.rossi', KEY.tab);
    await waitForText(ui.lastFrame, w.taken);
    await press(ui.stdin, KEY.tab, ...'Nuova-Pass-1!', KEY.tab, ...'Nuova-Pass-1!', KEY.enter);
    const frame = await waitForText(ui.lastFrame, 'account.ACCOUNT_EXISTS');
    expect(frame).toContain(w.refused);
    const creates = (demo.session.journal?.read() ?? []).filter((e) => e.operation === 'accounts.create');
    expect(creates.map((e) => [e.outcome, e.code])).toEqual([['failed', 'account.ACCOUNT_EXISTS']]);
    expect(await accountExists('mario.rossi@example.com')).toBe(true);
  });
});

describe('New mailbox early checks, by keys', () => {
  it('shows on the name field that the chosen type has no free slot', async () => {
    const ui = renderApp(demo.session);
    await toNewMailbox(ui, 'en');
    await press(ui.stdin, ...'nuovo.pro', KEY.tab);
    await waitForText(ui.lastFrame, WORDS.en.free);
    await press(ui.stdin, KEY.right);
    const frame = await waitForText(ui.lastFrame, '— no Professional slot is left: pick another type');
    expect(rowOf(frame, 'Name')).toContain('no Professional slot is left');
  });

  it('checks the new spelling after the user went back and typed on', async () => {
    const ui = renderApp(demo.session);
    await toNewMailbox(ui, 'en');
    await press(ui.stdin, ...'mario.rossi', KEY.tab);
    await waitForText(ui.lastFrame, WORDS.en.taken);
    await press(ui.stdin, KEY.shiftTab, ...'2');
    // Back on the name with a new spelling: the old answer no longer shows.
    const typing = await waitForText(ui.lastFrame, 'mario.rossi2_');
    expect(typing).not.toContain(WORDS.en.taken);
    await press(ui.stdin, KEY.tab);
    const frame = await waitForText(ui.lastFrame, WORDS.en.free);
    expect(rowOf(frame, 'Name')).toContain('mario.rossi2@example.com');
  });
});

describe('the New mailbox early check in state', () => {
  const ready = (name: string): NewMailboxScreen => {
    const s = newMailboxScreen('example.com');
    const fields = [field('name', 'field.mailboxName', 'text', name), ...s.form.fields.slice(1)];
    return { ...s, pending: null, form: { ...createForm(fields), focus: 1 } };
  };

  it('asks one GetAccount for the name once the focus left it, and none while the name is focused', () => {
    const ctx = {
      page: 10,
      env: { demo: true, user: DEMO_ADMIN, server: 'demo', pecUser: '', pecPassword: '' },
    };
    const left = newMailboxLogic.fetches?.(ready('Mario.Rossi'), ctx);
    expect(left?.list.map((f) => f.req)).toEqual([
      { op: 'addressCheck', address: 'mario.rossi@example.com' },
    ]);
    const typing = { ...ready('mario.rossi'), form: { ...ready('mario.rossi').form, focus: 0 } };
    expect(newMailboxLogic.fetches?.(typing, ctx).list).toEqual([]);
  });

  it('drops an answer for a name the user has since changed', () => {
    const ctx = {
      page: 10,
      env: { demo: true, user: DEMO_ADMIN, server: 'demo', pecUser: '', pecPassword: '' },
    };
    const s = ready('mario.rossi2');
    const stale = newMailboxLogic.onFetched?.(
      s,
      'address\u0000mario.rossi@example.com',
      { kind: 'addressCheck', address: 'mario.rossi@example.com', taken: true },
      ctx,
    );
    expect(stale).toBe(s);
    const fresh = newMailboxLogic.onFetched?.(
      s,
      'address\u0000mario.rossi2@example.com',
      { kind: 'addressCheck', address: 'mario.rossi2@example.com', taken: false },
      ctx,
    );
    expect(fresh?.nameCheck).toEqual({ address: 'mario.rossi2@example.com', taken: false });
  });
});

describe('PEC create checks the name and the domain on leaving the field', () => {
  let pec: PecPostmaster;
  beforeEach(async () => {
    pec = await PecPostmaster.login({
      url: `${demo.mock.url}/pec`,
      username: DEMO_POSTMASTER,
      password: DEMO_PASSWORD,
    });
  });
  afterEach(async () => {
    await pec.logout();
  });

  async function toPecCreate(ui: Ui): Promise<void> {
    await toPecHome(ui);
    await press(ui.stdin, KEY.enter);
    await waitForText(ui.lastFrame, 'Create a PEC mailbox in pec.example.it');
    await waitForText(ui.lastFrame, 'at least 8 characters');
  }

  it('shows a taken PEC name on its field before the passwords; Enter then brings the refusal with the code', async () => {
    const ui = renderApp(demo.session);
    await toPecCreate(ui);
    await press(ui.stdin, ...'mario.rossi', KEY.tab);
    const frame = await waitForText(ui.lastFrame, WORDS.en.taken);
    expect(rowOf(frame, 'Name')).toContain('mario.rossi@pec.example.it');
    await press(ui.stdin, ...'Nuova-Pass-1!', KEY.tab, ...'Nuova-Pass-1!', KEY.enter);
    const refused = await waitForText(ui.lastFrame, 'MAILBOX_EXISTS');
    expect(refused).toContain(WORDS.en.refused);
  });

  it('shows on the name field that the PEC domain filled up meanwhile, and creates nothing', async () => {
    const ui = renderApp(demo.session);
    await toPecCreate(ui);
    // Another session fills the domain while the form is open.
    const { mailboxCount, mailboxLimit } = await pec.domain();
    for (let i = mailboxCount; i < (mailboxLimit ?? 0); i++) {
      await pec.mailboxes.create({
        localPart: `riempi${i}`,
        password: 'Riempi-Pass-1!',
        passwordConfirm: 'Riempi-Pass-1!',
      });
    }
    await press(ui.stdin, ...'nuova.pec', KEY.tab);
    const frame = await waitForText(
      ui.lastFrame,
      `— the PEC domain is full (${mailboxLimit} of ${mailboxLimit})`,
    );
    expect(rowOf(frame, 'Name')).toContain('nuova.pec@pec.example.it');
    await press(ui.stdin, ...'Nuova-Pass-1!', KEY.tab, ...'Nuova-Pass-1!', KEY.enter);
    await waitForText(ui.lastFrame, 'MAILBOX_LIMIT_REACHED');
    expect((await pec.domain()).mailboxCount).toBe(mailboxLimit);
  });
});
