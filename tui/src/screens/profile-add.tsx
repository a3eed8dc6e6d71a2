import { Box, Text } from 'ink';
import { FormView } from '../components/form-view.tsx';
import { Paragraph } from '../components/paragraph.tsx';
import { useT } from '../i18n/index.tsx';
import { theme } from '../theme.ts';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** Add a profile. */
export function ProfileAddView({ screen, width }: ViewPropsOf<'profileAdd'>) {
  const t = useT();
  return (
    <Box flexDirection="column">
      <Text bold>{t('profileAdd.title')}</Text>
      <Paragraph text={t('profileAdd.noPassword')} width={width} color={theme.muted} />
      <Paragraph text={t('profileAdd.accountUrlHint')} width={width} color={theme.muted} />
      <Busy screen={screen} />
      <FormView form={screen.form} />
    </Box>
  );
}
