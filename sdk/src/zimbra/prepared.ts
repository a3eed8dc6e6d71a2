import type { XmlBody } from './envelope.ts';
import type { Operation } from './operations.ts';
import type { AdminSession, CallOptions } from './session.ts';

/**
 * A validated request, ready to go alone or inside a batch: the operation, its body, and the
 * secrets it carries (redacted from any fault that echoes them).
 */
export interface Prepared<T> {
  readonly op: Operation<T>;
  readonly body: XmlBody;
  readonly secrets: readonly string[];
}

/** Sends a prepared request on its own. */
export function send<T>(session: AdminSession, prepared: Prepared<T>, options?: CallOptions): Promise<T> {
  return session.call(prepared.op, prepared.body, prepared.secrets, options);
}
