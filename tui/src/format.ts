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

/** Cuts text to `width` cells with an ellipsis. */
export function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
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
 * Breaks prose into lines of at most `width` cells at spaces; a word longer than a line is cut.
 * Why: Ink's own wrap keeps the space that falls on a break, so a line can start with a blank.
 */
export function wordWrap(text: string, width: number): string {
  const max = Math.max(1, Math.floor(width));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line: string[] = [];
    for (const word of paragraph.split(' ')) {
      if (word === '') continue;
      let rest = [...word];
      if (line.length > 0 && line.length + 1 + rest.length <= max) {
        line.push(' ', ...rest);
        continue;
      }
      if (line.length > 0) lines.push(line.join(''));
      while (rest.length > max) {
        lines.push(rest.slice(0, max).join(''));
        rest = rest.slice(max);
      }
      line = rest;
    }
    lines.push(line.join(''));
  }
  return lines.join('\n');
}
