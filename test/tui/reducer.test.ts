import { describe, expect, it } from 'vitest';
import { type KeyEvent, keyEvent } from '../../tui/src/keys/key-event.ts';
import type { MailboxRow } from '../../tui/src/services/types.ts';
import { type AppState, appReducer, initialState, topOf } from '../../tui/src/state/app-reducer.ts';
import { listPage } from '../../tui/src/state/layout.ts';
import type { Env } from '../../tui/src/state/screen-base.ts';
import type { mailboxesScreen } from '../../tui/src/state/screens/mailboxes.ts';

const ENV: Env = { demo: true, user: 'admin@example.com', server: '127.0.0.1', pecUser: '', pecPassword: '' };
const k = (input: string): KeyEvent => keyEvent(input);
const named = (name: KeyEvent['name']): KeyEvent => keyEvent('', name);

function keys(state: AppState, ...events: (KeyEvent | string)[]): AppState {
  return events.reduce<AppState>(
    (s, e) => appReducer(s, { type: 'key', key: typeof e === 'string' ? k(e) : e }),
    state,
  );
}

const rows: MailboxRow[] = Array.from({ length: 100 }, (_, i) => ({
  address: `user${String(i).padStart(3, '0')}@example.com`,
  name: `User ${i}`,
  type: 'Standard',
  status: 'active',
  usedBytes: i,
  limitBytes: 100,
}));

/** Home → Domains → (loaded) → dashboard → Mailboxes with 100 rows loaded. */
function onMailboxes(): AppState {
  let s = initialState(ENV, 24, 80);
  s = appReducer(s, { type: 'key', key: named('enter') });
  const domains = topOf(s);
  s = appReducer(s, {
    type: 'loaded',
    id: domains.id,
    seq: domains.pending?.seq ?? 0,
    data: { kind: 'domains', rows: [{ name: 'example.com', status: 'active' }] },
  });
  s = keys(s, named('enter'), named('enter'));
  const list = topOf(s);
  expect(list.kind).toBe('mailboxes');
  return appReducer(s, {
    type: 'loaded',
    id: list.id,
    seq: list.pending?.seq ?? 0,
    data: { kind: 'mailboxes', rows },
  });
}

describe('the app reducer', () => {
  it('starts on Home and pushes Domains with a request in flight on Enter', () => {
    const s = keys(initialState(ENV), named('enter'));
    expect(s.stack.map((x) => x.kind)).toEqual(['home', 'domains']);
    expect(topOf(s).pending?.req).toEqual({ op: 'domains' });
  });

  it('goes back with Esc, h and the left arrow, and never pops Home', () => {
    const s = onMailboxes();
    expect(keys(s, named('escape')).stack.map((x) => x.kind)).toEqual(['home', 'domains', 'dashboard']);
    expect(keys(s, 'h', 'h').stack.map((x) => x.kind)).toEqual(['home', 'domains']);
    expect(
      keys(s, named('left'), named('left'), named('left'), named('left')).stack.map((x) => x.kind),
    ).toEqual(['home']);
  });

  it('moves with j/k, pages with PgDn/PgUp and jumps with g/G inside the window', () => {
    const s = onMailboxes();
    const page = listPage(24);
    const cursor = (x: AppState) => (topOf(x) as ReturnType<typeof mailboxesScreen>).list;
    expect(cursor(keys(s, 'j', 'j', 'k')).cursor).toBe(1);
    expect(cursor(keys(s, named('pageDown'))).cursor).toBe(page);
    expect(cursor(keys(s, 'G'))).toEqual({ cursor: 99, top: 100 - page });
    expect(cursor(keys(s, 'G', 'g'))).toEqual({ cursor: 0, top: 0 });
    expect(cursor(keys(s, named('pageDown'), named('pageUp'))).cursor).toBe(0);
  });

  it('filters as you type after / and keeps j and q as text while filtering', () => {
    const s = keys(onMailboxes(), '/', 'u', 's', 'e', 'r', '0', '0', 'q');
    const top = topOf(s) as ReturnType<typeof mailboxesScreen>;
    expect(s.quit).toBe(false);
    expect(top.filter).toBe('user00q');
    expect(top.view).toHaveLength(0);
    const fixed = keys(s, named('backspace'), named('enter'));
    expect((topOf(fixed) as ReturnType<typeof mailboxesScreen>).view).toHaveLength(10);
    const cleared = keys(fixed, named('escape'));
    expect((topOf(cleared) as ReturnType<typeof mailboxesScreen>).view).toHaveLength(100);
  });

  it('quits on q at once when nothing is typed, and asks first when a form is dirty', () => {
    expect(keys(onMailboxes(), 'q').quit).toBe(true);
    const form = keys(onMailboxes(), 'n', 'x', named('tab'));
    const asked = keys(form, 'q');
    expect(asked.quit).toBe(false);
    expect(asked.confirmQuit).toBe(true);
    expect(keys(asked, 'n').confirmQuit).toBe(false);
    expect(keys(asked, 'y').quit).toBe(true);
  });

  it('always quits on Ctrl+C, even while typing', () => {
    const typing = keys(onMailboxes(), '/', 'a');
    expect(appReducer(typing, { type: 'key', key: keyEvent('c', null, true) }).quit).toBe(true);
  });

  it('drops an answer that arrives after its screen was left', () => {
    const s = keys(initialState(ENV), named('enter'));
    const domains = topOf(s);
    const back = keys(s, named('escape'));
    const late = appReducer(back, {
      type: 'loaded',
      id: domains.id,
      seq: 1,
      data: { kind: 'domains', rows: [{ name: 'x.it', status: 'active' }] },
    });
    expect(late).toBe(back);
  });

  it('refuses a weak password in New mailbox without starting a request', () => {
    let s = keys(onMailboxes(), 'n');
    const form = topOf(s);
    s = appReducer(s, {
      type: 'loaded',
      id: form.id,
      seq: form.pending?.seq ?? 0,
      data: {
        kind: 'newMailboxSetup',
        setup: {
          slots: [{ cosId: 's', cosName: 'Standard', used: 1, max: 10, free: 9 }],
          rules: { Standard: { minLength: 8, minDigits: 1 } },
          defaultType: 'Standard',
          globalAdmin: true,
        },
      },
    });
    s = keys(
      s,
      'a',
      'n',
      'n',
      'a',
      named('tab'),
      named('tab'),
      'w',
      'e',
      'a',
      'k',
      named('tab'),
      'w',
      'e',
      'a',
      'k',
      named('enter'),
    );
    const top = topOf(s);
    expect(top.pending).toBeNull();
    expect(top.message).toMatchObject({ tone: 'error', key: 'password.refused' });
  });

  it('opens help with ? listing the bindings of the screen it was opened on', () => {
    const s = keys(onMailboxes(), '?');
    const help = topOf(s);
    expect(help.kind).toBe('help');
    expect(help.kind === 'help' && help.bindings).toContain('search');
    expect(keys(s, named('escape')).stack.at(-1)?.kind).toBe('mailboxes');
  });

  it('is pure: the same state and key give equal results and the input is not mutated', () => {
    const s = onMailboxes();
    const copy = structuredClone(s);
    const a = keys(s, 'j');
    const b = keys(s, 'j');
    expect(a).toEqual(b);
    expect(s).toEqual(copy);
  });
});
