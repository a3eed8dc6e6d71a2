import { type BindingId, is } from '../keys/bindings.ts';
import { isCtrlC, type KeyEvent } from '../keys/key-event.ts';
import {
  type CommandCtx,
  type CommandLine,
  commandKey,
  openCommandLine,
  withAnswer,
} from './command-line.ts';
import { contextDomainOf, resolveCommand } from './command-resolve.ts';
import { type ClipboardRequest, copyTarget } from './copy-target.ts';
import { listPage } from './layout.ts';
import { type Message, successMessage } from './message.ts';
import { logicOf } from './registry.ts';
import { isJob, isWrite, type Loaded, type Progress } from './requests.ts';
import type { Screen } from './screen.ts';
import type { Ctx, Env, Nav, Step } from './screen-base.ts';
import { helpScreen } from './screens/help.ts';
import { homeScreen } from './screens/home.ts';

/** The whole UI state: a navigation stack of screens (Home at the bottom) and app-wide flags. */
export interface AppState {
  readonly stack: readonly Screen[];
  readonly nextId: number;
  readonly rows: number;
  readonly columns: number;
  /** `q` was pressed while a form holds typed input: waiting for y. */
  readonly confirmQuit: boolean;
  /** Esc was pressed on a form holding typed input: the navigation waiting for y. */
  readonly confirmLeave: Nav | null;
  /** The top screen's error shows the server's own words (`d`), until the next key. */
  readonly showDetail: boolean;
  /** Screens left while a change of theirs was in flight: its outcome is shown when it arrives. */
  readonly detached: readonly Screen[];
  readonly quit: boolean;
  readonly env: Env;
  /** Screens under a change (a create, delete, rename…): each reloads when it is shown again. */
  readonly stale: readonly number[];
  // tui-cmdline
  /** The `:` prompt, open over the footer; null when closed. */
  readonly command: CommandLine | null;
  /** Lines run on the `:` prompt this session, oldest first (↑/↓). */
  readonly commandHistory: readonly string[];
  /** Text waiting to be written to the clipboard (by the clipboard hook, which then sends `copied`). */
  readonly clipboard: ClipboardRequest | null;
  readonly clipboardSeq: number;
}

/** Everything that can change the UI state. */
export type Action =
  | { readonly type: 'key'; readonly key: KeyEvent }
  | { readonly type: 'loaded'; readonly id: number; readonly seq: number; readonly data: Loaded }
  | { readonly type: 'failed'; readonly id: number; readonly seq: number; readonly message: Message }
  /** A background read of screen `id` (see ScreenLogic.fetches) answered. */
  | { readonly type: 'fetched'; readonly id: number; readonly key: string; readonly data: Loaded }
  | { readonly type: 'fetchFailed'; readonly id: number; readonly key: string; readonly message: Message }
  | { readonly type: 'resize'; readonly rows: number; readonly columns: number }
  // tui-cmdline: answers to the `:` prompt's reads, and the clipboard hook's acknowledgement.
  | { readonly type: 'commandFetched'; readonly key: string; readonly data: Loaded }
  | { readonly type: 'commandFetchFailed'; readonly key: string; readonly message: Message }
  | { readonly type: 'copied'; readonly seq: number }
  /** Live figures of the job `seq` of screen `id` (on the stack or detached). */
  | { readonly type: 'progress'; readonly id: number; readonly seq: number; readonly progress: Progress };

/** The state at start: Home, in a terminal of the given size. */
export function initialState(env: Env, rows = 24, columns = 80): AppState {
  return {
    stack: [{ ...homeScreen(), id: 1 }],
    nextId: 2,
    rows,
    columns,
    confirmQuit: false,
    confirmLeave: null,
    showDetail: false,
    detached: [],
    quit: false,
    env,
    stale: [],
    command: null,
    commandHistory: [],
    clipboard: null,
    clipboardSeq: 0,
  };
}

/** The screen on top of the stack. */
export function topOf(state: AppState): Screen {
  const top = state.stack.at(-1);
  if (!top) throw new Error('empty navigation stack');
  return top;
}

