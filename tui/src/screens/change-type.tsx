import { Box, Text } from 'ink';
import { FormView } from '../components/form-view.tsx';
import { useT } from '../i18n/index.tsx';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** Move a mailbox to another type; each type's free slots are listed. */
export function ChangeTypeView({ screen }: ViewPropsOf<'changeType'>) {
  const t = useT();
  return (
    <Box flexDirection="column">
      <Text bold>{t('changeType.title', { address: screen.address })}</Text>
      <Busy screen={screen} />
      {screen.setup?.slots.map((slot) => (
        <Text key={slot.cosId} wrap="truncate-end">
          {slot.free === null
            ? t('changeType.slotUnlimited', { type: slot.cosName })
            : t('changeType.slot', { type: slot.cosName, free: slot.free, max: slot.max ?? 0 })}
        </Text>
      ))}
      <Box marginTop={1}>
        <FormView form={screen.form} />
      </Box>
    </Box>
  );
}
