import { Box, Text } from 'ink';
import { Checklist } from '../components/checklist.tsx';
import { FormView } from '../components/form-view.tsx';
import { Paragraph } from '../components/paragraph.tsx';
import { useT } from '../i18n/index.tsx';
import { fieldValue } from '../state/form.ts';
import { checkPassword } from '../state/password-check.ts';
import { rulesOf, typeFull } from '../state/screens/new-mailbox.ts';
import { theme } from '../theme.ts';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** The New mailbox form with free slots of the chosen type and the live password checklist. */
export function NewMailboxView({ screen, width }: ViewPropsOf<'newMailbox'>) {
  const t = useT();
  const type = fieldValue(screen.form, 'type');
  const slot = screen.setup?.slots.find((s) => s.cosName === type);
  const checks = checkPassword(
    rulesOf(screen),
    fieldValue(screen.form, 'password'),
    fieldValue(screen.form, 'repeat'),
  );
  return (
    <Box flexDirection="column">
      <Text bold>{t('newMailbox.title')}</Text>
      <Busy screen={screen} />
      <FormView form={screen.form} />
      {slot ? (
        <Text color={typeFull(screen) ? theme.error : theme.muted}>
          {slot.free === null
            ? t('newMailbox.slotsUnlimited', { type })
            : typeFull(screen)
              ? t('newMailbox.noSlot', { type, max: slot.max ?? 0 })
              : t('newMailbox.slotsFree', { type, free: slot.free, max: slot.max ?? 0 })}
        </Text>
      ) : null}
      {typeFull(screen) ? (
        <Paragraph
          text={t(screen.setup?.globalAdmin ? 'newMailbox.offerRaise' : 'newMailbox.offerOrder', { type })}
          width={width}
          color={theme.warning}
        />
      ) : null}
      <Checklist checks={checks} />
    </Box>
  );
}
