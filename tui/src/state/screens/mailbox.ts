import type { MessageKey } from '../../i18n/catalogue.ts';
import { is } from '../../keys/bindings.ts';
import type { MailboxDetail } from '../../services/types.ts';
import { MENU_FOOTER, menuKey } from '../menu.ts';
import { infoMessage, successMessage } from '../message.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';
import { aliasesScreen } from './aliases.ts';
import { changeTypeScreen } from './change-type.ts';
import { deleteMailboxScreen } from './delete-mailbox.ts';
import { editUserScreen } from './edit-user.ts';
import { forwardingScreen } from './forwarding.ts';
import { quotaScreen } from './quota.ts';
import { renameAddressScreen } from './rename-address.ts';
import { resetPasswordScreen } from './reset-password.ts';

/** A status change the Mailbox screen offers, and the `zimbraAccountStatus` it sets. */
type StatusAction = 'lock' | 'unlock' | 'close' | 'reactivate';
const STATUS_OF: Readonly<Record<StatusAction, 'active' | 'locked' | 'closed'>> = {
  lock: 'locked',
  unlock: 'active',
  close: 'closed',
  reactivate: 'active',
};

/** Every action of the Mailbox screen. */
export type MailboxAction =
  | 'edit'
  | 'reset'
  | 'quota'
  | 'type'
  | 'rename'
  | 'aliases'
  | 'forwarding'
  | StatusAction
  | 'delete';

/** One mailbox: its detail and the actions on it. */
export interface MailboxScreen extends ScreenBase {
  readonly kind: 'mailbox';
  readonly domain: string;
  readonly address: string;
  readonly cursor: number;
  readonly detail: MailboxDetail | null;
  /** The status change waiting for y. */
  readonly confirm: StatusAction | null;
  /** The status change on its way to the server. */
  readonly changing: StatusAction | null;
}

/** The label of each action. */
export const MAILBOX_ACTION_LABEL: Readonly<Record<MailboxAction, MessageKey>> = {
  edit: 'mailbox.edit',
  reset: 'mailbox.reset',
  quota: 'mailbox.quota',
  type: 'mailbox.type',
  rename: 'mailbox.rename',
  aliases: 'mailbox.aliases',
  forwarding: 'mailbox.forwarding',
  lock: 'mailbox.lock',
  unlock: 'mailbox.unlock',
  close: 'mailbox.close',
  reactivate: 'mailbox.reactivate',
  delete: 'mailbox.delete',
};

/** The actions the mailbox's status allows, in menu order; the status ones follow `zimbraAccountStatus`. */
export function mailboxActions(s: MailboxScreen): readonly MailboxAction[] {
  const status = s.detail?.status;
  const lifecycle: StatusAction[] =
    status === 'active'
      ? ['lock', 'close']
      : status === 'locked' || status === 'lockout'
        ? ['unlock', 'close']
        : status === 'closed' || status === 'maintenance' || status === 'pending'
          ? ['reactivate']
          : [];
  return ['edit', 'reset', 'quota', 'type', 'rename', 'aliases', 'forwarding', ...lifecycle, 'delete'];
}

/** The Mailbox screen of `address`, loading its detail. */
export function mailboxScreen(domain: string, address: string): MailboxScreen {
  return {
    kind: 'mailbox',
    ...base({ op: 'mailboxDetail', address }),
    domain,
    address,
    cursor: 0,
    detail: null,
    confirm: null,
    changing: null,
  };
}

function open(s: MailboxScreen, action: MailboxAction) {
  switch (action) {
    case 'edit':
      return { screen: s, nav: { type: 'push', screen: editUserScreen(s.address) } } as const;
    case 'reset':
      return { screen: s, nav: { type: 'push', screen: resetPasswordScreen(s.address) } } as const;
    case 'quota':
      return { screen: s, nav: { type: 'push', screen: quotaScreen(s.address) } } as const;
    case 'type':
      return {
        screen: s,
        nav: { type: 'push', screen: changeTypeScreen(s.domain, s.address, s.detail?.type ?? '') },
      } as const;
    case 'rename':
      return { screen: s, nav: { type: 'push', screen: renameAddressScreen(s.domain, s.address) } } as const;
    case 'aliases':
      return { screen: s, nav: { type: 'push', screen: aliasesScreen(s.domain, s.address) } } as const;
    case 'forwarding':
      return {
        screen: s,
        nav: {
          type: 'push',
          screen: forwardingScreen(s.address, s.detail?.forwardTo ?? [], s.detail?.forwardingAllowed ?? true),
        },
      } as const;
    case 'delete':
      return { screen: s, nav: { type: 'push', screen: deleteMailboxScreen(s.address) } } as const;
    default:
      // Status changes ask first: a locked or closed mailbox stops receiving or sending at once.
      return stay({
        ...s,
        confirm: action,
        message: infoMessage(`mailbox.confirm.${action}`, { address: s.address }),
      });
  }
}

export const mailboxLogic: ScreenLogic<MailboxScreen> = {
  onKey(s, key) {
    if (s.confirm) {
      const action = s.confirm;
      if (!is(key, 'yes')) return stay({ ...s, confirm: null, message: null });
      const req = { op: 'setStatus', address: s.address, status: STATUS_OF[action] } as const;
      return stay({ ...withRequest(s, req), confirm: null, changing: action });
    }
    const actions = mailboxActions(s);
    const move = menuKey(s.cursor, key, actions.length);
    if (move === 'back') return { screen: s, nav: { type: 'pop' } };
    if (move === null) return stay(s);
    if (move !== 'open') return stay({ ...s, cursor: move.cursor });
    const action = actions[s.cursor];
    return action ? open(s, action) : stay(s);
  },
  onLoaded(s, data) {
    if (data.kind === 'mailboxDetail') {
      const detail = data.detail;
      const next = { ...s, detail };
      // The status adds or removes lifecycle entries: the cursor stays on the action it was on, so a key
      // pressed while the detail loaded (G to Delete) still means what the user saw.
      const before = mailboxActions(s)[s.cursor];
      const after = mailboxActions(next);
      const kept = before === undefined ? -1 : after.indexOf(before);
      return stay({ ...next, cursor: kept >= 0 ? kept : Math.min(s.cursor, after.length - 1) });
    }
    if (data.kind === 'done' && s.changing) {
      // The status changed: the detail reloads here and the list below shows the new status when back.
      const message = successMessage(`mailbox.done.${s.changing}`, { address: s.address });
      return { screen: { ...s, changing: null }, nav: { type: 'changed', message } };
    }
    return stay(s);
  },
  reload: (s) => withRequest(s, { op: 'mailboxDetail', address: s.address }),
  footer: () => MENU_FOOTER,
};
