/** Semantic colours; with NO_COLOR the entry point sets FORCE_COLOR=0 and Ink prints none of them. */
export const theme = {
  accent: 'cyan',
  muted: 'gray',
  error: 'red',
  success: 'green',
  warning: 'yellow',
  badge: 'magenta',
} as const;

/** Marks the selected row in text, because inverse video is stripped without colour. */
export const SELECTED = '>';
/** Filler before rows that are not selected, the same width as {@link SELECTED}. */
export const UNSELECTED = ' ';
/** Mask character of secret fields. */
export const MASK = '*';

/** `{ color }` for Ink's Text, or nothing: Ink's props refuse an explicit undefined. */
export function paint(color: string | undefined): { color?: string } {
  return color ? { color } : {};
}

/** True when no colour or video attribute is printed (NO_COLOR, tests): inverse video is then invisible. */
export function colourless(): boolean {
  return process.env.FORCE_COLOR === '0';
}

/** The cursor inside a value when inverse video cannot show it (at the end, `_` is the cursor). */
export const TEXT_CURSOR = '|';
