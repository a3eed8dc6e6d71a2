import type { OutcomeKind } from '@casella/sdk';
import { is } from '../../keys/bindings.ts';
import type { KeyEvent } from '../../keys/key-event.ts';
import { editLine, type Line, lineOf } from '../line-edit.ts';
import { LIST_START, type ListState, listKey, moveTo } from '../list.ts';
import { errorMessage, infoMessage, type Message, successMessage } from '../message.ts';
import type { Loaded, Progress } from '../requests.ts';
import {
  base,
  type Ctx,
  type ScreenBase,
  type ScreenLogic,
  type Step,
  stay,
  withRequest,
} from '../screen-base.ts';
import type { ImportPreview, ImportProgress, ImportResult, ImportSetup } from './import-model.ts';

/** Where the Import screen is: picking a file, reading its dry run, running it, or showing how it ended. */
export type ImportPhase = 'choose' | 'preview' | 'running' | 'done';

/** The Import screen: a file in, its dry run, a confirmed run with live progress, the outcome list. */
export interface ImportScreen extends ScreenBase {
  readonly kind: 'import';
  readonly phase: ImportPhase;
  /** The folder relative paths are read from, and the import files in it; null until read. */
  readonly setup: ImportSetup | null;
  readonly path: Line;
  /** The file of `setup.files` last picked with ↑/↓; -1 for none. */
  readonly pick: number;
  readonly preview: ImportPreview | null;
  /** The preview's rows, or the outcome list's problems. */
  readonly list: ListState;
  readonly progress: ImportProgress | null;
  readonly result: ImportResult | null;
  /** Esc was pressed while running: waiting for stop (y), leave it running (n) or stay. */
  readonly asking: boolean;
  /** Stop was asked: the batches in flight settle, then the run ends. */
  readonly stopping: boolean;
}

/** A fresh Import screen, reading the current folder. */
export function importScreen(): ImportScreen {
  return {
    kind: 'import',
    ...base({ op: 'importSetup' }),
    phase: 'choose',
    setup: null,
    path: lineOf(''),
    pick: -1,
    preview: null,
    list: LIST_START,
    progress: null,
    result: null,
    asking: false,
    stopping: false,
  };
}

/** Outcome kinds that leave the row as the file asks. */
const FINE: readonly OutcomeKind[] = ['created', 'alreadyPresent', 'updated', 'unchanged'];

/** Rows with an outcome so far. */
export function doneOf(result: ImportResult): number {
  return Object.values(result.counts).reduce((a, b) => a + b, 0);
}

/** The file's name without its folder, for messages. */
function fileName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}

/** The line that says how a run ended, on this screen or on whichever screen is shown when it ends. */
export function endMessage(result: ImportResult): Message {
  const file = fileName(result.path);
  const done = doneOf(result);
  if (result.aborted) return infoMessage('import.stopped', { file, done, total: result.total });
  const problems = result.problems.length;
  const params = {
    file,
    created: result.counts.created,
    present: result.counts.alreadyPresent,
    problems,
  };
  return problems === 0
    ? successMessage('import.finished', params)
    : errorMessage('import.finishedWithProblems', params);
}

function previewMessage(p: ImportPreview): Message {
  if (!p.ok) return errorMessage('import.refused', { file: fileName(p.path) });
  if (p.unfinished)
    return infoMessage('import.resumeOffer', { done: p.unfinished.done, total: p.unfinished.total });
  if (p.writes === 0) return infoMessage('import.readyNothing', { total: p.total });
  return infoMessage('import.ready', { count: p.writes, total: p.total });
}

function start(s: ImportScreen, preview: ImportPreview): ImportScreen {
  const job = {
    path: preview.path,
    format: preview.format,
    resume: preview.unfinished !== null,
    passwordFile: preview.passwordFile,
  };
  const next = withRequest(s, { op: 'importRun', job });
  const progress = { done: preview.unfinished?.done ?? 0, total: preview.total, rate: 0, etaMs: undefined };
  return {
    ...next,
    phase: 'running',
    progress,
    result: null,
    asking: false,
    stopping: false,
    list: LIST_START,
  };
}

function chooseKey(s: ImportScreen, key: KeyEvent): Step<ImportScreen> {
  if (s.pending) return key.name === 'escape' ? { screen: s, nav: { type: 'pop' } } : stay(s);
  if (key.name === 'escape') return { screen: s, nav: { type: 'pop' } };
  if (key.name === 'enter') {
    if (s.path.text.trim() === '') return stay({ ...s, message: errorMessage('import.pathRequired') });
    return stay(withRequest(s, { op: 'importPreview', path: s.path.text.trim() }));
  }
  const files = s.setup?.files ?? [];
  if ((key.name === 'up' || key.name === 'down' || key.name === 'tab') && files.length > 0) {
    const step = key.name === 'up' ? -1 : 1;
    const pick = (((s.pick + step) % files.length) + files.length) % files.length;
    return stay({ ...s, pick, path: lineOf(files[pick] ?? ''), message: null });
  }
  const edited = editLine(s.path, key);
  return edited ? stay({ ...s, path: edited, message: null }) : stay(s);
}

