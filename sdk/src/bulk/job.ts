import type { CasellaError } from '../errors/index.ts';
import type { Account, PasswordPolicy } from '../zimbra/index.ts';
import type { CosIds } from './compare.ts';
import type { OutcomeKind } from './outcomes.ts';
import type { CheckedRow } from './rows.ts';

/** One row on its way through a run. */
export interface Job {
  readonly row: CheckedRow;
  /** The account at the row's address as pre-flight found it. */
  account: Account | undefined;
  /** The row's type and the domain's default, as COS ids. */
  cos: CosIds;
  /** The password rules that apply to the row (its type's, or the account's). */
  policy: PasswordPolicy | undefined;
  /** The password to set: the row's, or one generated (handed to the caller, never journaled). */
  password: string | undefined;
  generated: boolean;
  /** Set `zimbraPasswordMustChange` with the password. */
  readonly mustChange: boolean;
  /** Writes sent so far. */
  attempts: number;
  /** An earlier write may have taken effect (its answer was lost, or a resumed journal says it was sent). */
  uncertain: boolean;
  /** The outcome was settled by reading the directory back. */
  readBack: boolean;
  /** setPassword only: the password is known to be set, only the must-change flag is left. */
  passwordSet: boolean;
}

/** What the engine does next with a job. */
export type Step =
  | {
      readonly kind: 'done';
      readonly outcome: OutcomeKind;
      readonly error?: CasellaError | undefined;
      readonly differences?: readonly string[] | undefined;
    }
  /** The answer does not say whether the write happened: read the directory back. */
  | { readonly kind: 'unclear'; readonly error: CasellaError }
  /** Nothing happened (the server refused before acting): send it again. */
  | { readonly kind: 'retry'; readonly error?: CasellaError | undefined };
