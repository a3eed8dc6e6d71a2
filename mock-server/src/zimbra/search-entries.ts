import { createHash } from 'node:crypto';
import type { AttrMap } from './attrs.ts';
import type { Account, Cos, Domain } from './model.ts';

/** One directory entry SearchDirectory may answer, whatever its type. */
export type SearchEntry =
  | { readonly kind: 'account'; readonly name: string; readonly account: Account }
  | { readonly kind: 'calresource'; readonly name: string; readonly account: Account }
  | {
      readonly kind: 'alias';
      readonly name: string;
      readonly id: string;
      readonly target: Account;
      readonly attrs: AttrMap;
    }
  | { readonly kind: 'domain'; readonly name: string; readonly domain: Domain }
  | { readonly kind: 'cos'; readonly name: string; readonly cos: Cos };

/** True for calendar resources (their own search type, `<calresource>`). */
export function isResource(account: Account): boolean {
  return account.attrs.objectClass?.includes('zimbraCalendarResource') === true;
}

/** A stable alias entry id derived from its address (aliases are not stored as entries of their own). */
function aliasId(address: string): string {
  const h = createHash('sha1').update(`alias:${address}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-b${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The alias entry Zimbra keeps for `address` → `target` (objectClass zimbraAlias). */
export function aliasEntry(address: string, target: Account): SearchEntry {
  const id = aliasId(address);
  const [local = ''] = address.split('@');
  return {
    kind: 'alias',
    name: address,
    id,
    target,
    attrs: {
      objectClass: ['zimbraAlias'],
      uid: [local],
      zimbraId: [id],
      zimbraAliasTargetId: [target.id],
      zimbraCreateTimestamp: target.attrs.zimbraCreateTimestamp ?? [],
    },
  };
}
