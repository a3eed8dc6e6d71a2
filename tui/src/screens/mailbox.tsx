import { Box, Text } from 'ink';
import { Menu } from '../components/menu.tsx';
import { useT } from '../i18n/index.tsx';
import { MAILBOX_ITEMS } from '../state/screens/mailbox.ts';
import type { ViewPropsOf } from './view-props.ts';

/** The actions on one mailbox. */
export function MailboxView({ screen }: ViewPropsOf<'mailbox'>) {
  const t = useT();
  return (
    <Box flexDirection="column">
      <Text bold>{screen.address}</Text>
      <Box marginTop={1}>
        <Menu items={MAILBOX_ITEMS.map((i) => ({ label: t(i.label) }))} cursor={screen.cursor} />
      </Box>
    </Box>
  );
}
