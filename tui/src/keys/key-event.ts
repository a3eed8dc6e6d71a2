/** Named keys the UI reacts to; printable keys arrive as `input` with no name. */
export type KeyName =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'enter'
  | 'escape'
  | 'tab'
  | 'backTab'
  | 'backspace'
  /** Delete of the editing keypad (`ESC [ 3 ~`): deletes the character under the cursor. */
  | 'delete';

/** One key press, after a terminal chunk has been split into single keys. */
export interface KeyEvent {
  /** The printable character (or the letter of a Ctrl combination); empty for named keys. */
  readonly input: string;
  readonly name: KeyName | null;
  readonly ctrl: boolean;
}

/** Builds a key event; tests and the chunk splitter share it. */
export function keyEvent(input: string, name: KeyName | null = null, ctrl = false): KeyEvent {
  return { input, name, ctrl };
}

/** True for Ctrl+C, which always quits. */
export function isCtrlC(key: KeyEvent): boolean {
  return key.ctrl && key.input === 'c';
}

/** True when the key is a printable character a text field can take. */
export function isPrintable(key: KeyEvent): boolean {
  return key.name === null && !key.ctrl && key.input.length > 0;
}
