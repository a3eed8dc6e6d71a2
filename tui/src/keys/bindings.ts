import type { MessageKey } from '../i18n/catalogue.ts';
import type { KeyEvent, KeyName } from './key-event.ts';

/** Every action a key can trigger; screens list the ones they honour. */
export type BindingId =
  | 'up'
  | 'down'
  | 'pageUp'
  | 'pageDown'
  | 'top'
  | 'bottom'
  | 'open'
  | 'back'
  | 'search'
  | 'help'
  | 'quit'
  | 'forceQuit'
  | 'nextField'
  | 'prevField'
  | 'cycle'
  | 'submit'
  | 'cancel'
  | 'yes'
  | 'newItem'
  | 'deleteItem'
  | 'buy'
  | 'refresh'
  | 'sortAddress'
  | 'sortName'
  | 'sortType'
  | 'sortStatus'
  | 'statusFilter'
  | 'sortQuota'
  | 'sortDomainName'
  | 'listFilters'
  | 'sortPecAddress'
  | 'reverse'
  | 'typeFilter'
  | 'quotaFilter'
  // tui-polish
  | 'generate'
  // tui-marks
  | 'mark'
  | 'markAll'
  | 'bulkActions'
  | 'clearMarks'
  // tui-cmdline
  | 'command'
  | 'copy';

/** One row of the keybinding table: what matches, how the footer and help show it. */
export interface Binding {
  readonly id: BindingId;
  /** Keys as shown to people, e.g. `↑/k`. */
  readonly keys: string;
  /** Short footer label and longer help sentence. */
  readonly label: MessageKey;
  readonly help: MessageKey;
  readonly names?: readonly KeyName[];
  readonly chars?: readonly string[];
  readonly ctrl?: string;
}

