import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { FormView } from '../components/form-view.tsx';
import { useT } from '../i18n/index.tsx';
import type { FormScreen } from '../state/form-screen.ts';
import { theme } from '../theme.ts';
import { Busy } from './busy.tsx';

/** Props of {@link ConfirmDeleteView}. */
export interface ConfirmDeleteViewProps {
  /** The delete screen; its request in flight shows the spinner. */
  readonly screen: FormScreen;
  /** The address to delete, named in the heading. */
  readonly address: string;
  /** The warnings between the heading and the typed confirmation. */
  readonly children: ReactNode;
}

/** A deletion: the heading in the error colour, the warnings, then the address typed in full. */
export function ConfirmDeleteView({ screen, address, children }: ConfirmDeleteViewProps) {
  const t = useT();
  return (
    <Box flexDirection="column">
      <Text bold color={theme.error}>
        {t('delete.title', { address })}
      </Text>
      {children}
      <Busy screen={screen} />
      <FormView form={screen.form} />
    </Box>
  );
}
