import { Text } from 'ink';
import { Paragraph } from '../components/paragraph.tsx';
import { useT } from '../i18n/index.tsx';
import { fieldValue } from '../state/form.ts';
import type { Message } from '../state/message.ts';
import { nameNote, rulesOf, typeFull } from '../state/screens/new-mailbox.ts';
import { theme } from '../theme.ts';
import { PasswordFormView } from './password-form.tsx';
import type { ViewPropsOf } from './view-props.ts';

function notesOf(note: Message | null): Record<string, Message> {
  return note ? { name: note } : {};
}

/** The New mailbox form with free slots of the chosen type and the live password checklist. */
export function NewMailboxView({ screen, width }: ViewPropsOf<'newMailbox'>) {
  const t = useT();
  const type = fieldValue(screen.form, 'type');
  const slot = screen.setup?.slots.find((s) => s.cosName === type);
  const full = typeFull(screen);
  return (
    <PasswordFormView
      screen={screen}
      title={t('newMailbox.title')}
      rules={rulesOf(screen)}
      notes={notesOf(nameNote(screen))}
    >
      {slot ? (
        <Text color={full ? theme.error : theme.muted}>
          {slot.free === null
            ? t('newMailbox.slotsUnlimited', { type })
            : typeFull(screen)
              ? t('newMailbox.noSlot', { type, max: slot.max ?? 0 })
              : t('newMailbox.slotsFree', { type, free: slot.free, max: slot.max ?? 0 })}
        </Text>
      ) : null}
      {full ? (
        <Paragraph
          text={t(screen.setup?.globalAdmin ? 'newMailbox.offerRaise' : 'newMailbox.offerOrder', { type })}
          width={width}
          color={theme.warning}
        />
      ) : null}
    </PasswordFormView>
  );
}