function previewKey(s: ImportScreen, key: KeyEvent, ctx: Ctx): Step<ImportScreen> {
  const preview = s.preview;
  if (s.pending || !preview) return stay(s);
  const moved = listKey(s.list, key, preview.rows.length, ctx.page);
  if (moved) return stay({ ...s, list: moved });
  if (is(key, 'yes')) {
    if (!preview.ok) return stay({ ...s, message: errorMessage('import.cannotRun') });
    return stay(start(s, preview));
  }
  if (is(key, 'refresh')) return stay(withRequest(s, { op: 'importPreview', path: preview.path }));
  if (is(key, 'back')) return stay({ ...s, phase: 'choose', preview: null, message: null });
  return stay(s);
}

function runningKey(s: ImportScreen, key: KeyEvent): Step<ImportScreen> {
  // The run failed (its error is on the message line): back to the file's dry run.
  if (!s.pending) {
    if (is(key, 'back') || is(key, 'refresh'))
      return stay({
        ...withRequest(s, { op: 'importPreview', path: s.preview?.path ?? s.path.text }),
        phase: 'choose',
      });
    return stay(s);
  }
  if (s.asking) {
    if (is(key, 'yes')) {
      const pending = { ...s.pending, abort: true };
      return stay({ ...s, pending, asking: false, stopping: true, message: infoMessage('import.stopping') });
    }
    // n: leave the screen; the run goes on and its outcome is shown wherever the user is then.
    if (key.input === 'n' || key.input === 'N')
      return {
        screen: { ...s, asking: false },
        nav: { type: 'pop', message: infoMessage('import.leftRunning') },
      };
    return stay({ ...s, asking: false, message: null });
  }
  if (is(key, 'back') && !s.stopping)
    return stay({ ...s, asking: true, message: infoMessage('import.stopAsk') });
  return stay(s);
}

function doneKey(s: ImportScreen, key: KeyEvent, ctx: Ctx): Step<ImportScreen> {
  const count = s.result?.problems.length ?? 0;
  const moved = listKey(s.list, key, count, ctx.page);
  if (moved) return stay({ ...s, list: moved });
  // R reads the file again: an unfinished run is then offered to resume.
  if (is(key, 'refresh') && s.result)
    return stay({ ...withRequest(s, { op: 'importPreview', path: s.result.path }), phase: 'choose' });
  if (is(key, 'back') || key.name === 'enter') return { screen: s, nav: { type: 'pop', reload: true } };
  return stay(s);
}

function onLoaded(s: ImportScreen, data: Loaded, ctx: Ctx): Step<ImportScreen> {
  switch (data.kind) {
    case 'importSetup':
      return stay({ ...s, setup: data.setup });
    case 'importPreview':
      return stay({
        ...s,
        phase: 'preview',
        preview: data.preview,
        path: lineOf(data.preview.path),
        list: firstProblem(data.preview, ctx.page),
        message: previewMessage(data.preview),
      });
    case 'importUnreadable':
      return stay({
        ...s,
        phase: 'choose',
        message: errorMessage('import.unreadable', { path: data.path, reason: reasonKey(data.reason) }),
      });
    case 'importDone':
      return stay({
        ...s,
        phase: 'done',
        result: data.result,
        progress: s.progress ? { ...s.progress, done: doneOf(data.result) } : null,
        stopping: false,
        asking: false,
        list: LIST_START,
        message: endMessage(data.result),
      });
    default:
      return stay(s);
  }
}

/** A refused preview opens on its first refused row: that is what the admin has to fix. */
function firstProblem(p: ImportPreview, page: number): ListState {
  if (p.ok) return LIST_START;
  const at = p.rows.findIndex((r) => r.verdict === 'refused' || r.verdict === 'conflict');
  return at < 0 ? LIST_START : moveTo(LIST_START, at, p.rows.length, page);
}

/** A file error's code in words, when the catalogue has them. */
function reasonKey(code: string): string {
  switch (code) {
    case 'ENOENT':
      return 'import.reason.ENOENT';
    case 'EACCES':
    case 'EPERM':
      return 'import.reason.EACCES';
    case 'EISDIR':
      return 'import.reason.EISDIR';
    default:
      return code;
  }
}

/** True when a kind is one of the rows' good endings (the outcome list counts the others as problems). */
export function isFine(kind: OutcomeKind): boolean {
  return FINE.includes(kind);
}

export const importLogic: ScreenLogic<ImportScreen> = {
  onKey(s, key, ctx) {
    switch (s.phase) {
      case 'choose':
        return chooseKey(s, key);
      case 'preview':
        return previewKey(s, key, ctx);
      case 'running':
        return runningKey(s, key);
      case 'done':
        return doneKey(s, key, ctx);
    }
  },
  onLoaded,
  onProgress(s, progress: Progress) {
    return progress.kind === 'import' ? { ...s, progress: progress.progress } : s;
  },
  captures: (s) => s.phase === 'choose',
  // A run in flight: q asks before quitting (quitting stops it; the journal keeps it resumable).
  dirty: (s) => s.phase === 'running' && s.pending !== null,
  footer(s) {
    switch (s.phase) {
      case 'choose':
        return ['submit', 'up', 'down', 'cancel'];
      case 'preview':
        return s.preview?.ok ? ['yes', 'up', 'down', 'refresh', 'back'] : ['up', 'down', 'refresh', 'back'];
      case 'running':
        return s.asking ? ['yes', 'cancel'] : s.pending ? ['back'] : ['refresh', 'back'];
      case 'done':
        return ['up', 'down', 'refresh', 'back'];
    }
  },
};
