const UNITS: Readonly<Record<string, number>> = {
  B: 1,
  KB: 1024,
  MB: 1024 ** 2,
  GB: 1024 ** 3,
  TB: 1024 ** 4,
};

/**
 * A quota as typed on the command line: bytes (`5368709120`) or a size with a unit (`2GB`, `500MB`,
 * `1.5GB`), units in powers of 1024 as Zimbra's admin console shows them. Undefined when not a size.
 */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*([KMGT]?B)?\s*$/i.exec(text);
  if (!m) return undefined;
  const value = Number((m[1] ?? '').replace(',', '.'));
  const unit = UNITS[(m[2] ?? 'B').toUpperCase()] ?? 1;
  const bytes = Math.round(value * unit);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** Bytes for a table cell: `5.0 GB`, `512 MB`, `0` (unlimited is the caller's word). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${value.toFixed(1)} ${units[i]}`;
}
