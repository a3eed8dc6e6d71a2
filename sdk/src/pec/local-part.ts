import type { ValidationIssue } from '../errors/index.ts';

/** Bounds of a PEC local part (the name before `@`). */
export const LOCAL_PART_LENGTH = Object.freeze({ min: 2, max: 64 });
/** Names nobody may create: the postmaster exists in every PEC domain. */
export const RESERVED_LOCAL_PARTS: readonly string[] = Object.freeze(['postmaster']);

/** The contract lower-cases a local part before checking it; so does the SDK. */
export function normalizeLocalPart(input: string): string {
  return input.toLowerCase();
}

/**
 * Every format rule a local part breaks, after lower-casing: `minLength`, `maxLength`,
 * `allowedCharacters` (a-z 0-9 . _ -), `letterOrDigitAtEnds`, `noConsecutiveDots`. Empty when well formed.
 * Lengths count Unicode code points.
 */
export function localPartFormatIssues(input: string, field = 'localPart'): ValidationIssue[] {
  const value = normalizeLocalPart(input);
  const chars = Array.from(value);
  const issues: ValidationIssue[] = [];
  const add = (rule: string, message: string) => issues.push({ field, rule, message });
  if (chars.length < LOCAL_PART_LENGTH.min) add('minLength', `at least ${LOCAL_PART_LENGTH.min} characters`);
  if (chars.length > LOCAL_PART_LENGTH.max) add('maxLength', `at most ${LOCAL_PART_LENGTH.max} characters`);
  if (!/^[a-z0-9._-]*$/.test(value)) add('allowedCharacters', 'only a-z, 0-9, ".", "_" and "-"');
  const edge = /^[a-z0-9]$/;
  if (chars.length > 0 && !(edge.test(chars[0] ?? '') && edge.test(chars.at(-1) ?? ''))) {
    add('letterOrDigitAtEnds', 'must start and end with a letter or digit');
  }
  if (value.includes('..')) add('noConsecutiveDots', 'no ".." inside');
  return issues;
}

/**
 * Checks a name for a new PEC mailbox: every format rule, then `reserved` for a well-formed
 * reserved name. An empty result means the server will accept the name.
 * @example
 * validateLocalPart('Mario..Rossi') // [{ field: 'localPart', rule: 'noConsecutiveDots', ... }]
 */
export function validateLocalPart(input: string, field = 'localPart'): ValidationIssue[] {
  const issues = localPartFormatIssues(input, field);
  if (issues.length === 0 && RESERVED_LOCAL_PARTS.includes(normalizeLocalPart(input))) {
    return [{ field, rule: 'reserved', message: 'this name is reserved' }];
  }
  return issues;
}
