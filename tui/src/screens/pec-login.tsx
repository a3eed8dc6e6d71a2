import { Box, Text } from 'ink';
import { FormView } from '../components/form-view.tsx';
import { Paragraph } from '../components/paragraph.tsx';
import { useT } from '../i18n/index.tsx';
import { theme } from '../theme.ts';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** Props of {@link PecLoginView}. */
export interface PecLoginViewProps extends ViewPropsOf<'pecLogin'> {
  /** Demo mode, where the form comes prefilled with the demo postmaster. */
  readonly demo: boolean;
}

/** The postmaster login of the PEC panel. */
export function PecLoginView({ screen, demo, width }: PecLoginViewProps) {
  const t = useT();
  return (
    <Box flexDirection="column">
      <Text bold>{t('pecLogin.title')}</Text>
      {demo ? <Paragraph text={t('pecLogin.demoHint')} width={width} color={theme.muted} /> : null}
      <Busy screen={screen} />
      <FormView form={screen.form} />
    </Box>
  );
}
