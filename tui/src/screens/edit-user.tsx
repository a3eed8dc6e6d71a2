import { Box, Text } from 'ink';
import { FormView } from '../components/form-view.tsx';
import { useT } from '../i18n/index.tsx';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** Edit a mailbox holder's first and last name. */
export function EditUserView({ screen }: ViewPropsOf<'editUser'>) {
  const t = useT();
  return (
    <Box flexDirection="column">
      <Text bold>{t('editUser.title', { address: screen.address })}</Text>
      <Busy screen={screen} />
      <FormView form={screen.form} />
    </Box>
  );
}
