import type { Account } from '../zimbra/index.ts';
import type { CheckedRow } from './rows.ts';

/** The first value of an attribute, whether the SDK hands attributes as a record or a Map. */
export function attrOf(account: Account, name: string): string | undefined {
  const attrs = account.attrs as unknown;
  const v = attrs instanceof Map ? attrs.get(name) : (attrs as Record<string, unknown>)[name];
  if (typeof v === 'string') return v;
  return Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
}

/** The COS ids a row's type and a domain's default resolve to. */
export interface CosIds {
  /** The id of the row's `type`, when it has one. */
  readonly rowCosId: string | undefined;
  /** The COS an account without `zimbraCOSId` has (the domain's default). */
  readonly defaultCosId: string | undefined;
}

/**
 * The row's columns whose values the account does not have. Columns the row leaves empty are not
 * compared, nor is the password (Zimbra never reveals it).
 */
export function differences(row: CheckedRow, account: Account, cos: CosIds): string[] {
  const out: string[] = [];
  if (row.givenName !== undefined && account.givenName !== row.givenName) out.push('givenName');
  if (row.sn !== undefined && account.sn !== row.sn) out.push('sn');
  if (row.displayName !== undefined && account.displayName !== row.displayName) out.push('displayName');
  if (cos.rowCosId !== undefined) {
    const has = (account.cosId ?? cos.defaultCosId)?.toLowerCase();
    if (has !== cos.rowCosId.toLowerCase()) out.push('type');
  }
  if (row.quotaBytes !== undefined && account.quotaBytes !== row.quotaBytes) out.push('quota');
  if (row.status !== undefined && (account.status ?? 'active') !== row.status) out.push('status');
  return out;
}
