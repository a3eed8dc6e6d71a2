import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from './errors/validation-error.ts';

/** zod issue codes, renamed to the rule ids a ValidationError carries. */
const RULES: Record<string, string> = {
  too_small: 'minimum',
  too_big: 'maximum',
  invalid_type: 'type',
  invalid_format: 'format',
  invalid_value: 'oneOf',
  unrecognized_keys: 'unknownField',
  not_multiple_of: 'multipleOf',
  // A value of none of the accepted kinds (e.g. an attribute that is not a string, number, boolean or list).
  invalid_union: 'type',
};

/** Turns zod issues into ValidationIssues; a custom refinement names its rule with `params: { rule }`. */
export function toValidationIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): ValidationIssue[] {
  const fieldOf = (path: readonly PropertyKey[]) =>
    [prefix, path.map(String).join('.')].filter(Boolean).join('.') || '(input)';
  return issues.flatMap((issue): ValidationIssue[] => {
    // zod reports unknown keys on the parent object; the caller needs the name of the field it got wrong.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: fieldOf([...issue.path, key]),
        rule: 'unknownField',
        message: 'is not a known field',
      }));
    }
    const field = fieldOf(issue.path);
    const custom =
      issue.code === 'custom' ? (issue.params as { rule?: string } | undefined)?.rule : undefined;
    const format = issue.code === 'invalid_format' ? issue.format : undefined;
    return [{ field, rule: custom ?? format ?? RULES[issue.code] ?? issue.code, message: issue.message }];
  });
}

/**
 * Parses an input with its schema, or throws a ValidationError naming every broken field and rule.
 * Nothing goes on the wire before this passes.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(toValidationIssues(result.error.issues, prefix));
  return result.data;
}
