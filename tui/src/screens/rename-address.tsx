import { Box, Text } from 'ink';
import { FormView } from '../components/form-view.tsx';
import { useT } from '../i18n/index.tsx';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** Rename a mailbox's address inside its domain. */
export function RenameAddressView({ screen }: ViewPropsOf<'renameAddress'>) {
  const t = useT();
  return (
    <Box flexDirection="column">
      <Text bold>{t('rename.title', { address: screen.address })}</Text>
      <Text wrap="wrap">{t('rename.hint')}</Text>
      <Busy screen={screen} />
      <Box marginTop={1}>
        <FormView form={screen.form} />
      </Box>
    </Box>
  );
}
