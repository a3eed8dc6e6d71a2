import { Paragraph } from '../components/paragraph.tsx';
import { useT } from '../i18n/index.tsx';
import { ConfirmDeleteView } from './confirm-delete.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** Delete a mailbox after typing its address. */
export function DeleteMailboxView({ screen, width }: ViewPropsOf<'deleteMailbox'>) {
  const t = useT();
  return (
    <ConfirmDeleteView screen={screen} address={screen.address}>
      <Paragraph text={t('delete.warning', { address: screen.address })} width={width} />
    </ConfirmDeleteView>
  );
}
