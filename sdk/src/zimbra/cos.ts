import { parseInput } from '../validate.ts';
import { CosRef } from './inputs.ts';
import type { Lookups } from './lookups.ts';
import { OPERATIONS } from './operations.ts';
import type { Cos } from './schemas.ts';
import type { AdminSession, CallOptions } from './session.ts';

/** Class-of-service operations: `admin.cos`. */
export class ClassesOfService {
  readonly #session: AdminSession;
  readonly #lookups: Lookups;

  constructor(session: AdminSession, lookups: Lookups) {
    this.#session = session;
    this.#lookups = lookups;
  }

  /**
   * Every COS (the panel's mailbox types).
   * @throws ZimbraFault `service.PERM_DENIED` (needs `listCos`).
   * @example
   * const types = (await admin.cos.list()).map((c) => c.name); // ['default', 'Professional', 'Standard']
   */
  async list(options: CallOptions = {}): Promise<Cos[]> {
    return this.#session.call(OPERATIONS.getAllCos, {}, [], options);
  }

  /**
   * One COS by name or id (cached briefly).
   * @throws ZimbraFault `account.NO_SUCH_COS`, `service.PERM_DENIED`.
   * @example
   * const pro = await admin.cos.get('Professional');
   */
  async get(ref: string, options: CallOptions = {}): Promise<Cos> {
    return this.#lookups.cos(parseInput(CosRef, ref, 'ref'), options);
  }
}
