import type { Lang } from '../i18n/catalogue.ts';
import type { KeyEvent } from '../keys/key-event.ts';
import type { AddressMatches } from '../services/types.ts';
import { commandNames, findCommand } from './command-commands.ts';
import { editLine, type Line, lineOf } from './line-edit.ts';
import { infoMessage, type Message } from './message.ts';
import type { Request } from './requests.ts';

/** Addresses asked of the server per Tab: one small page, never the whole directory. */
export const ADDRESS_PAGE = 10;

/** Data the line needs from the server before it can complete or run. */
export type Want =
  | { readonly kind: 'domains' }
  | { readonly kind: 'addresses'; readonly domain: string; readonly prefix: string };

/** Candidates listed by a Tab that matched several: the next Tab puts each in turn at `start`. */
export interface Cycle {
  readonly candidates: readonly string[];
  /** -1 before the first cycling Tab. */
  readonly index: number;
  /** Code point where the completed word starts. */
  readonly start: number;
}

/** The open `:` prompt: the line, history browsing, completion, and the answers it asked for. */
export interface CommandLine {
  readonly line: Line;
  /** Index in the session's history while ↑/↓ browse it; null while editing. */
  readonly browsing: number | null;
  /** The line typed before ↑, given back by ↓ past the newest entry. */
  readonly draft: string;
  readonly cycle: Cycle | null;
  /** What waits for `want`'s answer: a Tab or an Enter. */
  readonly waiting: 'complete' | 'run' | null;
  readonly want: Want | null;
  /** Domain names, read once per opening (on the first Tab or Enter that needs them). */
  readonly domains: readonly string[] | null;
  readonly addresses: (AddressMatches & { readonly domain: string; readonly prefix: string }) | null;
  readonly message: Message | null;
}

/** What completion may use besides the line. */
export interface CommandCtx {
  readonly lang: Lang;
  /** The domain of the screen the prompt was opened on (or the nearest below it), if any. */
  readonly contextDomain: string | null;
  /** Lines run this session, oldest first. */
  readonly history: readonly string[];
}

/** An empty prompt. */
export function openCommandLine(): CommandLine {
  return {
    line: lineOf(''),
    browsing: null,
    draft: '',
    cycle: null,
    waiting: null,
    want: null,
    domains: null,
    addresses: null,
    message: null,
  };
}

/** What a key did to the prompt. */
export type CommandStep =
  | { readonly type: 'close' }
  | { readonly type: 'edit'; readonly cmd: CommandLine }
  | { readonly type: 'run'; readonly cmd: CommandLine; readonly text: string };

/** Applies one key: Esc closes, Enter runs, Tab completes, ↑/↓ browse history, the rest edits the line. */
export function commandKey(cmd: CommandLine, key: KeyEvent, ctx: CommandCtx): CommandStep {
  if (key.name === 'escape') return { type: 'close' };
  if (key.name === 'enter') {
    const text = cmd.line.text.trim();
    return text === '' ? { type: 'close' } : { type: 'run', cmd: idle(cmd), text };
  }
  if (key.name === 'tab') return { type: 'edit', cmd: complete({ ...cmd, message: null }, ctx) };
  if (key.name === 'up' || key.name === 'down') return { type: 'edit', cmd: browse(cmd, key.name, ctx) };
  const line = editLine(cmd.line, key);
  if (!line || line === cmd.line) return { type: 'edit', cmd };
  // A new keystroke drops what Tab listed and any answer still awaited for the old text.
  return { type: 'edit', cmd: { ...idle(cmd), line, browsing: null, cycle: null, message: null } };
}

function idle(cmd: CommandLine): CommandLine {
  return { ...cmd, waiting: null, want: null };
}

function browse(cmd: CommandLine, dir: 'up' | 'down', ctx: CommandCtx): CommandLine {
  const { history } = ctx;
  if (history.length === 0) return cmd;
  const base = { ...idle(cmd), cycle: null, message: null };
  if (dir === 'up') {
    const at = cmd.browsing === null ? history.length - 1 : Math.max(0, cmd.browsing - 1);
    const draft = cmd.browsing === null ? cmd.line.text : cmd.draft;
    return { ...base, browsing: at, draft, line: lineOf(history[at] ?? '') };
  }
  if (cmd.browsing === null) return cmd;
  const at = cmd.browsing + 1;
  if (at >= history.length) return { ...base, browsing: null, line: lineOf(cmd.draft) };
  return { ...base, browsing: at, line: lineOf(history[at] ?? '') };
}

/** The request that answers `want`. */
export function requestOf(want: Want): Request {
  return want.kind === 'domains'
    ? { op: 'domains' }
    : { op: 'addresses', domain: want.domain, prefix: want.prefix, limit: ADDRESS_PAGE };
}

/** Names a want, so its answer is started once and a stale one is told apart. */
export function wantKey(want: Want): string {
  return want.kind === 'domains' ? 'domains' : `addresses\u0000${want.domain}\u0000${want.prefix}`;
}

/** Candidates for the word before the cursor, or what must be read first. */
type Candidates =
  | { readonly kind: 'list'; readonly start: number; readonly words: readonly string[]; readonly end: string }
  | { readonly kind: 'want'; readonly want: Want }
  | { readonly kind: 'message'; readonly message: Message };

