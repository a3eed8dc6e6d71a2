import { Box, Text } from 'ink';
import { FormView } from '../components/form-view.tsx';
import { Paragraph } from '../components/paragraph.tsx';
import { useT } from '../i18n/index.tsx';
import { theme } from '../theme.ts';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** Delete a mailbox after typing its address. */
export function DeleteMailboxView({ screen, width }: ViewPropsOf<'deleteMailbox'>) {
  const t = useT();
  return (
    <Box flexDirection="column">
      <Text bold color={theme.error}>
        {t('delete.title', { address: screen.address })}
      </Text>
      <Paragraph text={t('delete.warning', { address: screen.address })} width={width} />
      <Busy screen={screen} />
      <FormView form={screen.form} />
    </Box>
  );
}
