import type { MessageKey } from '../../i18n/catalogue.ts';
import { MENU_FOOTER, menuKey } from '../menu.ts';
import { base, type ScreenBase, type ScreenLogic, stay } from '../screen-base.ts';
import { deleteMailboxScreen } from './delete-mailbox.ts';
import { editUserScreen } from './edit-user.ts';
import { quotaScreen } from './quota.ts';
import { resetPasswordScreen } from './reset-password.ts';

/** The actions on one mailbox. */
export interface MailboxScreen extends ScreenBase {
  readonly kind: 'mailbox';
  readonly domain: string;
  readonly address: string;
  readonly cursor: number;
}

/** Actions offered on a mailbox. */
export const MAILBOX_ITEMS = [
  { id: 'edit', label: 'mailbox.edit' },
  { id: 'reset', label: 'mailbox.reset' },
  { id: 'quota', label: 'mailbox.quota' },
  { id: 'delete', label: 'mailbox.delete' },
] as const satisfies readonly { id: string; label: MessageKey }[];

/** The actions menu of `address`. */
export function mailboxScreen(domain: string, address: string): MailboxScreen {
  return { kind: 'mailbox', ...base(), domain, address, cursor: 0 };
}

export const mailboxLogic: ScreenLogic<MailboxScreen> = {
  onKey(s, key) {
    const move = menuKey(s.cursor, key, MAILBOX_ITEMS.length);
    if (move === 'back') return { screen: s, nav: { type: 'pop' } };
    if (move === null) return stay(s);
    if (move !== 'open') return stay({ ...s, cursor: move.cursor });
    const id = MAILBOX_ITEMS[s.cursor]?.id;
    const next =
      id === 'edit'
        ? editUserScreen(s.address)
        : id === 'reset'
          ? resetPasswordScreen(s.address)
          : id === 'quota'
            ? quotaScreen(s.address)
            : deleteMailboxScreen(s.address);
    return { screen: s, nav: { type: 'push', screen: next } };
  },
  footer: () => MENU_FOOTER,
};
