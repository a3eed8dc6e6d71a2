import { z } from 'zod';
import { parseInput } from '../validate.ts';

/** Options every PEC call accepts. */
export interface PecCallOptions {
  /**
   * Stops the call at once with AbortedError when it fires (the connection is closed). A write that
   * was already sent may still have happened on the server.
   * @example
   * await pec.mailboxes.get('fatture', { signal: AbortSignal.timeout(2_000) });
   */
  readonly signal?: AbortSignal | undefined;
}

/** An AbortSignal, checked by kind: a look-alike object would never fire. */
export const SignalSchema = z.custom<AbortSignal>((v) => v instanceof AbortSignal, {
  message: 'must be an AbortSignal',
  params: { rule: 'type' },
});

/** A function given as a hook. */
export const FunctionSchema = z.custom<(event: never) => void>((v) => typeof v === 'function', {
  message: 'must be a function',
  params: { rule: 'type' },
});

const CallOptionsSchema = z.strictObject({ signal: SignalSchema.optional() });

/** The caller's signal, after checking the options object (unknown members are refused). */
export function callSignal(options: PecCallOptions | undefined): AbortSignal | undefined {
  return parseInput(CallOptionsSchema, options ?? {}).signal;
}