function candidatesOf(cmd: CommandLine, ctx: CommandCtx): Candidates {
  const before = [...cmd.line.text].slice(0, cmd.line.cursor).join('');
  const lead = before.length - before.trimStart().length;
  const words = before.trimStart().split(' ');
  const word = words.at(-1) ?? '';
  const start = [...before].length - [...word].length;
  const lower = word.toLowerCase();
  const starting = (list: readonly string[]) => list.filter((c) => c.toLowerCase().startsWith(lower));
  if (words.length === 1) {
    const names = starting(commandNames(ctx.lang));
    // A unique command that takes an argument gets its space, ready for the next Tab.
    const end = names.length === 1 && findCommand(names[0] ?? '')?.arg !== 'none' ? ' ' : '';
    return { kind: 'list', start: Math.max(start, lead), words: names, end };
  }
  const spec = findCommand(words[0] ?? '');
  if (!spec || spec.arg === 'none' || words.length > 2)
    return { kind: 'message', message: infoMessage('command.noMatch', { word: word || ' ' }) };
  if (!cmd.domains) return { kind: 'want', want: { kind: 'domains' } };
  if (spec.arg === 'domain') return { kind: 'list', start, words: starting(cmd.domains), end: '' };
  const at = word.indexOf('@');
  const local = at < 0 ? word : word.slice(0, at);
  const domain = at < 0 ? ctx.contextDomain : word.slice(at + 1).toLowerCase();
  if (domain === null) return { kind: 'message', message: infoMessage('command.needAt') };
  if (at >= 0 && !cmd.domains.includes(domain)) {
    const domains = cmd.domains.filter((d) => d.startsWith(domain)).map((d) => `${local}@${d}`);
    return { kind: 'list', start, words: domains, end: '' };
  }
  const got = cmd.addresses;
  if (!got || got.domain !== domain || got.prefix !== local)
    return { kind: 'want', want: { kind: 'addresses', domain, prefix: local } };
  return { kind: 'list', start, words: got.addresses, end: '' };
}

/**
 * One Tab: a second Tab over listed candidates puts the next one in; otherwise the word before the
 * cursor is completed (to the candidates' common start when several match, which are then listed).
 */
export function complete(cmd: CommandLine, ctx: CommandCtx): CommandLine {
  const chars = [...cmd.line.text];
  const after = chars.slice(cmd.line.cursor).join('');
  if (cmd.cycle && cmd.cycle.candidates.length > 0) {
    const index = (cmd.cycle.index + 1) % cmd.cycle.candidates.length;
    const word = cmd.cycle.candidates[index] ?? '';
    return { ...cmd, cycle: { ...cmd.cycle, index }, line: put(chars, cmd.cycle.start, word, after) };
  }
  const found = candidatesOf(cmd, ctx);
  if (found.kind === 'want') return { ...cmd, waiting: 'complete', want: found.want };
  const done = idle(cmd);
  if (found.kind === 'message') return { ...done, message: found.message };
  const { words, start } = found;
  const typed = chars.slice(start, cmd.line.cursor).join('');
  if (words.length === 0) return { ...done, message: infoMessage('command.noMatch', { word: typed || ' ' }) };
  const more = moreMessage(cmd, found);
  if (words.length === 1) {
    return { ...done, cycle: null, message: more, line: put(chars, start, `${words[0]}${found.end}`, after) };
  }
  const common = commonStart(words);
  const word = common.length > typed.length ? common : typed;
  return {
    ...done,
    cycle: { candidates: words, index: -1, start },
    message: more,
    line: put(chars, start, word, after),
  };
}

function moreMessage(cmd: CommandLine, found: Candidates & { kind: 'list' }): Message | null {
  const got = cmd.addresses;
  if (!got || found.words !== got.addresses || got.total <= got.addresses.length) return null;
  return infoMessage('command.more', { count: got.total - got.addresses.length });
}

function put(chars: readonly string[], start: number, word: string, after: string): Line {
  const head = chars.slice(0, start).join('') + word;
  return lineOf(head + after, [...head].length);
}

/** The longest start every word shares (case-insensitive, in the first word's spelling). */
function commonStart(words: readonly string[]): string {
  const first = [...(words[0] ?? '')];
  let n = first.length;
  for (const w of words.slice(1)) {
    const chars = [...w.toLowerCase()];
    let i = 0;
    while (i < n && i < chars.length && chars[i] === first[i]?.toLowerCase()) i++;
    n = i;
  }
  return first.slice(0, n).join('');
}

/** The prompt after `want`'s answer: stored, and the waiting Tab redone (an Enter is redone by the app). */
export function withAnswer(cmd: CommandLine, key: string, answer: Answer, ctx: CommandCtx): CommandLine {
  if (!cmd.want || wantKey(cmd.want) !== key) {
    // A late answer for older text: domain names are still worth keeping.
    return answer.kind === 'domains' ? { ...cmd, domains: answer.names } : cmd;
  }
  const want = cmd.want;
  const stored: CommandLine =
    answer.kind === 'domains'
      ? { ...cmd, domains: answer.names }
      : want.kind === 'addresses'
        ? { ...cmd, addresses: { ...answer.matches, domain: want.domain, prefix: want.prefix } }
        : cmd;
  const waiting = cmd.waiting;
  const cleared = idle(stored);
  return waiting === 'complete' ? complete(cleared, ctx) : { ...cleared, waiting };
}

/** An answer to one of the line's reads. */
export type Answer =
  | { readonly kind: 'domains'; readonly names: readonly string[] }
  | { readonly kind: 'addresses'; readonly matches: AddressMatches };
