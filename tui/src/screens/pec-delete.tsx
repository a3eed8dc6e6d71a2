import { Paragraph } from '../components/paragraph.tsx';
import { isMessageKey, useT } from '../i18n/index.tsx';
import { theme } from '../theme.ts';
import { ConfirmDeleteView } from './confirm-delete.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** PEC deletion: the irreversibility warning (ours and the server's), then the typed address. */
export function PecDeleteView({ screen, width }: ViewPropsOf<'pecDelete'>) {
  const t = useT();
  return (
    <ConfirmDeleteView screen={screen} address={screen.address}>
      <Paragraph text={t('pecDelete.irreversible')} width={width} color={theme.warning} />
      {screen.warning?.details.map((d) => {
        // The contract names each warning's rule: known ones speak the UI's language, others the server's.
        const key = `pecDelete.rule.${d.rule}`;
        const text = isMessageKey(key) ? t(key) : d.message;
        return <Paragraph key={d.rule || d.message} text={`- ${text}`} width={width} />;
      })}
    </ConfirmDeleteView>
  );
}
