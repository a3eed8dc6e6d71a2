import { faults } from './fault.ts';
import type { Account } from './model.ts';

/** Who sent a request, from a valid auth token. */
export interface Caller {
  readonly account: Account;
  /** `global`: zimbraIsAdminAccount; `delegated`: a domain admin acting through granted rights; `user`: no admin. */
  readonly kind: 'global' | 'delegated' | 'user';
}

// Stock combos from zimbra-rights-domainadmin.xml (the subset this emulator's operations check).
const COMBOS: Readonly<Record<string, readonly string[]>> = {
  domainAdminRights: [
    'createAccount',
    'deleteAccount',
    'renameAccount',
    'getAccount',
    'getAccountInfo',
    'listAccount',
    'modifyAccount',
    'setAccountPassword',
    'getMailboxInfo',
    'countAccount',
    'getDomain',
    'listDomain',
    'setDomainAdminAccountAndCalendarResourceAttrs',
    'addAccountAlias',
    'removeAccountAlias',
    'createAlias',
    'deleteAlias',
    'listAlias',
    'adminLoginAs',
  ],
};

type TargetType = 'domain' | 'cos';

/** Rights granted to delegated admins, keyed by grantee account id. */
export class Grants {
  readonly #grants = new Map<string, Map<string, Set<string>>>();

  /** Grants `right` (or a stock combo) on a target. */
  add(granteeId: string, type: TargetType, targetId: string, right: string): void {
    let byTarget = this.#grants.get(granteeId);
    if (byTarget === undefined) {
      byTarget = new Map();
      this.#grants.set(granteeId, byTarget);
    }
    const key = `${type}:${targetId}`;
    const rights = byTarget.get(key) ?? new Set<string>();
    for (const r of COMBOS[right] ?? [right]) rights.add(r);
    byTarget.set(key, rights);
  }

  hasAny(granteeId: string): boolean {
    return this.#grants.has(granteeId);
  }

  has(granteeId: string, type: TargetType, targetId: string, right: string): boolean {
    return this.#grants.get(granteeId)?.get(`${type}:${targetId}`)?.has(right) === true;
  }

  clear(): void {
    this.#grants.clear();
  }
}

/** True when the caller holds `right` on the target: global admins hold every right. */
export function can(
  grants: Grants,
  caller: Caller,
  type: TargetType,
  targetId: string,
  right: string,
): boolean {
  if (caller.kind === 'global') return true;
  if (caller.kind === 'user') return false;
  return grants.has(caller.account.id, type, targetId, right);
}

/** Refuses with `service.PERM_DENIED "need right: <right> for <type> <name>"` unless the caller holds it. */
export function requireRight(
  grants: Grants,
  caller: Caller,
  type: TargetType,
  target: { readonly id: string; readonly name: string },
  right: string,
): void {
  if (!can(grants, caller, type, target.id, right)) {
    throw faults.permDenied(`need right: ${right} for ${type} ${target.name}`);
  }
}