/** The pure reducer of the app. */
export function appReducer(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'key':
      return onKey(state, action.key);
    case 'resize':
      return { ...state, rows: action.rows, columns: action.columns };
    case 'loaded':
      return onAnswer(
        state,
        action.id,
        action.seq,
        (s, ctx) => logicOf(s).onLoaded?.(s, action.data, ctx) ?? { screen: s },
      );
    case 'failed':
      return onAnswer(state, action.id, action.seq, (s) => ({
        screen: logicOf(s).onFailed?.(s, action.message) ?? { ...s, message: action.message },
      }));
    case 'fetched':
      return onFetch(
        state,
        action.id,
        (s, ctx) => logicOf(s).onFetched?.(s, action.key, action.data, ctx) ?? s,
      );
    case 'fetchFailed':
      return onFetch(state, action.id, (s) => ({ ...s, message: action.message }));
    case 'commandFetched':
      return onCommandAnswer(state, action.key, action.data);
    case 'commandFetchFailed':
      return state.command
        ? { ...state, command: { ...state.command, waiting: null, want: null, message: action.message } }
        : state;
    case 'copied':
      return onCopied(state, action.seq);
    case 'progress':
      return onProgress(state, action.id, action.seq, action.progress);
  }
}

/** A job's figures go to its screen wherever it is, the stack or detached; a stale job's are dropped. */
function onProgress(state: AppState, id: number, seq: number, progress: Progress): AppState {
  const update = (s: Screen) =>
    s.id === id && s.pending?.seq === seq ? (logicOf(s).onProgress?.(s, progress) ?? s) : s;
  return { ...state, stack: state.stack.map(update), detached: state.detached.map(update) };
}

/** The context screens get: list page size and session facts. */
export function ctxOf(state: AppState): Ctx {
  return { page: listPage(state.rows), env: state.env };
}

function onKey(state: AppState, key: KeyEvent): AppState {
  if (isCtrlC(key)) return { ...state, quit: true };
  if (state.confirmQuit) return is(key, 'yes') ? { ...state, quit: true } : { ...state, confirmQuit: false };
  if (state.confirmLeave) {
    const nav = state.confirmLeave;
    const next = { ...state, confirmLeave: null };
    return is(key, 'yes') ? navigate(next, nav) : next;
  }
  if (state.showDetail) return { ...state, showDetail: false };
  if (state.command) return onCommandKey(state, state.command, key);
  const top = topOf(state);
  const logic = logicOf(top);
  const typing = logic.captures?.(top) ?? false;
  // tui-cmdline: `:` opens the prompt; y (Ctrl+Y while typing) copies what the screen shows.
  if (!typing && is(key, 'command')) return { ...state, command: openCommandLine() };
  if (is(key, 'copy') && (key.ctrl || !typing)) {
    const target = copyTarget(top);
    if (target) {
      const seq = state.clipboardSeq + 1;
      return { ...state, clipboard: { ...target, seq }, clipboardSeq: seq };
    }
  }
  // The server's words behind an error: d, or Ctrl+D while typing (d is then a letter).
  if (top.message?.detail && (typing ? key.ctrl && key.input === 'd' : is(key, 'deleteItem'))) {
    return { ...state, showDetail: true };
  }
  if (!typing) {
    if (is(key, 'quit')) return anyDirty(state) ? { ...state, confirmQuit: true } : { ...state, quit: true };
    if (is(key, 'help') && top.kind !== 'help') return navigate(state, { type: 'help' });
  }
  const step = logic.onKey(top, key, ctxOf(state));
  // Esc on a form with typed input asks first, as q does: typed work is never dropped by one key.
  const leaving = step.nav?.type === 'pop' || step.nav?.type === 'home';
  if (leaving && step.nav && !step.screen.pending && (logic.dirty?.(step.screen) ?? false)) {
    return { ...apply(state, { screen: step.screen }), confirmLeave: step.nav };
  }
  return apply(state, step);
}

function anyDirty(state: AppState): boolean {
  return state.stack.some((s) => logicOf(s).dirty?.(s) ?? false) || jobRunning(state);
}

/** True while a job (an import) runs, on a screen shown or left: quitting would stop it. */
export function jobRunning(state: AppState): boolean {
  return [...state.stack, ...state.detached].some((s) => s.pending !== null && isJob(s.pending.req));
}

