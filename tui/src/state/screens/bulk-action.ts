import type { BindingId } from '../../keys/bindings.ts';
import { is } from '../../keys/bindings.ts';
import type { KeyEvent } from '../../keys/key-event.ts';
import type {
  BulkAction,
  BulkActionKind,
  BulkActionRefusal,
  BulkActionResult,
  MarkedSelection,
} from '../../services/bulk-action-types.ts';
import type { BuySetup } from '../../services/types.ts';
import { createForm, type FormState, field, fieldValue, formKey } from '../form.ts';
import { MENU_FOOTER, menuKey } from '../menu.ts';
import { errorMessage, type Message, successMessage } from '../message.ts';
import { isWrite, progressKey } from '../requests.ts';
import { base, type ScreenBase, type ScreenLogic, type Step, stay, withRequest } from '../screen-base.ts';

/** The actions offered on marked mailboxes, in menu order. */
export const BULK_ACTIONS: readonly BulkActionKind[] = [
  'lock',
  'unlock',
  'changeType',
  'resetPasswords',
  'delete',
];

/**
 * Where the bulk action screen is: choosing the action, the type, the password file, typing the count,
 * answering y/N, or showing the outcome (done) or pre-flight's refusal (nothing written).
 */
export type BulkStage = 'menu' | 'type' | 'passwords' | 'delete' | 'confirm' | 'done' | 'refused';

/** One bulk action on the mailboxes marked in the list, run by the SDK's bulk engine as one request. */
export interface BulkActionScreen extends ScreenBase {
  readonly kind: 'bulkAction';
  readonly selection: MarkedSelection;
  /** How many mailboxes are marked, as the list showed it. */
  readonly count: number;
  readonly stage: BulkStage;
  /** The menu's cursor (index in {@link BULK_ACTIONS}). */
  readonly cursor: number;
  /** The action being prepared, and (change type) the type chosen. */
  readonly action: BulkActionKind;
  readonly type: string | null;
  /** The domain's types and free slots, for Change type. */
  readonly setup: BuySetup | null;
  readonly typeCursor: number;
  /** The password file path (reset) or the typed count (delete). */
  readonly form: FormState;
  readonly result: BulkActionResult | null;
  readonly refusal: BulkActionRefusal | null;
  /** How far the run in flight has got (rows done of total, rate, time left); null before it reports. */
  readonly progress: BulkProgressView | null;
}

/** The progress a running action shows. */
export interface BulkProgressView {
  readonly done: number;
  readonly total: number;
  readonly rate: number;
  readonly etaMs: number | null;
}

/** `casella-passwords-example.com-20261201-124501.csv`: a new name each time, so none is overwritten. */
export function defaultPasswordFile(domain: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `casella-passwords-${domain}-${stamp}.csv`;
}

/** The bulk action menu for the marked mailboxes. */
export function bulkActionScreen(selection: MarkedSelection, count: number): BulkActionScreen {
  return {
    kind: 'bulkAction',
    ...base(),
    selection,
    count,
    stage: 'menu',
    cursor: 0,
    action: 'lock',
    type: null,
    setup: null,
    typeCursor: 0,
    form: createForm([]),
    result: null,
    refusal: null,
    progress: null,
  };
}

/** The types Change type offers (the domain's, from its slots). */
export function typesOf(s: BulkActionScreen): readonly string[] {
  return s.setup?.slots.map((t) => t.cosName) ?? [];
}

/** True once the run wrote something: leaving reloads the list. */
export function wrote(s: BulkActionScreen): boolean {
  const c = s.result?.counts;
  return c !== undefined && c.updated + c.deleted > 0;
}

function actionOf(s: BulkActionScreen): BulkAction {
  switch (s.action) {
    case 'lock':
    case 'unlock':
      return { kind: s.action };
    case 'changeType':
      return { kind: 'changeType', type: s.type ?? '' };
    case 'resetPasswords':
      return { kind: 'resetPasswords', file: fieldValue(s.form, 'file').trim() };
    case 'delete':
      return { kind: 'delete', confirmCount: Number(fieldValue(s.form, 'count').trim()) };
  }
}

function run(s: BulkActionScreen): Step<BulkActionScreen> {
  const req = { op: 'bulkAction', selection: s.selection, action: actionOf(s) } as const;
  return stay(withRequest({ ...s, progress: null }, req));
}

function toMenu(s: BulkActionScreen): Step<BulkActionScreen> {
  return stay({ ...s, stage: 'menu', form: createForm([]), message: null, refusal: null });
}

