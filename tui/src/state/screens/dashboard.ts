import type { MessageKey } from '../../i18n/catalogue.ts';
import { is } from '../../keys/bindings.ts';
import type { DomainDashboard } from '../../services/types.ts';
import { MENU_FOOTER, menuKey } from '../menu.ts';
import { errorMessage, type Message } from '../message.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';
import { buyScreen } from './buy.ts';
import { mailboxesScreen } from './mailboxes.ts';
import { newMailboxScreen } from './new-mailbox.ts';

/** A domain's dashboard: service status, slots per type, quota, and the domain's actions. */
export interface DashboardScreen extends ScreenBase {
  readonly kind: 'dashboard';
  readonly domain: string;
  readonly data: DomainDashboard | null;
  readonly cursor: number;
}

/** Actions offered under the dashboard. */
export const DASHBOARD_ITEMS = [
  { id: 'mailboxes', label: 'dashboard.mailboxes' },
  { id: 'new', label: 'dashboard.newMailbox' },
  { id: 'buy', label: 'dashboard.buy' },
] as const satisfies readonly { id: string; label: MessageKey }[];

/**
 * Why an action cannot be used now, or null. New mailbox on a domain that is not active would fail only
 * after the whole form was filled (Zimbra refuses with PERM_DENIED): it is shown disabled instead.
 */
export function dashboardItemDisabled(
  s: DashboardScreen,
  id: (typeof DASHBOARD_ITEMS)[number]['id'],
): Message | null {
  const status = s.data?.status;
  if (id === 'new' && status !== undefined && status !== 'active')
    return errorMessage('dashboard.disabled.notActive', { status: `status.${status}` });
  return null;
}

/** The dashboard of `domain`, loading. */
export function dashboardScreen(domain: string): DashboardScreen {
  return { kind: 'dashboard', ...base({ op: 'dashboard', domain }), domain, data: null, cursor: 0 };
}

export const dashboardLogic: ScreenLogic<DashboardScreen> = {
  onKey(s, key) {
    if (is(key, 'refresh')) return stay(withRequest(s, { op: 'dashboard', domain: s.domain }));
    const move = menuKey(s.cursor, key, DASHBOARD_ITEMS.length);
    if (move === 'back') return { screen: s, nav: { type: 'pop' } };
    if (move === null) return stay(s);
    if (move !== 'open') return stay({ ...s, cursor: move.cursor });
    const id = DASHBOARD_ITEMS[s.cursor]?.id;
    const disabled = id ? dashboardItemDisabled(s, id) : null;
    if (disabled) return stay({ ...s, message: disabled });
    const next =
      id === 'mailboxes'
        ? mailboxesScreen(s.domain)
        : id === 'new'
          ? newMailboxScreen(s.domain)
          : buyScreen(s.domain);
    return { screen: s, nav: { type: 'push', screen: next } };
  },
  onLoaded: (s, data) => stay(data.kind === 'dashboard' ? { ...s, data: data.dashboard } : s),
  reload: (s) => withRequest(s, { op: 'dashboard', domain: s.domain }),
  footer: () => [...MENU_FOOTER, 'refresh'],
};
