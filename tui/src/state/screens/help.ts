import { type BindingId, is } from '../../keys/bindings.ts';
import { base, type ScreenBase, type ScreenLogic, stay } from '../screen-base.ts';

/** The help screen: the keys of the screen it was opened on, then the global ones. */
export interface HelpScreen extends ScreenBase {
  readonly kind: 'help';
  readonly bindings: readonly BindingId[];
}

/** Help for a screen whose footer lists `bindings`. */
export function helpScreen(bindings: readonly BindingId[]): HelpScreen {
  return { kind: 'help', ...base(), bindings };
}

export const helpLogic: ScreenLogic<HelpScreen> = {
  onKey: (s, key) =>
    is(key, 'back') || is(key, 'help') || is(key, 'open') ? { screen: s, nav: { type: 'pop' } } : stay(s),
  footer: () => ['back'],
};
