import { is } from '../../keys/bindings.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';

/** Reset a PEC mailbox's password: confirm with y, then the temporary password is shown once. */
export interface PecResetScreen extends ScreenBase {
  readonly kind: 'pecReset';
  readonly localPart: string;
  readonly address: string;
  /** Held only while this screen is open; leaving drops it for good. */
  readonly temporaryPassword: string | null;
}

/** The reset confirmation of a PEC mailbox. */
export function pecResetScreen(localPart: string, address: string): PecResetScreen {
  return { kind: 'pecReset', ...base(), localPart, address, temporaryPassword: null };
}

export const pecResetLogic: ScreenLogic<PecResetScreen> = {
  onKey(s, key) {
    if (s.pending) return stay(s);
    if (s.temporaryPassword !== null) {
      return is(key, 'open') || is(key, 'back') ? { screen: s, nav: { type: 'pop', reload: true } } : stay(s);
    }
    if (is(key, 'yes')) return stay(withRequest(s, { op: 'pecReset', localPart: s.localPart }));
    // Only y confirms; Enter, Esc and anything else cancel.
    if (is(key, 'open') || is(key, 'back') || is(key, 'newItem')) return { screen: s, nav: { type: 'pop' } };
    return stay(s);
  },
  onLoaded: (s, data) =>
    stay(data.kind === 'temporaryPassword' ? { ...s, temporaryPassword: data.password } : s),
  footer: (s) => (s.temporaryPassword === null ? ['yes', 'cancel'] : ['back']),
};