function onAnswer(
  state: AppState,
  id: number,
  seq: number,
  handle: (s: Screen, ctx: Ctx) => Step<Screen>,
): AppState {
  const at = state.stack.findIndex((s) => s.id === id);
  const screen = state.stack[at];
  if (!screen) return onDetachedAnswer(state, id, seq, handle);
  // The screen asked again since: this answer is stale.
  if (screen.pending?.seq !== seq) return state;
  const step = handle({ ...screen, pending: null }, ctxOf(state));
  if (at === state.stack.length - 1) return apply(state, step);
  const stack = state.stack.map((s, i) => (i === at ? step.screen : s));
  return { ...state, stack };
}

/**
 * The outcome of a change whose screen the user already left: its message goes to the screen now on
 * top (wherever the user is), and every screen shown reloads what the change touched.
 */
function onDetachedAnswer(
  state: AppState,
  id: number,
  seq: number,
  handle: (s: Screen, ctx: Ctx) => Step<Screen>,
): AppState {
  const screen = state.detached.find((s) => s.id === id);
  if (!screen || screen.pending?.seq !== seq) return state;
  const detached = state.detached.filter((s) => s.id !== id);
  const step = handle({ ...screen, pending: null }, ctxOf(state));
  const nav = step.nav;
  const message = (nav && 'message' in nav ? nav.message : undefined) ?? step.screen.message ?? undefined;
  const next = { ...state, detached };
  return settle(next, next.stack.length, message, true, true);
}

/** Background answers never navigate: they only update their screen, wherever it is in the stack. */
function onFetch(state: AppState, id: number, handle: (s: Screen, ctx: Ctx) => Screen): AppState {
  const at = state.stack.findIndex((s) => s.id === id);
  const screen = state.stack[at];
  if (!screen) return state;
  const next = handle(screen, ctxOf(state));
  if (next === screen) return state;
  return { ...state, stack: state.stack.map((s, i) => (i === at ? next : s)) };
}

function apply(state: AppState, step: Step<Screen>): AppState {
  const stack = [...state.stack.slice(0, -1), step.screen];
  const next = { ...state, stack };
  return step.nav ? navigate(next, step.nav) : next;
}

function stamp(state: AppState, screen: Screen): [AppState, Screen] {
  return [
    { ...state, nextId: state.nextId + 1 },
    { ...screen, id: state.nextId },
  ];
}

function navigate(state: AppState, nav: Nav): AppState {
  switch (nav.type) {
    case 'push': {
      const [next, screen] = stamp(state, nav.screen);
      return { ...next, stack: [...state.stack, screen] };
    }
    case 'replace': {
      const [next, screen] = stamp(state, nav.screen);
      return { ...next, stack: [...state.stack.slice(0, -1), screen] };
    }
    case 'help': {
      const top = topOf(state);
      return navigate(state, { type: 'push', screen: helpScreen(helpKeysOf(top)) });
    }
    case 'pop':
      return settle(state, state.stack.length - 1, nav.message, nav.reload ?? false);
    case 'popTo': {
      const at = state.stack.findLastIndex((s, i) => s.kind === nav.kind && i < state.stack.length - 1);
      return settle(state, at >= 0 ? at + 1 : state.stack.length - 1, nav.message, true);
    }
    case 'home':
      return settle(state, 1, nav.message, false);
    case 'changed':
      return settle(state, state.stack.length, nav.message, true);
    case 'quit':
      return { ...state, quit: true };
    case 'jump': {
      let next = settle(state, nav.keep, undefined, false);
      for (const screen of nav.screens) next = navigate(next, { type: 'push', screen });
      return next;
    }
  }
}

/**
 * Keeps the first `keep` screens (at least Home) and gives the new top its message and, maybe, a reload.
 * Screens dropped with a change in flight are kept aside (`detached`) until its outcome arrives.
 * `keepMessage` leaves the top's own message when no new one is given (a late outcome must not wipe it).
 */
