import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import type { Lang } from './i18n/catalogue.ts';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** The decimal separator of each language: Italian writes `296,5`, English `296.5`. */
const DECIMAL_SEPARATOR: Readonly<Record<Lang, string>> = { en: '.', it: ',' };

/** `value` with `digits` decimals in the language's notation, e.g. `12.5` / `12,5`. */
export function formatDecimal(value: number, digits: number, lang: Lang): string {
  return value.toFixed(digits).replace('.', DECIMAL_SEPARATOR[lang]);
}

/** Bytes in binary units with one decimal, e.g. `1.5 GiB` (English) or `1,5 GiB` (Italian). */
export function formatBytes(bytes: number, lang: Lang): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${formatDecimal(value, 1, lang)} ${UNITS[unit]}`;
}

/** `part` as a percentage of `whole` with one decimal, e.g. `12.5%` / `12,5%`. */
export function formatPercent(part: number, whole: number, lang: Lang): string {
  return `${formatDecimal((100 * part) / whole, 1, lang)}%`;
}

/** Terminal cells `text` takes: wide (CJK, emoji) characters count two, combining marks none. */
export function cells(text: string): number {
  return stringWidth(text);
}

/** Cuts text to `width` terminal cells with an ellipsis (wide and combining characters measured as drawn). */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return text;
  // cli-truncate can end one cell over when a wide character falls on the cut: ask for less until it fits.
  for (let room = width; room > 0; room--) {
    const out = cliTruncate(text, room, { position: 'end' });
    if (stringWidth(out) <= width) return out;
  }
  return '…';
}

const SHORT_UNITS = ['B', 'K', 'M', 'G', 'T'];

/** Bytes in at most five cells for tight columns: `0`, `512K`, `1.2G` (`1,2G` in Italian), `50G` (binary units). */
export function shortBytes(bytes: number, lang: Lang): string {
  if (bytes <= 0) return '0';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < SHORT_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value < 10 && unit > 0 ? Math.round(value * 10) / 10 : Math.round(value);
  // 1023.6M rounds to 1024M: say 1G instead so the figure keeps its width.
  if (digits >= 1024 && unit < SHORT_UNITS.length - 1) return `1${SHORT_UNITS[unit + 1]}`;
  return `${formatDecimal(digits, Number.isInteger(digits) ? 0 : 1, lang)}${SHORT_UNITS[unit]}`;
}

/**
 * Breaks prose into lines of at most `width` terminal cells at spaces; a word longer than a line is cut.
 * Why not Ink's own wrap: it keeps the space that falls on a break, so a line can start with a blank.
 */
export function wordWrap(text: string, width: number): string {
  const max = Math.max(1, Math.floor(width));
  return text
    .split('\n')
    .map((paragraph) => wrapAnsi(paragraph.replace(/ +/g, ' '), max, { hard: true, trim: true }))
    .join('\n');
}
