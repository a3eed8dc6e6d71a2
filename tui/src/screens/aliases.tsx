import { Box, Text } from 'ink';
import { FormView } from '../components/form-view.tsx';
import { Paragraph } from '../components/paragraph.tsx';
import { useT } from '../i18n/index.tsx';
import { SELECTED, UNSELECTED } from '../theme.ts';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** The aliases of one mailbox, and the New alias field while adding. */
export function AliasesView({ screen, listRows, width }: ViewPropsOf<'aliases'>) {
  const t = useT();
  const rows = screen.aliases ?? [];
  const shown = rows.slice(screen.list.top, screen.list.top + listRows);
  return (
    <Box flexDirection="column">
      <Text bold>{t('aliases.title', { address: screen.address })}</Text>
      <Paragraph text={t('aliases.hint')} width={width} />
      <Busy screen={screen} />
      {screen.aliases !== null && rows.length === 0 ? <Text>{t('aliases.none')}</Text> : null}
      {shown.map((alias, i) => {
        const selected = screen.adding === null && screen.list.top + i === screen.list.cursor;
        return (
          <Text key={alias} inverse={selected} wrap="truncate-end">
            {selected ? SELECTED : UNSELECTED} {alias}
          </Text>
        );
      })}
      {screen.adding ? (
        <Box marginTop={1}>
          <FormView form={screen.adding} />
        </Box>
      ) : null}
    </Box>
  );
}
