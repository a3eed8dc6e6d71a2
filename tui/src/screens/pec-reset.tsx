import { Box, Text } from 'ink';
import { Paragraph } from '../components/paragraph.tsx';
import { useT } from '../i18n/index.tsx';
import { theme } from '../theme.ts';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** Reset confirmation, then the temporary password shown this once. */
export function PecResetView({ screen, width }: ViewPropsOf<'pecReset'>) {
  const t = useT();
  return (
    <Box flexDirection="column">
      <Text bold>{t('pecReset.title', { address: screen.address })}</Text>
      <Busy screen={screen} />
      {screen.temporaryPassword === null ? (
        <Paragraph text={t('pecReset.question', { address: screen.address })} width={width} />
      ) : (
        <Box flexDirection="column">
          <Text color={theme.success}>{t('pecReset.done', { address: screen.address })}</Text>
          <Text>
            {t('pecReset.temporary')}: <Text bold>{screen.temporaryPassword}</Text>
          </Text>
          <Paragraph text={t('pecReset.once')} width={width} color={theme.warning} />
        </Box>
      )}
    </Box>
  );
}
