import type { MessageKey } from '../../i18n/catalogue.ts';
import type { PecMailboxRow } from '../../services/types.ts';
import { MENU_FOOTER, menuKey } from '../menu.ts';
import { errorMessage } from '../message.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';
import { pecChangePasswordScreen } from './pec-change-password.ts';
import { pecDeleteScreen } from './pec-delete.ts';
import { pecResetScreen } from './pec-reset.ts';

/** One PEC mailbox and the actions the server allows on it. */
export interface PecMailboxScreen extends ScreenBase {
  readonly kind: 'pecMailbox';
  readonly localPart: string;
  readonly address: string;
  readonly mailbox: PecMailboxRow | null;
  readonly cursor: number;
}

/** Actions on a PEC mailbox, each tied to the capability that allows it. */
export const PEC_MAILBOX_ITEMS = [
  { id: 'changePassword', label: 'pec.changePassword' },
  { id: 'resetPassword', label: 'pec.resetPassword' },
  { id: 'delete', label: 'pec.delete' },
] as const satisfies readonly { id: 'changePassword' | 'resetPassword' | 'delete'; label: MessageKey }[];

/** Why an action is disabled, or null when the server allows it. */
export function disabledReason(
  mailbox: PecMailboxRow,
  id: (typeof PEC_MAILBOX_ITEMS)[number]['id'],
): MessageKey | null {
  if (mailbox.capabilities[id]) return null;
  if (mailbox.role === 'postmaster') return 'pec.reason.postmaster';
  if (mailbox.status !== 'active') return 'pec.reason.notActive';
  return 'pec.reason.notAllowed';
}

/** The PEC mailbox screen, loading the mailbox. */
export function pecMailboxScreen(localPart: string, address: string): PecMailboxScreen {
  return {
    kind: 'pecMailbox',
    ...base({ op: 'pecGet', localPart }),
    localPart,
    address,
    mailbox: null,
    cursor: 0,
  };
}

export const pecMailboxLogic: ScreenLogic<PecMailboxScreen> = {
  onKey(s, key) {
    const move = menuKey(s.cursor, key, PEC_MAILBOX_ITEMS.length);
    if (move === 'back') return { screen: s, nav: { type: 'pop' } };
    if (move === null) return stay(s);
    if (move !== 'open') return stay({ ...s, cursor: move.cursor });
    const item = PEC_MAILBOX_ITEMS[s.cursor];
    if (!s.mailbox || !item) return stay(s);
    const reason = disabledReason(s.mailbox, item.id);
    // A disabled action does nothing but say why.
    if (reason) return stay({ ...s, message: errorMessage(reason) });
    const next =
      item.id === 'changePassword'
        ? pecChangePasswordScreen(s.localPart, s.address)
        : item.id === 'resetPassword'
          ? pecResetScreen(s.localPart, s.address)
          : pecDeleteScreen(s.localPart, s.address);
    return { screen: s, nav: { type: 'push', screen: next } };
  },
  onLoaded: (s, data) => stay(data.kind === 'pecMailbox' ? { ...s, mailbox: data.mailbox } : s),
  reload: (s) => withRequest(s, { op: 'pecGet', localPart: s.localPart }),
  footer: () => MENU_FOOTER,
};
