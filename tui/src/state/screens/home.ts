import type { MessageKey } from '../../i18n/catalogue.ts';
import { menuKey } from '../menu.ts';
import { base, type ScreenBase, type ScreenLogic, stay } from '../screen-base.ts';
import { activityScreen } from './activity.ts';
import { changeMyPasswordScreen } from './change-my-password.ts';
import { domainsScreen } from './domains.ts';
import { importScreen } from './import.ts';
import { pecLoginScreen } from './pec-login.ts';
import { profilesScreen } from './profiles.ts';

/** The Home menu. */
export interface HomeScreen extends ScreenBase {
  readonly kind: 'home';
  readonly cursor: number;
}

/** Home menu entries in order, with their labels. */
export const HOME_ITEMS = [
  { id: 'domains', label: 'home.domains' },
  { id: 'pec', label: 'home.pec' },
  { id: 'changeMyPassword', label: 'home.changeMyPassword' },
  { id: 'profiles', label: 'home.profiles' },
  { id: 'activity', label: 'home.activity' },
  { id: 'import', label: 'home.import' },
  { id: 'help', label: 'home.help' },
  { id: 'quit', label: 'home.quit' },
] as const satisfies readonly { id: string; label: MessageKey }[];

/** A fresh Home screen. */
export function homeScreen(): HomeScreen {
  return { kind: 'home', ...base(), cursor: 0 };
}

export const homeLogic: ScreenLogic<HomeScreen> = {
  onKey(s, key, ctx) {
    const move = menuKey(s.cursor, key, HOME_ITEMS.length);
    if (move === null || move === 'back') return stay(s);
    if (move !== 'open') return stay({ ...s, cursor: move.cursor });
    switch (HOME_ITEMS[s.cursor]?.id) {
      case 'domains':
        return { screen: s, nav: { type: 'push', screen: domainsScreen() } };
      case 'import':
        return { screen: s, nav: { type: 'push', screen: importScreen() } };
      case 'pec':
        return { screen: s, nav: { type: 'push', screen: pecLoginScreen(ctx.env) } };
      case 'changeMyPassword':
        return { screen: s, nav: { type: 'push', screen: changeMyPasswordScreen() } };
      case 'profiles':
        return { screen: s, nav: { type: 'push', screen: profilesScreen() } };
      case 'activity':
        return { screen: s, nav: { type: 'push', screen: activityScreen() } };
      case 'help':
        return { screen: s, nav: { type: 'help' } };
      default:
        return { screen: s, nav: { type: 'quit' } };
    }
  },
  footer: () => ['up', 'down', 'open', 'help', 'quit'],
};
