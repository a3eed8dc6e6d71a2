import type { MessageKey } from '../../i18n/catalogue.ts';
import { is } from '../../keys/bindings.ts';
import type { PecDomainInfo } from '../../services/types.ts';
import { MENU_FOOTER, menuKey } from '../menu.ts';
import { errorMessage, type Message } from '../message.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';
import { pecCreateScreen } from './pec-create.ts';
import { pecOwnPasswordScreen } from './pec-own-password.ts';
import { pecSearchScreen } from './pec-search.ts';

/** The PEC domain of the logged-in postmaster, and its actions. */
export interface PecHomeScreen extends ScreenBase {
  readonly kind: 'pecHome';
  readonly postmaster: string;
  readonly info: PecDomainInfo | null;
  readonly cursor: number;
}

/** Actions of the PEC panel. */
export const PEC_HOME_ITEMS = [
  { id: 'create', label: 'pec.create' },
  { id: 'search', label: 'pec.search' },
  { id: 'ownPassword', label: 'pec.ownPassword' },
  { id: 'logout', label: 'pec.logout' },
] as const satisfies readonly { id: string; label: MessageKey }[];

/** Why an action cannot be used now, or null: Create on a full PEC domain would fail after the form. */
export function pecHomeItemDisabled(
  s: PecHomeScreen,
  id: (typeof PEC_HOME_ITEMS)[number]['id'],
): Message | null {
  const info = s.info;
  if (id === 'create' && info && info.mailboxLimit !== null && info.mailboxCount >= info.mailboxLimit)
    return errorMessage('pec.disabled.full', { count: info.mailboxCount, limit: info.mailboxLimit });
  return null;
}

/** The PEC panel after login, loading the domain. */
export function pecHomeScreen(postmaster: string): PecHomeScreen {
  return { kind: 'pecHome', ...base({ op: 'pecDomain' }), postmaster, info: null, cursor: 0 };
}

export const pecHomeLogic: ScreenLogic<PecHomeScreen> = {
  onKey(s, key) {
    if (s.pending?.req.op === 'pecLogout') return stay(s);
    if (is(key, 'refresh')) return stay(withRequest(s, { op: 'pecDomain' }));
    const move = menuKey(s.cursor, key, PEC_HOME_ITEMS.length);
    if (move === 'back') return { screen: s, nav: { type: 'pop' } };
    if (move === null) return stay(s);
    if (move !== 'open') return stay({ ...s, cursor: move.cursor });
    const id = PEC_HOME_ITEMS[s.cursor]?.id;
    if (id === 'logout') return stay(withRequest(s, { op: 'pecLogout' }));
    if (!s.info) return stay(s);
    const disabled = id ? pecHomeItemDisabled(s, id) : null;
    if (disabled) return stay({ ...s, message: disabled });
    const next =
      id === 'create'
        ? pecCreateScreen(s.info.name)
        : id === 'ownPassword'
          ? pecOwnPasswordScreen(s.postmaster)
          : pecSearchScreen();
    return { screen: s, nav: { type: 'push', screen: next } };
  },
  onLoaded(s, data) {
    if (data.kind === 'pecDomain') return stay({ ...s, info: data.info });
    if (data.kind === 'done') return { screen: s, nav: { type: 'pop' } };
    return stay(s);
  },
  reload: (s) => withRequest(s, { op: 'pecDomain' }),
  footer: () => [...MENU_FOOTER, 'refresh'],
};
