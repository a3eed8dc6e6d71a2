// Sizes as admins type them. Units are binary (1GB = 1024³ bytes), as Zimbra's admin console counts quotas.
const UNITS: Record<string, number> = {
  B: 1,
  KB: 1024,
  K: 1024,
  MB: 1024 ** 2,
  M: 1024 ** 2,
  GB: 1024 ** 3,
  G: 1024 ** 3,
  TB: 1024 ** 4,
  T: 1024 ** 4,
  KIB: 1024,
  MIB: 1024 ** 2,
  GIB: 1024 ** 3,
  TIB: 1024 ** 4,
};

const SIZE = /^(\d+(?:[.,]\d+)?)\s*([A-Za-z]*)$/;

/**
 * Reads a quota: bytes (`1073741824`, or a number) or a size with a unit (`2GB`, `500MB`, `1,5GB` with an
 * Italian decimal comma). Units are binary. Returns undefined when the text is not a size.
 * @example
 * parseQuota('2GB'); // 2147483648
 */
export function parseQuota(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  const match = SIZE.exec(value.trim());
  if (match === null) return undefined;
  const [, amount = '', unit = ''] = match;
  const factor = unit === '' ? 1 : UNITS[unit.toUpperCase()];
  if (factor === undefined) return undefined;
  const bytes = Number(amount.replace(',', '.')) * factor;
  const rounded = Math.round(bytes);
  // 1.5B is not a size; 1,5GB is (a whole number of bytes).
  if (!Number.isSafeInteger(rounded) || Math.abs(bytes - rounded) > 1e-6) return undefined;
  return rounded;
}