/** The keybinding table: the single source for key matching, the footer and the help screen. */
export const BINDINGS: readonly Binding[] = [
  { id: 'up', keys: '↑/k', label: 'key.up', help: 'help.up', names: ['up'], chars: ['k'] },
  { id: 'down', keys: '↓/j', label: 'key.down', help: 'help.down', names: ['down'], chars: ['j'] },
  { id: 'pageUp', keys: 'PgUp', label: 'key.pageUp', help: 'help.pageUp', names: ['pageUp'], ctrl: 'u' },
  {
    id: 'pageDown',
    keys: 'PgDn',
    label: 'key.pageDown',
    help: 'help.pageDown',
    names: ['pageDown'],
    ctrl: 'd',
  },
  { id: 'top', keys: 'g', label: 'key.top', help: 'help.top', names: ['home'], chars: ['g'] },
  { id: 'bottom', keys: 'G', label: 'key.bottom', help: 'help.bottom', names: ['end'], chars: ['G'] },
  {
    id: 'open',
    keys: 'Enter',
    label: 'key.open',
    help: 'help.open',
    names: ['enter', 'right'],
    chars: ['l'],
  },
  {
    id: 'back',
    keys: 'Esc/h',
    label: 'key.back',
    help: 'help.back',
    names: ['escape', 'left'],
    chars: ['h'],
  },
  { id: 'search', keys: '/', label: 'key.search', help: 'help.search', chars: ['/'] },
  { id: 'help', keys: '?', label: 'key.help', help: 'help.help', chars: ['?'] },
  { id: 'quit', keys: 'q', label: 'key.quit', help: 'help.quit', chars: ['q'] },
  { id: 'forceQuit', keys: 'Ctrl+C', label: 'key.forceQuit', help: 'help.forceQuit', ctrl: 'c' },
  { id: 'nextField', keys: 'Tab/↓', label: 'key.nextField', help: 'help.nextField', names: ['tab', 'down'] },
  {
    id: 'prevField',
    keys: 'S-Tab/↑',
    label: 'key.prevField',
    help: 'help.prevField',
    names: ['backTab', 'up'],
  },
  { id: 'cycle', keys: '←/→', label: 'key.cycle', help: 'help.cycle', names: ['left', 'right'] },
  { id: 'submit', keys: 'Enter', label: 'key.submit', help: 'help.submit', names: ['enter'] },
  { id: 'cancel', keys: 'Esc', label: 'key.cancel', help: 'help.cancel', names: ['escape'] },
  { id: 'yes', keys: 'y', label: 'key.yes', help: 'help.yes', chars: ['y', 'Y', 's', 'S'] },
  { id: 'newItem', keys: 'n', label: 'key.newItem', help: 'help.newItem', chars: ['n'] },
  { id: 'deleteItem', keys: 'd', label: 'key.deleteItem', help: 'help.deleteItem', chars: ['d'] },
  { id: 'buy', keys: 'b', label: 'key.buy', help: 'help.buy', chars: ['b'] },
  { id: 'refresh', keys: 'R', label: 'key.refresh', help: 'help.refresh', chars: ['R'] },
  { id: 'sortAddress', keys: 'A', label: 'key.sortAddress', help: 'help.sortAddress', chars: ['A'] },
  { id: 'sortName', keys: 'A/N/T/S/U', label: 'key.sort', help: 'help.sortName', chars: ['N'] },
  { id: 'sortType', keys: 'T', label: 'key.sortType', help: 'help.sortType', chars: ['T'] },
  { id: 'sortStatus', keys: 'S', label: 'key.sortStatus', help: 'help.sortStatus', chars: ['S'] },
  { id: 'statusFilter', keys: 'f', label: 'key.statusFilter', help: 'help.statusFilter', chars: ['f'] },
  { id: 'sortDomainName', keys: 'N/S', label: 'key.sort', help: 'help.sortDomainName', chars: ['N'] },
  { id: 'sortPecAddress', keys: 'A/S/U', label: 'key.sort', help: 'help.sortPecAddress', chars: ['A'] },
  // Only a footer and help line for f, t and u together: each key has its own binding below.
  { id: 'listFilters', keys: 'f/t/u', label: 'key.listFilters', help: 'help.listFilters' },
  { id: 'sortQuota', keys: 'U', label: 'key.sortQuota', help: 'help.sortQuota', chars: ['U'] },
  { id: 'reverse', keys: 'r', label: 'key.reverse', help: 'help.reverse', chars: ['r'] },
  { id: 'typeFilter', keys: 't', label: 'key.typeFilter', help: 'help.typeFilter', chars: ['t'] },
  { id: 'quotaFilter', keys: 'u', label: 'key.quotaFilter', help: 'help.quotaFilter', chars: ['u'] },
  // tui-polish: Ctrl+G because a password form types every printable key into its fields.
  { id: 'generate', keys: 'Ctrl+G', label: 'key.generate', help: 'help.generate', ctrl: 'g' },
  // tui-marks: multi-select in the Mailboxes list and its bulk actions.
  // Its help sentence covers *, b and Esc too: the help screen has no room for four lines at 24 rows.
  { id: 'mark', keys: 'Space', label: 'key.mark', help: 'help.mark', chars: [' '] },
  { id: 'markAll', keys: '*', label: 'key.markAll', help: 'help.markAll', chars: ['*'] },
  { id: 'bulkActions', keys: 'b', label: 'key.bulkActions', help: 'help.bulkActions', chars: ['b'] },
  { id: 'clearMarks', keys: 'Esc', label: 'key.clearMarks', help: 'help.clearMarks', names: ['escape'] },
  // tui-cmdline: `:` opens the command line; y copies (Ctrl+Y while a text field takes letters).
  { id: 'command', keys: ':', label: 'key.command', help: 'help.command', chars: [':'] },
  { id: 'copy', keys: 'y', label: 'key.copy', help: 'help.copy', chars: ['y'], ctrl: 'y' },
];

const BY_ID = new Map(BINDINGS.map((b) => [b.id, b]));

/** Looks up a binding row. */
export function binding(id: BindingId): Binding {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`unknown binding ${id}`);
  return found;
}

/** True when `key` triggers the binding `id`. */
export function is(key: KeyEvent, id: BindingId): boolean {
  const b = binding(id);
  if (key.ctrl) return b.ctrl === key.input;
  if (key.name) return b.names?.includes(key.name) ?? false;
  return b.chars?.includes(key.input) ?? false;
}

/** Keys every screen honours; the help screen lists them after the screen's own. */
export const GLOBAL_BINDINGS: readonly BindingId[] = ['help', 'command', 'quit', 'forceQuit'];
