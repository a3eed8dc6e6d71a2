import { describe, expect, it } from 'vitest';
import { type KeyEvent, keyEvent } from '../../tui/src/keys/key-event.ts';
import type { MailboxRow } from '../../tui/src/services/types.ts';
import { type AppState, appReducer, ctxOf, initialState, topOf } from '../../tui/src/state/app-reducer.ts';
import { listPage } from '../../tui/src/state/layout.ts';
import { logicOf } from '../../tui/src/state/registry.ts';
import type { Env } from '../../tui/src/state/screen-base.ts';
import { mailboxActions } from '../../tui/src/state/screens/mailbox.ts';
import { MAILBOX_PAGE, type mailboxesScreen, rowAt } from '../../tui/src/state/screens/mailboxes.ts';

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

/** Answers every background read the top screen wants from `rows`, filtered on address as the server does. */
function serveFetches(state: AppState, all: readonly MailboxRow[] = rows): AppState {
  const top = topOf(state);
  const wanted = logicOf(top).fetches?.(top, ctxOf(state));
  return (wanted?.list ?? []).reduce<AppState>((s, { key, req }) => {
    if (req.op !== 'mailboxPage') return s;
    const matching = all.filter((r) => r.address.includes(req.filter));
    const page = {
      offset: req.offset,
      rows: matching.slice(req.offset, req.offset + req.limit),
      total: matching.length,
      domainTotal: req.offset === 0 ? all.length : null,
    };
    return appReducer(s, { type: 'fetched', id: top.id, key, data: { kind: 'mailboxPage', page } });
  }, state);
}

/** Home → Domains → (loaded) → dashboard → Mailboxes with its first page loaded. */
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
  expect(topOf(s).kind).toBe('mailboxes');
  return serveFetches(s);
}

