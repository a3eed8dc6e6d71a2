import { Box, Text } from 'ink';
import { Menu } from '../components/menu.tsx';
import { formatBytes, formatPercent } from '../format.ts';
import { useLang, useT } from '../i18n/index.tsx';
import type { MailboxDetail } from '../services/types.ts';
import { MAILBOX_ACTION_LABEL, mailboxActions } from '../state/screens/mailbox.ts';
import { Busy } from './busy.tsx';
import { statusWord } from './status-word.ts';
import type { ViewPropsOf } from './view-props.ts';

const DETAIL_LINES = 5;

/** One mailbox: its detail (name, type, status, quota, aliases, forwarding, dates) and the actions on it. */
export function MailboxView({ screen, height }: ViewPropsOf<'mailbox'>) {
  const t = useT();
  // The title, five detail lines and the blank line before the menu; the menu scrolls in the rest.
  const menuRows = Math.max(3, height - DETAIL_LINES - 2);
  return (
    <Box flexDirection="column">
      <Text bold>{screen.address}</Text>
      {screen.detail ? <Detail detail={screen.detail} /> : <Busy screen={screen} />}
      <Box marginTop={1}>
        <Menu
          items={mailboxActions(screen).map((a) => ({ label: t(MAILBOX_ACTION_LABEL[a]) }))}
          cursor={screen.cursor}
          rows={menuRows}
        />
      </Box>
    </Box>
  );
}

function Detail({ detail: d }: { readonly detail: MailboxDetail }) {
  const t = useT();
  const lang = useLang();
  const none = t('detail.none');
  const used = d.usedBytes === null ? '?' : formatBytes(d.usedBytes, lang);
  const quota =
    d.limitBytes > 0
      ? t('detail.quotaOf', {
          used,
          limit: formatBytes(d.limitBytes, lang),
          percent: d.usedBytes === null ? '?' : formatPercent(d.usedBytes, d.limitBytes, lang),
        })
      : t('detail.quotaUnlimited', { used });
  const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        {t('detail.name')}: {d.name || none} · {t('detail.type')}: {d.type} · {t('detail.status')}:{' '}
        {statusWord(t, d.status)}
      </Text>
      <Text wrap="truncate-end">
        {t('detail.quota')}: {quota}
      </Text>
      <Text wrap="truncate-end">
        {t('detail.aliases')}: {d.aliases.length > 0 ? d.aliases.join(', ') : none}
      </Text>
      <Text wrap="truncate-end">
        {t('detail.forwarding')}: {d.forwardTo.length > 0 ? d.forwardTo.join(', ') : none}
        {d.forwardingAllowed ? '' : ` (${t('detail.forwardingOff')})`}
      </Text>
      <Text wrap="truncate-end">
        {t('detail.created')}: {day(d.createdAt) ?? '?'} · {t('detail.lastLogin')}:{' '}
        {day(d.lastLogin) ?? t('detail.never')}
      </Text>
    </Box>
  );
}
