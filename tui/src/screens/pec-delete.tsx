import { Box, Text } from 'ink';
import { FormView } from '../components/form-view.tsx';
import { useT } from '../i18n/index.tsx';
import { theme } from '../theme.ts';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** PEC deletion: the irreversibility warning (ours and the server's), then the typed address. */
export function PecDeleteView({ screen }: ViewPropsOf<'pecDelete'>) {
  const t = useT();
  return (
    <Box flexDirection="column">
      <Text bold color={theme.error}>
        {t('delete.title', { address: screen.address })}
      </Text>
      <Text color={theme.warning} wrap="wrap">
        {t('pecDelete.irreversible')}
      </Text>
      {screen.warning?.details.map((d) => (
        <Text key={d} wrap="wrap">
          - {d}
        </Text>
      ))}
      <Busy screen={screen} />
      <FormView form={screen.form} />
    </Box>
  );
}