function settle(
  state: AppState,
  keep: number,
  message: Message | undefined,
  reload: boolean,
  keepMessage = false,
): AppState {
  const kept = Math.max(1, keep);
  const stack = state.stack.slice(0, kept);
  const inFlight = state.stack.slice(kept).filter((s) => s.pending && isWrite(s.pending.req));
  let top = stack.at(-1) as Screen;
  // A change shown on the new top also changes what the screens under it show (counts, lists).
  const below = reload ? stack.slice(0, -1).map((s) => s.id) : [];
  const stale = [...state.stale, ...below].filter((id) => id !== top.id && stack.some((s) => s.id === id));
  const logic = logicOf(top);
  if ((reload || state.stale.includes(top.id)) && logic.reload) top = logic.reload(top);
  top = { ...top, message: message ?? (keepMessage ? top.message : null) };
  return {
    ...state,
    confirmQuit: false,
    stack: [...stack.slice(0, -1), top],
    stale: [...new Set(stale)],
    detached: [...state.detached, ...inFlight],
  };
}

/** The bindings the help screen lists for `screen`: all it honours, else its footer (and y where it copies). */
function helpKeysOf(screen: Screen): readonly BindingId[] {
  const logic = logicOf(screen);
  // Once each: a screen's key list may repeat a footer key (Mailboxes lists f/t/u in both).
  const keys = [...new Set(logic.keys?.(screen) ?? logic.footer(screen))];
  return copyTarget(screen) && !keys.includes('copy') ? [...keys, 'copy'] : keys;
}

// tui-cmdline: the `:` prompt and the clipboard.

function commandCtx(state: AppState): CommandCtx {
  return {
    lang: state.env.lang ?? 'en',
    contextDomain: contextDomainOf(state.stack),
    history: state.commandHistory,
  };
}

function onCommandKey(state: AppState, cmd: CommandLine, key: KeyEvent): AppState {
  const step = commandKey(cmd, key, commandCtx(state));
  if (step.type === 'close') return { ...state, command: null };
  if (step.type === 'edit') return { ...state, command: step.cmd };
  const history = state.commandHistory;
  const commandHistory = history.at(-1) === step.text ? history : [...history, step.text];
  return runCommand({ ...state, command: step.cmd, commandHistory }, step.cmd, step.text);
}

/** Runs a line: a jump closes the prompt; an error keeps it open with the line, to be fixed. */
function runCommand(state: AppState, cmd: CommandLine, text: string): AppState {
  const res = resolveCommand(text, {
    stack: state.stack,
    env: state.env,
    domains: cmd.domains,
    contextDomain: contextDomainOf(state.stack),
  });
  switch (res.kind) {
    case 'error':
      return { ...state, command: { ...cmd, message: res.message } };
    case 'need':
      return { ...state, command: { ...cmd, waiting: 'run', want: res.want, message: null } };
    case 'help': {
      const closed = { ...state, command: null };
      return topOf(state).kind === 'help' ? closed : navigate(closed, { type: 'help' });
    }
    case 'quit':
      return anyDirty(state) ? { ...state, command: null, confirmQuit: true } : { ...state, quit: true };
    case 'jump': {
      const closed = { ...state, command: null };
      const nav: Nav = { type: 'jump', keep: res.keep, screens: res.screens };
      // Typed input on a screen the jump drops is never lost by one Enter: it asks, as Esc does.
      const dropped = state.stack.slice(res.keep).filter((s) => !(s.pending && isWrite(s.pending.req)));
      if (dropped.some((s) => logicOf(s).dirty?.(s) ?? false)) return { ...closed, confirmLeave: nav };
      return navigate(closed, nav);
    }
  }
}

function onCommandAnswer(state: AppState, key: string, data: Loaded): AppState {
  const cmd = state.command;
  if (!cmd) return state;
  const answer =
    data.kind === 'domains'
      ? ({ kind: 'domains', names: data.rows.map((r) => r.name.toLowerCase()) } as const)
      : data.kind === 'addresses'
        ? ({ kind: 'addresses', matches: data.matches } as const)
        : null;
  if (!answer) return state;
  const next = withAnswer(cmd, key, answer, commandCtx(state));
  if (next.waiting === 'run') return runCommand(state, { ...next, waiting: null }, next.line.text);
  return { ...state, command: next };
}

function onCopied(state: AppState, seq: number): AppState {
  const request = state.clipboard;
  if (!request || request.seq !== seq) return state;
  const top = topOf(state);
  // Never the secret on screen again: a generated password's message is replaced too.
  const message = request.secret
    ? successMessage('copy.doneSecret')
    : successMessage('copy.done', { text: request.text });
  return { ...state, clipboard: null, stack: [...state.stack.slice(0, -1), { ...top, message }] };
}
