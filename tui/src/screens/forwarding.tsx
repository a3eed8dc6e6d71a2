import { Box, Text } from 'ink';
import { FormView } from '../components/form-view.tsx';
import { useT } from '../i18n/index.tsx';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** Where a mailbox's mail is forwarded, and whether its owner may forward. */
export function ForwardingView({ screen }: ViewPropsOf<'forwarding'>) {
  const t = useT();
  return (
    <Box flexDirection="column">
      <Text bold>{t('forwarding.title', { address: screen.address })}</Text>
      <Text wrap="wrap">{t('forwarding.hint')}</Text>
      <Busy screen={screen} />
      <Box marginTop={1}>
        <FormView form={screen.form} />
      </Box>
    </Box>
  );
}
