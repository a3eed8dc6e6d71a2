import { is } from '../../keys/bindings.ts';
import type { QuotaInfo } from '../../services/types.ts';
import { base, type ScreenBase, type ScreenLogic, stay, withRequest } from '../screen-base.ts';

/** Quota detail of one mailbox. */
export interface QuotaScreen extends ScreenBase {
  readonly kind: 'quota';
  readonly address: string;
  readonly quota: QuotaInfo | null;
}

/** The quota detail of `address`, loading. */
export function quotaScreen(address: string): QuotaScreen {
  return { kind: 'quota', ...base({ op: 'quota', address }), address, quota: null };
}

export const quotaLogic: ScreenLogic<QuotaScreen> = {
  onKey(s, key) {
    if (is(key, 'back') || is(key, 'open')) return { screen: s, nav: { type: 'pop' } };
    if (is(key, 'refresh')) return stay(withRequest(s, { op: 'quota', address: s.address }));
    return stay(s);
  },
  onLoaded: (s, data) => stay(data.kind === 'quota' ? { ...s, quota: data.quota } : s),
  footer: () => ['back', 'refresh'],
};
