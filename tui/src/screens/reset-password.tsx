import { Box, Text } from 'ink';
import { Checklist } from '../components/checklist.tsx';
import { FormView } from '../components/form-view.tsx';
import { useT } from '../i18n/index.tsx';
import { fieldValue } from '../state/form.ts';
import { checkPassword } from '../state/password-check.ts';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** Reset a mailbox's password with the live checklist of its policy. */
export function ResetPasswordView({ screen }: ViewPropsOf<'resetPassword'>) {
  const t = useT();
  const checks = checkPassword(
    screen.rules ?? {},
    fieldValue(screen.form, 'password'),
    fieldValue(screen.form, 'repeat'),
  );
  return (
    <Box flexDirection="column">
      <Text bold>{t('resetPassword.title', { address: screen.address })}</Text>
      <Busy screen={screen} />
      <FormView form={screen.form} />
      <Checklist checks={checks} />
    </Box>
  );
}