function choose(s: BulkActionScreen, action: BulkActionKind): Step<BulkActionScreen> {
  const next = { ...s, action, message: null };
  switch (action) {
    case 'lock':
    case 'unlock':
      return stay({ ...next, stage: 'confirm' });
    case 'changeType':
      return stay(
        next.setup
          ? { ...next, stage: 'type' }
          : withRequest({ ...next, stage: 'type' }, { op: 'buySetup', domain: s.selection.domain }),
      );
    case 'resetPasswords':
      return stay({
        ...next,
        stage: 'passwords',
        form: createForm([
          field('file', 'field.passwordFile', 'text', defaultPasswordFile(s.selection.domain)),
        ]),
      });
    case 'delete':
      return stay({
        ...next,
        stage: 'delete',
        form: createForm([field('count', 'field.typeCount', 'number')]),
      });
  }
}

/** Enter in a form stage: the path must be given, the count must be the marked count. */
function submitForm(s: BulkActionScreen): Step<BulkActionScreen> {
  if (s.stage === 'passwords') {
    if (fieldValue(s.form, 'file').trim() === '')
      return stay({ ...s, message: errorMessage('bulkAction.fileRequired') });
    return run(s);
  }
  // A wrong count sends nothing.
  if (fieldValue(s.form, 'count').trim() !== String(s.count))
    return stay({ ...s, message: errorMessage('bulkAction.countMismatch', { count: s.count }) });
  return run(s);
}

function onStageKey(s: BulkActionScreen, key: KeyEvent): Step<BulkActionScreen> {
  switch (s.stage) {
    case 'menu': {
      const move = menuKey(s.cursor, key, BULK_ACTIONS.length);
      if (move === 'back') return { screen: s, nav: { type: 'pop' } };
      if (move === 'open') return choose(s, BULK_ACTIONS[s.cursor] ?? 'lock');
      return move ? stay({ ...s, cursor: move.cursor, message: null }) : stay(s);
    }
    case 'type': {
      const types = typesOf(s);
      const move = menuKey(s.typeCursor, key, Math.max(1, types.length));
      if (move === 'back') return toMenu(s);
      if (move === 'open') {
        const type = types[s.typeCursor];
        return type ? stay({ ...s, type, stage: 'confirm', message: null }) : stay(s);
      }
      return move ? stay({ ...s, typeCursor: move.cursor }) : stay(s);
    }
    case 'passwords':
    case 'delete': {
      const step = formKey(s.form, key);
      if (step.unhandled) return key.name === 'escape' ? toMenu(s) : stay(s);
      const next = step.form === s.form ? s : { ...s, form: step.form, message: null };
      return step.submit ? submitForm(next) : stay(next);
    }
    case 'confirm':
      if (is(key, 'yes')) return run(s);
      return s.action === 'changeType' ? stay({ ...s, stage: 'type', message: null }) : toMenu(s);
    case 'refused':
      return is(key, 'open') || is(key, 'back') ? toMenu(s) : stay(s);
    case 'done':
      if (!(is(key, 'open') || is(key, 'back'))) return stay(s);
      return {
        screen: s,
        nav: { type: 'pop', ...(s.message ? { message: s.message } : {}), reload: wrote(s) },
      };
  }
}

/** The line the list shows after the run: what was done, and how many rows did not go as asked. */
function doneMessage(result: BulkActionResult): Message {
  const n = result.counts.updated + result.counts.deleted;
  const params = { n, problems: result.problemCount };
  return result.problemCount > 0
    ? errorMessage(`bulkAction.doneWithProblems.${result.action}`, params)
    : successMessage(`bulkAction.done.${result.action}`, params);
}

export const bulkActionLogic: ScreenLogic<BulkActionScreen> = {
  onKey(s, key) {
    // While the engine runs, keys wait; Esc leaves and the outcome still arrives (the list shows it).
    if (s.pending && isWrite(s.pending.req))
      return key.name === 'escape' ? { screen: s, nav: { type: 'pop' } } : stay(s);
    return onStageKey(s, key);
  },
  onLoaded(s, data) {
    if (data.kind === 'buySetup') return stay({ ...s, setup: data.setup, typeCursor: 0 });
    if (data.kind === 'bulkDone') {
      const message = doneMessage(data.result);
      return stay({ ...s, stage: 'done', result: data.result, message });
    }
    if (data.kind === 'bulkRefused')
      return stay({
        ...s,
        stage: 'refused',
        refusal: data.refusal,
        message: errorMessage('bulkAction.refused'),
      });
    return stay(s);
  },
  onFetched(s, key, data) {
    // Only the run in flight reports: a late report of an earlier run is dropped.
    if (data.kind !== 'bulkProgress' || !s.pending || key !== progressKey(s.pending.seq)) return s;
    const { done, total, rate, etaMs } = data;
    return { ...s, progress: { done, total, rate, etaMs } };
  },
  captures: (s) => s.stage === 'passwords' || s.stage === 'delete',
  footer(s): readonly BindingId[] {
    switch (s.stage) {
      case 'menu':
      case 'type':
        return MENU_FOOTER;
      case 'passwords':
      case 'delete':
        return ['submit', 'cancel'];
      case 'confirm':
        return ['yes', 'cancel'];
      case 'refused':
      case 'done':
        return ['back'];
    }
  },
};
