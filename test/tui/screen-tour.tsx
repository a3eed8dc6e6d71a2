// Drives the real app state (the pure reducer and the same request runner the app uses) against the demo
// mock, to reach every screen with loaded data and draw it with the app's own frame, without timers.

import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { AppFrame } from '../../tui/src/components/app-frame.tsx';
import { runRequest } from '../../tui/src/hooks/use-requests.ts';
import type { Lang } from '../../tui/src/i18n/catalogue.ts';
import { I18nProvider } from '../../tui/src/i18n/index.tsx';
import { type KeyEvent, type KeyName, keyEvent } from '../../tui/src/keys/key-event.ts';
import { describeError } from '../../tui/src/services/describe-error.ts';
import { journaled } from '../../tui/src/services/journal-service.ts';
import type { Session } from '../../tui/src/services/session.ts';
import { type AppState, appReducer, initialState, topOf } from '../../tui/src/state/app-reducer.ts';
import { listPage } from '../../tui/src/state/layout.ts';
import { logicOf } from '../../tui/src/state/registry.ts';
import type { Request } from '../../tui/src/state/requests.ts';
import type { ScreenKind } from '../../tui/src/state/screen.ts';

/** A key of a route: a printable character, or a named key in braces such as `{down}`. */
export type RouteKey = string;

const down = (n: number): RouteKey[] => Array.from({ length: n }, () => '{down}');
const pick = (n: number): RouteKey[] => [...down(n), '{enter}'];

const DASHBOARD = [...pick(0), ...pick(0)];
const MAILBOXES = [...DASHBOARD, ...pick(0)];
/** alessandro.colombo@example.com: an active Standard mailbox with a holder's name. */
const MAILBOX = [...MAILBOXES, '{down}', ...pick(0)];
const PEC_HOME = [...pick(1), '{enter}'];
const PEC_SEARCH = [...PEC_HOME, ...pick(1)];
/** A user mailbox (not the postmaster), so every action is offered. */
const PEC_MAILBOX = [...PEC_SEARCH, '{down}', '{enter}'];

/**
 * Keys from Home to each screen. Typed by every kind: a screen added to the registry without a route
 * here fails the typecheck, and the every-screen test fails for it too.
 */
export const ROUTES: { readonly [K in ScreenKind]: readonly RouteKey[] } = {
  home: [],
  domains: pick(0),
  dashboard: DASHBOARD,
  mailboxes: MAILBOXES,
  mailbox: MAILBOX,
  editUser: [...MAILBOX, ...pick(0)],
  resetPassword: [...MAILBOX, ...pick(1)],
  quota: [...MAILBOX, ...pick(2)],
  changeType: [...MAILBOX, ...pick(3)],
  renameAddress: [...MAILBOX, ...pick(4)],
  aliases: [...MAILBOX, ...pick(5)],
  forwarding: [...MAILBOX, ...pick(6)],
  deleteMailbox: [...MAILBOX, 'G', '{enter}'],
  newMailbox: [...DASHBOARD, ...pick(1)],
  buy: [...DASHBOARD, ...pick(2)],
  changeMyPassword: pick(2),
  profiles: pick(3),
  profileAdd: [...pick(3), 'n'],
  activity: pick(4),
  help: [...MAILBOXES, '?'],
  pecLogin: pick(1),
  pecHome: PEC_HOME,
  pecCreate: [...PEC_HOME, ...pick(0)],
  pecSearch: PEC_SEARCH,
  pecMailbox: PEC_MAILBOX,
  pecChangePassword: [...PEC_MAILBOX, ...pick(0)],
  pecReset: [...PEC_MAILBOX, ...pick(1)],
  pecDelete: [...PEC_MAILBOX, ...pick(2)],
  pecOwnPassword: [...PEC_HOME, ...pick(2)],
  bulkAction: [...MAILBOXES, ' ', 'b'],
  import: pick(5),
};

