const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** Bytes in binary units with one decimal, e.g. `1.5 GiB`. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** Cuts text to `width` cells with an ellipsis. */
export function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

const SHORT_UNITS = ['B', 'K', 'M', 'G', 'T'];

/** Bytes in at most five cells for tight columns: `0`, `512K`, `1.2G`, `50G` (binary units). */
export function shortBytes(bytes: number): string {
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
  return `${digits}${SHORT_UNITS[unit]}`;
}
