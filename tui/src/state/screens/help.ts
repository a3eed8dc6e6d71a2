import { type BindingId, GLOBAL_BINDINGS, is } from '../../keys/bindings.ts';
import { base, type ScreenBase, type ScreenLogic, stay } from '../screen-base.ts';

/** The help screen: the keys of the screen it was opened on, then the global ones. */
export interface HelpScreen extends ScreenBase {
  readonly kind: 'help';
  readonly bindings: readonly BindingId[];
  /** The first help row shown: a list longer than the terminal scrolls (the view keeps it in range). */
  readonly top: number;
}

/** Help for a screen whose footer lists `bindings`. */
export function helpScreen(bindings: readonly BindingId[]): HelpScreen {
  return { kind: 'help', ...base(), bindings, top: 0 };
}

export const helpLogic: ScreenLogic<HelpScreen> = {
  onKey(s, key) {
    if (is(key, 'back') || is(key, 'help') || is(key, 'open')) return { screen: s, nav: { type: 'pop' } };
    // Never past the last binding: the view shows at least one row from `top`.
    const last = s.bindings.length + GLOBAL_BINDINGS.length - 1;
    if (is(key, 'down')) return stay({ ...s, top: Math.min(last, s.top + 1) });
    if (is(key, 'up')) return stay({ ...s, top: Math.max(0, s.top - 1) });
    if (is(key, 'top')) return stay({ ...s, top: 0 });
    return stay(s);
  },
  footer: () => ['up', 'down', 'back'],
};
