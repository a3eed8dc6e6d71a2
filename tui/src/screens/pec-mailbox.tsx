import { Box, Text } from 'ink';
import { Menu } from '../components/menu.tsx';
import { formatBytes } from '../format.ts';
import { useLang, useT } from '../i18n/index.tsx';
import { disabledReason, PEC_MAILBOX_ITEMS } from '../state/screens/pec-mailbox.ts';
import { Busy } from './busy.tsx';
import { statusWord } from './status-word.ts';
import type { ViewPropsOf } from './view-props.ts';

/** One PEC mailbox: details and the actions, disabled with the reason where the server says so. */
export function PecMailboxView({ screen }: ViewPropsOf<'pecMailbox'>) {
  const t = useT();
  const lang = useLang();
  const m = screen.mailbox;
  return (
    <Box flexDirection="column">
      <Text bold>{screen.address}</Text>
      <Busy screen={screen} />
      {m ? (
        <Box flexDirection="column">
          <Text>
            {t('col.status')}: {statusWord(t, m.status)}
          </Text>
          <Text>
            {t('col.role')}: {m.role === 'postmaster' ? 'postmaster' : t('pec.roleUser')}
          </Text>
          <Text>
            {t('col.quota')}: {formatBytes(m.usedBytes, lang)} / {formatBytes(m.limitBytes, lang)}
          </Text>
        </Box>
      ) : null}
      <Box marginTop={1}>
        <Menu
          items={PEC_MAILBOX_ITEMS.map((i) => {
            const reason = m ? disabledReason(m, i.id) : null;
            return { label: t(i.label), disabled: reason ? t('pec.disabled', { reason }) : null };
          })}
          cursor={screen.cursor}
        />
      </Box>
    </Box>
  );
}
