import { is } from '../../keys/bindings.ts';
import type { Profile } from '../../services/types.ts';
import { LIST_START, type ListState, listKey, withListKeys } from '../list.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';
import { profileAddScreen } from './profile-add.ts';

/** Saved profiles: list, add, delete (with a y/N question). */
export interface ProfilesScreen extends ScreenBase {
  readonly kind: 'profiles';
  readonly rows: readonly Profile[] | null;
  readonly list: ListState;
  /** The profile whose deletion waits for `y`. */
  readonly confirmDelete: string | null;
}

/** The profiles list, loading. */
export function profilesScreen(): ProfilesScreen {
  return { kind: 'profiles', ...base({ op: 'profiles' }), rows: null, list: LIST_START, confirmDelete: null };
}

export const profilesLogic: ScreenLogic<ProfilesScreen> = {
  onKey(s, key, ctx) {
    if (s.confirmDelete !== null) {
      if (is(key, 'yes'))
        return stay({
          ...withRequest(s, { op: 'deleteProfile', name: s.confirmDelete }),
          confirmDelete: null,
        });
      return stay({ ...s, confirmDelete: null });
    }
    const rows = s.rows ?? [];
    const moved = listKey(s.list, key, rows.length, ctx.page);
    if (moved) return stay({ ...s, list: moved });
    if (is(key, 'back')) return { screen: s, nav: { type: 'pop' } };
    if (is(key, 'newItem'))
      return { screen: s, nav: { type: 'push', screen: profileAddScreen(ctx.env.lang) } };
    const row = rows[s.list.cursor];
    if (is(key, 'deleteItem') && row) return stay({ ...s, confirmDelete: row.name, message: null });
    return stay(s);
  },
  onLoaded(s, data) {
    if (data.kind !== 'profiles') return stay(s);
    return stay({
      ...s,
      rows: data.rows,
      list: { cursor: Math.min(s.list.cursor, Math.max(0, data.rows.length - 1)), top: 0 },
    });
  },
  reload: (s) => withRequest(s, { op: 'profiles' }),
  footer: (s) =>
    s.confirmDelete !== null ? ['yes', 'cancel'] : ['up', 'down', 'newItem', 'deleteItem', 'back'],
  keys: (s) => (s.confirmDelete !== null ? profilesLogic.footer(s) : withListKeys(profilesLogic.footer(s))),
};
