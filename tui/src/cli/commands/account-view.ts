import type { Account, ZimbraAdmin } from '@casella/sdk';
import { isZimbraFault } from '@casella/sdk';

/** An account as the command line prints it (`--json` and tables): no secret, the type by name. */
export interface AccountView {
  readonly address: string;
  readonly id: string;
  readonly givenName: string | null;
  readonly sn: string | null;
  readonly displayName: string | null;
  readonly status: string | null;
  /** COS name (the panel's mailbox type); null = the domain's default. */
  readonly type: string | null;
  readonly quotaBytes: number | null;
  readonly createdAt: string | null;
}

/** COS id → name, read once; a domain admin without `listCos` gets an empty map and sees ids. */
export async function cosNames(admin: ZimbraAdmin): Promise<Map<string, string>> {
  try {
    return new Map((await admin.cos.list()).map((c) => [c.id, c.name]));
  } catch (error) {
    if (isZimbraFault(error, 'service.PERM_DENIED')) return new Map();
    throw error;
  }
}

/** Maps an SDK account to its printed form. */
export function accountView(a: Account, names: ReadonlyMap<string, string>): AccountView {
  return {
    address: a.name,
    id: a.id,
    givenName: a.givenName ?? null,
    sn: a.sn ?? null,
    displayName: a.displayName ?? null,
    status: a.status ?? null,
    type: a.cosId === undefined ? null : (names.get(a.cosId) ?? a.cosId),
    quotaBytes: a.quotaBytes ?? null,
    createdAt: a.createdAt?.toISOString() ?? null,
  };
}
