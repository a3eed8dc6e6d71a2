import { Box, Text } from 'ink';
import { FormView } from '../components/form-view.tsx';
import { useT } from '../i18n/index.tsx';
import { theme } from '../theme.ts';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** Props of {@link PecLoginView}. */
export interface PecLoginViewProps extends ViewPropsOf<'pecLogin'> {
  readonly demo: boolean;
}

/** The postmaster login of the PEC panel. */
export function PecLoginView({ screen, demo }: PecLoginViewProps) {
  const t = useT();
  return (
    <Box flexDirection="column">
      <Text bold>{t('pecLogin.title')}</Text>
      {demo ? <Text color={theme.muted}>{t('pecLogin.demoHint')}</Text> : null}
      <Busy screen={screen} />
      <FormView form={screen.form} />
    </Box>
  );
}