/** Runs `req` as the app does (journaled), for a screen that shows past changes; a refusal is kept too. */
async function change(session: Session, req: Request): Promise<void> {
  await journaled(session.journal, session.env, req, () => runRequest(session, req)).catch(() => undefined);
}

/**
 * Real changes made before a route, so the screen has something to show: Activity lists the journal,
 * which only changes fill (a holder renamed to the same name, and a create refused as a duplicate).
 */
export const PREPARE: { readonly [K in ScreenKind]?: (session: Session) => Promise<void> } = {
  activity: async (session) => {
    const address = 'alessandro.colombo@example.com';
    await change(session, { op: 'rename', address, givenName: 'Alessandro', sn: 'Colombo' });
    await change(session, { op: 'setQuota', address, bytes: 5 * 1024 ** 3 });
    await change(session, {
      op: 'createMailbox',
      address,
      password: 'Refused-before-1',
      type: 'Standard',
      givenName: 'Alessandro',
      sn: 'Colombo',
    });
  },
};

function toKey(k: RouteKey): KeyEvent {
  const named = /^\{(\w+)\}$/.exec(k);
  return named ? keyEvent('', named[1] as KeyName) : keyEvent(k);
}

/**
 * Runs every request the state holds and every background read its top screen wants, as the app's
 * hooks do, until nothing is left to run; the answers go through the reducer.
 */
export async function settle(
  state: AppState,
  session: Session,
  started = new Set<string>(),
): Promise<AppState> {
  let s = state;
  for (let round = 0; round < 50; round++) {
    let ran = false;
    for (const screen of [...s.stack, ...s.detached]) {
      const pending = screen.pending;
      if (!pending) continue;
      const tag = `${screen.id}:${pending.seq}`;
      if (started.has(tag)) continue;
      started.add(tag);
      ran = true;
      const { id } = screen;
      const { seq } = pending;
      try {
        const data = await journaled(session.journal, session.env, pending.req, () =>
          runRequest(session, pending.req),
        );
        s = appReducer(s, { type: 'loaded', id, seq, data });
      } catch (error) {
        s = appReducer(s, { type: 'failed', id, seq, message: describeError(error) });
      }
    }
    const top = topOf(s);
    const wanted = logicOf(top).fetches?.(top, { page: listPage(s.rows), env: s.env });
    for (const { key, req } of wanted?.list ?? []) {
      const tag = `${top.id}\u0001${key}`;
      if (started.has(tag)) continue;
      started.add(tag);
      ran = true;
      try {
        s = appReducer(s, { type: 'fetched', id: top.id, key, data: await runRequest(session, req) });
      } catch (error) {
        s = appReducer(s, { type: 'fetchFailed', id: top.id, key, message: describeError(error) });
      }
    }
    if (!ran) return s;
  }
  throw new Error('requests kept coming after 50 rounds');
}

/** The state after pressing `kind`'s route from Home (its changes made first), every answer in. */
export async function tourTo(session: Session, kind: ScreenKind, lang: Lang, columns: number, rows: number) {
  await PREPARE[kind]?.(session);
  return tour(session, ROUTES[kind], lang, columns, rows);
}

/** The state after pressing `keys` from Home in a terminal of `columns`×`rows`, every answer in. */
export async function tour(
  session: Session,
  keys: readonly RouteKey[],
  lang: Lang,
  columns: number,
  rows: number,
): Promise<AppState> {
  const started = new Set<string>();
  let state = await settle(initialState({ ...session.env, lang }, rows, columns), session, started);
  for (const k of keys) {
    state = appReducer(state, { type: 'key', key: toKey(k) });
    state = await settle(state, session, started);
  }
  return state;
}

/** The frame the app draws for `state`, as plain text lines (no colour codes). */
export function drawFrame(state: AppState, lang: Lang): string[] {
  const ui = render(
    <I18nProvider lang={lang}>
      <AppFrame state={state} />
    </I18nProvider>,
  );
  const frame = stripVTControlCharacters(ui.lastFrame() ?? '');
  ui.unmount();
  return frame.split('\n');
}
