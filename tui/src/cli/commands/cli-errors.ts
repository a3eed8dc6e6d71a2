import type { MessageKey, MessageParams } from './messages.ts';

/** The command line itself is wrong (exit 2): unknown verb or flag, missing argument. */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly key: MessageKey;
  readonly params: MessageParams;
  /** The command path whose help to point at, e.g. `accounts create`. */
  readonly helpFor: string;

  constructor(key: MessageKey, params: MessageParams = {}, helpFor = '') {
    super(key);
    this.key = key;
    this.params = params;
    this.helpFor = helpFor;
  }
}

/** Input refused by casella before anything went on the wire (exit 4): a missing confirmation, a bad size. */
export class InputRefused extends Error {
  override name = 'InputRefused';
  readonly key: MessageKey;
  readonly params: MessageParams;
  /** Stable code for `--json` output, e.g. `CONFIRMATION_REQUIRED`. */
  readonly code: string;

  constructor(code: string, key: MessageKey, params: MessageParams = {}) {
    super(key);
    this.code = code;
    this.key = key;
    this.params = params;
  }
}

/** Logging in failed (exit 5, or 6 when the cause is the connection). */
export class LoginFailed extends Error {
  override name = 'LoginFailed';
  readonly url: string;

  constructor(url: string, cause: unknown) {
    super('login failed', { cause });
    this.url = url;
  }
}
