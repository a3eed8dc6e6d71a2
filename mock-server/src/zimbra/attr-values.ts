import type { AttrInfo } from './catalogue.ts';
import { faults } from './fault.ts';

const ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const GENTIME = /^\d{14}(\.\d{1,3})?[zZ]$/;
const DURATION = /^\d+([hmsd]|ms)?$/;
// Java's Integer.parseInt / Long.parseLong syntax: optional sign, decimal digits only.
const JAVA_INT = /^[+-]?\d+$/;
const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

const DURATION_DOC =
  'Must be in valid duration format: {digits}{time-unit}.  digits: 0-9, time-unit: [hmsd]|ms.  ' +
  'h - hours, m - minutes, s - seconds, d - days, ms - milliseconds.  ' +
  'If time unit is not specified, the default is s(seconds).';

const UNIT_MS: Readonly<Record<string, number>> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** A duration (`1d`, `90m`, `30` = seconds) in ms, as DateUtil.getTimeInterval reads it; undefined when unreadable. */
export function durationMs(value: string): number | undefined {
  const m = /^(\d+)([hmsd]|ms)?$/.exec(value);
  if (!m) return undefined;
  return Number(m[1]) * (UNIT_MS[m[2] ?? 's'] ?? 1000);
}

const invalid = (message: string) => faults.invalidAttrValue(message);

// An address as JavaMail's strict parser accepts it, well enough for the cases clients hit.
const ADDRESS = /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\]+$/;

function checkEmail(value: string, personalAllowed: boolean): void {
  if (!value.includes('@')) throw invalid(`address '${value}' does not include domain`);
  const withPersonal = /^\s*(.*?)\s*<([^<>]*)>\s*$/.exec(value);
  const personal = withPersonal ? withPersonal[1]! : '';
  const address = withPersonal ? withPersonal[2]! : value.trim();
  if (!ADDRESS.test(address)) throw invalid(`invalid email address: ${value}`);
  if (!personalAllowed && personal !== '') throw invalid(`invalid email address: ${value}`);
}

function bound(info: AttrInfo, which: 'min' | 'max', fallback: bigint): bigint {
  const raw = info.fact[which];
  if (raw === undefined || !JAVA_INT.test(raw)) return fallback;
  return BigInt(raw);
}

function checkNumber(info: AttrInfo, value: string, kind: 'integer' | 'long'): void {
  const [lo, hi] = kind === 'integer' ? [INT_MIN, INT_MAX] : [LONG_MIN, LONG_MAX];
  const n = JAVA_INT.test(value) ? BigInt(value) : undefined;
  if (n === undefined || n < lo || n > hi) throw invalid(`${info.name} must be a valid ${kind}: ${value}`);
  const min = bound(info, 'min', lo);
  const max = bound(info, 'max', hi);
  if (n < min) throw invalid(`${info.name} value(${n}) smaller than minimum allowed: ${min}`);
  if (n > max) throw invalid(`${info.name} value(${n}) larger than max allowed: ${max}`);
}

/** Length limit of strings and addresses: `max` when declared, else Java's Integer.MAX_VALUE (none). */
function checkLength(info: AttrInfo, length: number): void {
  const max = info.fact.max !== undefined && JAVA_INT.test(info.fact.max) ? Number(info.fact.max) : undefined;
  if (max !== undefined && length > max) {
    throw invalid(`${info.name} value length(${length}) larger than max allowed: ${max}`);
  }
}

function checkDuration(info: AttrInfo, value: string): void {
  if (!DURATION.test(value)) throw invalid(`${info.name} ${DURATION_DOC}`);
  const ms = durationMs(value) ?? 0;
  const min = info.fact.min !== undefined ? durationMs(info.fact.min) : undefined;
  const max = info.fact.max !== undefined ? durationMs(info.fact.max) : undefined;
  if (min !== undefined && ms < min)
    throw invalid(`${info.name} is shorter than minimum allowed: ${info.fact.min}`);
  if (max !== undefined && ms > max)
    throw invalid(`${info.name} is longer than max allowed: ${info.fact.max}`);
}

/**
 * Checks one value against its attribute's declared type and limits with AttributeInfo.checkValue's
 * messages (`account.INVALID_ATTR_VALUE`); an empty value means "remove" and is always accepted.
 */
export function checkValue(info: AttrInfo, value: string): void {
  if (value === '') return;
  switch (info.type) {
    case 'boolean':
      if (value !== 'TRUE' && value !== 'FALSE') throw invalid(`${info.name} must be TRUE or FALSE`);
      return;
    case 'binary':
    case 'certificate':
      checkLength(info, Buffer.from(value, 'base64').length);
      return;
    case 'duration':
      checkDuration(info, value);
      return;
    case 'email':
    case 'emailp':
      checkLength(info, value.length);
      checkEmail(value, info.type === 'emailp');
      return;
    case 'cs_emailp':
      checkLength(info, value.length);
      for (const address of value.split(',')) checkEmail(address, true);
      return;
    case 'enum':
      if (!info.enumValues?.has(value))
        throw invalid(`${info.name} must be one of: ${info.fact.value ?? ''}`);
      return;
    case 'gentime':
      if (!GENTIME.test(value)) {
        throw invalid(
          `${info.name} must be a valid generalized time: yyyyMMddHHmmssZ or yyyyMMddHHmmss.SSSZ`,
        );
      }
      return;
    case 'id':
      if (!ID.test(value)) throw invalid(`${info.name} must be a valid id`);
      return;
    case 'integer':
    case 'long':
      checkNumber(info, value, info.type);
      return;
    case 'port': {
      const ok = JAVA_INT.test(value) && Number(value) >= 0 && Number(value) <= 65535;
      if (!ok) throw invalid(`${info.name} must be a valid port: ${value}`);
      return;
    }
    case 'regex':
      if (!new RegExp(`^(?:${info.fact.value ?? ''})$`).test(value)) {
        throw invalid(`${info.name} must match the regex: ${info.fact.value ?? ''}`);
      }
      return;
    default:
      // string, astring, cstring, ostring, phone: only the length is checked.
      checkLength(info, value.length);
  }
}
