import { Box, Text } from 'ink';
import { Menu } from '../components/menu.tsx';
import { useT } from '../i18n/index.tsx';
import { PEC_HOME_ITEMS, pecHomeItemDisabled } from '../state/screens/pec-home.ts';
import { theme } from '../theme.ts';
import { Busy } from './busy.tsx';
import { statusWord } from './status-word.ts';
import type { ViewPropsOf } from './view-props.ts';

/** The PEC domain and its actions. */
export function PecHomeView({ screen }: ViewPropsOf<'pecHome'>) {
  const t = useT();
  const info = screen.info;
  return (
    <Box flexDirection="column">
      <Text bold>{t('pecHome.title', { domain: info?.name ?? '' })}</Text>
      <Text color={theme.muted}>{t('pecHome.postmaster', { address: screen.postmaster })}</Text>
      <Busy screen={screen} />
      {info ? (
        <Text>
          {t('pecHome.status', { status: statusWord(t, info.status) })}{' '}
          {info.mailboxLimit === null
            ? t('pecHome.countUnlimited', { count: info.mailboxCount })
            : t('pecHome.count', { count: info.mailboxCount, limit: info.mailboxLimit })}
        </Text>
      ) : null}
      <Box marginTop={1}>
        <Menu
          items={PEC_HOME_ITEMS.map((i) => {
            const why = pecHomeItemDisabled(screen, i.id);
            return {
              label: t(i.label),
              disabled: why ? t('menu.disabledBecause', { reason: t(why.key, why.params) }) : null,
            };
          })}
          cursor={screen.cursor}
        />
      </Box>
    </Box>
  );
}
