/**
 * Exit codes of `casella <group> <verb>`, documented in docs/cli.md. Distinct per cause so a script can
 * tell "fix the input" from "retry later" from "check the password".
 */
export const EXIT = {
  /** Everything done. */
  ok: 0,
  /** The backend refused or failed the operation (its code is printed). */
  failed: 1,
  /** Bad command line: unknown group, verb or flag, missing argument. */
  usage: 2,
  /** Some rows or items done, some not (import, per-row outcomes). */
  partial: 3,
  /** Input refused before anything was sent: validation, pre-flight, capacity, missing confirmation. */
  refused: 4,
  /** Login failed or the session was refused. */
  auth: 5,
  /** The server could not be reached, or it did not answer in time. */
  connection: 6,
  /** Stopped by Ctrl+C or SIGTERM. */
  interrupted: 130,
} as const;

/** One of the {@link EXIT} codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