type Mailboxes = ReturnType<typeof mailboxesScreen>;
const mailboxes = (s: AppState) => topOf(s) as Mailboxes;

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
    const cursor = (x: AppState) => mailboxes(x).list;
    expect(cursor(keys(s, 'j', 'j', 'k')).cursor).toBe(1);
    expect(cursor(keys(s, named('pageDown'))).cursor).toBe(page);
    expect(cursor(keys(s, 'G'))).toEqual({ cursor: 99, top: 100 - page });
    expect(cursor(keys(s, 'G', 'g'))).toEqual({ cursor: 0, top: 0 });
    expect(cursor(keys(s, named('pageDown'), named('pageUp'))).cursor).toBe(0);
  });

  it('filters as you type after / and keeps j and q as text while filtering', () => {
    const s = keys(onMailboxes(), '/', 'u', 's', 'e', 'r', '0', '0', 'q');
    expect(s.quit).toBe(false);
    expect(mailboxes(s).filter).toBe('user00q');
    const fixed = serveFetches(keys(s, named('backspace'), named('enter')));
    expect(mailboxes(fixed).loaded?.total).toBe(10);
    expect(rowAt(mailboxes(fixed), 0)?.address).toBe('user000@example.com');
    const cleared = serveFetches(keys(fixed, named('escape')));
    expect(mailboxes(cleared).loaded?.total).toBe(100);
  });

  it('asks the server for a changed filter only after a pause, and for scrolled-to pages at once', () => {
    const s = onMailboxes();
    const wants = (x: AppState) => logicOf(topOf(x)).fetches?.(topOf(x), ctxOf(x));
    expect(wants(s)?.list).toEqual([]);
    const typed = keys(s, '/', 'u');
    expect(wants(typed)).toMatchObject({
      debounce: true,
      list: [{ req: { op: 'mailboxPage', filter: 'u', offset: 0, limit: MAILBOX_PAGE } }],
    });
    const big = serveFetches(
      keys(s, 'R'),
      Array.from({ length: 1000 }, (_, i) => ({ ...rows[0]!, address: `u${i}` })),
    );
    const last = wants(keys(big, 'G'));
    expect(last?.debounce).toBe(false);
    expect(last?.list.map((f) => f.req)).toContainEqual(expect.objectContaining({ offset: 900 }));
  });

  it('keeps moving while a page loads, shows the old rows until the new ones arrive, and drops stale answers', () => {
    const s = onMailboxes();
    const typed = keys(s, '/', 'x');
    const staleKey = logicOf(topOf(typed)).fetches?.(topOf(typed), ctxOf(typed)).list[0]?.key ?? '';
    const moved = keys(typed, named('backspace'), named('enter'), 'R', 'j', 'j', named('pageDown'));
    expect(mailboxes(moved).list.cursor).toBe(2 + listPage(24));
    expect(rowAt(mailboxes(moved), 0)?.address).toBe('user000@example.com');
    const page = { offset: 0, rows: [], total: 0, domainTotal: 0 };
    const dropped = appReducer(moved, {
      type: 'fetched',
      id: topOf(moved).id,
      key: staleKey,
      data: { kind: 'mailboxPage', page },
    });
    expect(mailboxes(dropped).loaded?.total).toBe(100);
    const fresh = serveFetches(dropped);
    expect(mailboxes(fresh).loaded?.generation).toBe(1);
    expect(mailboxes(fresh).list.cursor).toBe(2 + listPage(24));
  });

  it('reloads the dashboard under the list when going back after a deletion, and only once', () => {
    const s = keys(onMailboxes(), 'd', ...'user000@example.com', named('enter'));
    const form = topOf(s);
    expect(form.pending?.req).toEqual({ op: 'deleteMailbox', address: 'user000@example.com' });
    const done = appReducer(s, {
      type: 'loaded',
      id: form.id,
      seq: form.pending?.seq ?? 0,
      data: { kind: 'done' },
    });
    expect(mailboxes(done).generation).toBe(1);
    const back = keys(done, named('escape'));
    expect(topOf(back).kind).toBe('dashboard');
    expect(topOf(back).pending?.req).toEqual({ op: 'dashboard', domain: 'example.com' });
    expect(back.stale).not.toContain(topOf(back).id);
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
  it('keeps the cursor on the action it was on when the loaded detail adds Lock and Close', () => {
    // Enter on the first row opens its Mailbox screen, whose detail is still loading.
    const opened = keys(onMailboxes(), named('enter'));
    const mailbox = topOf(opened);
    expect(mailbox.kind).toBe('mailbox');
    // G before the detail arrives: the last entry, Delete mailbox.
    const onDelete = keys(opened, 'G');
    const detail = {
      address: 'user000@example.com',
      name: 'User 0',
      type: 'Standard',
      status: 'active',
      usedBytes: 0,
      limitBytes: 100,
      aliases: [],
      forwardTo: [],
      forwardingAllowed: true,
      createdAt: null,
      lastLogin: null,
    };
    const loaded = appReducer(onDelete, {
      type: 'loaded',
      id: mailbox.id,
      seq: mailbox.pending?.seq ?? 0,
      data: { kind: 'mailboxDetail', detail },
    });
    const top = topOf(loaded);
    expect(top.kind === 'mailbox' && mailboxActions(top)[top.cursor]).toBe('delete');
    expect(topOf(keys(loaded, named('enter'))).kind).toBe('deleteMailbox');
  });
  it('scrolls the help with ↓/↑ and never past its last binding', () => {
    const help = keys(onMailboxes(), '?');
    expect(topOf(help).kind).toBe('help');
    const down = keys(help, named('down'), named('down'));
    const top = (s: AppState) => {
      const h = topOf(s);
      return h.kind === 'help' ? h.top : -1;
    };
    expect(top(down)).toBe(2);
    expect(top(keys(down, named('up')))).toBe(1);
    const far = keys(help, ...Array.from({ length: 200 }, () => named('down')));
    expect(top(far)).toBeLessThan(200);
    expect(top(keys(far, 'g'))).toBe(0);
  });
});
