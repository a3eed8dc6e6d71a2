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
};

/** Turns zod issues into ValidationIssues; a custom refinement names its rule with `params: { rule }`. */
export function toValidationIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): ValidationIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const field = [prefix, path].filter(Boolean).join('.') || '(input)';
    const custom =
      issue.code === 'custom' ? (issue.params as { rule?: string } | undefined)?.rule : undefined;
    const format = issue.code === 'invalid_format' ? issue.format : undefined;
    return { field, rule: custom ?? format ?? RULES[issue.code] ?? issue.code, message: issue.message };
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
