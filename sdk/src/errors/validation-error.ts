import { CasellaError } from './casella-error.ts';

/** One broken rule of one input field. */
export interface ValidationIssue {
  /** Dotted path of the field, e.g. `password` or `attrs.zimbraMailQuota`. */
  readonly field: string;
  /** Short rule id, e.g. `minLength`, `requireDigit`, `email`, `integer`. */
  readonly rule: string;
  /** A sentence for humans; never contains the value when the field is secret. */
  readonly message: string;
}

/**
 * An input was refused before anything went on the wire. `field` and `rule` name the first
 * broken rule; `issues` lists every one.
 */
export class ValidationError extends CasellaError {
  /** Always `'ValidationError'`. */
  override name = 'ValidationError';
  /** The field of the first broken rule, e.g. `password`. */
  readonly field: string;
  /** The first broken rule, e.g. `minLength`. */
  readonly rule: string;
  /** Every broken rule of every field. */
  readonly issues: readonly ValidationIssue[];

  /** Made from every issue found; the first names `field` and `rule`. */
  constructor(issues: readonly ValidationIssue[]) {
    const first = issues[0] ?? { field: '(input)', rule: 'invalid', message: 'invalid input' };
    super('VALIDATION', issues.map((i) => `${i.field}: ${i.message} (${i.rule})`).join('; '));
    this.field = first.field;
    this.rule = first.rule;
    this.issues = issues;
  }

  /** The error's fields as plain JSON, without the cause chain. */
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field, rule: this.rule, issues: this.issues };
  }
}
