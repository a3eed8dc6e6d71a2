import { Box, Text } from 'ink';
import { Checklist } from '../components/checklist.tsx';
import { FormView } from '../components/form-view.tsx';
import { useT } from '../i18n/index.tsx';
import { fieldValue } from '../state/form.ts';
import { checkPassword } from '../state/password-check.ts';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** Create a PEC mailbox with the live checklist of the PEC policy. */
export function PecCreateView({ screen }: ViewPropsOf<'pecCreate'>) {
  const t = useT();
  const checks = checkPassword(
    screen.rules ?? {},
    fieldValue(screen.form, 'password'),
    fieldValue(screen.form, 'repeat'),
  );
  return (
    <Box flexDirection="column">
      <Text bold>{t('pecCreate.title', { domain: screen.domain })}</Text>
      <Busy screen={screen} />
      <FormView form={screen.form} />
      <Checklist checks={checks} />
    </Box>
  );
}
