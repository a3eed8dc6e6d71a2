import { Box, Text } from 'ink';
import { Checklist } from '../components/checklist.tsx';
import { FormView } from '../components/form-view.tsx';
import { useT } from '../i18n/index.tsx';
import { fieldValue } from '../state/form.ts';
import { checkPassword, PANEL_RULES } from '../state/password-check.ts';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** A mailbox owner changes their own password. */
export function ChangeMyPasswordView({ screen }: ViewPropsOf<'changeMyPassword'>) {
  const t = useT();
  const checks = checkPassword(
    PANEL_RULES,
    fieldValue(screen.form, 'password'),
    fieldValue(screen.form, 'repeat'),
  );
  return (
    <Box flexDirection="column">
      <Text bold>{t('changeMyPassword.title')}</Text>
      <Busy screen={screen} />
      <FormView form={screen.form} />
      <Checklist checks={checks} />
    </Box>
  );
}
