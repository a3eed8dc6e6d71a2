import { Box, Text } from 'ink';
import { Table } from '../components/table.tsx';
import { useT } from '../i18n/index.tsx';
import { Busy } from './busy.tsx';
import { statusWord } from './status-word.ts';
import type { ViewPropsOf } from './view-props.ts';

/** The domain picker. */
export function DomainsView({ screen, listRows }: ViewPropsOf<'domains'>) {
  const t = useT();
  const rows = screen.rows ?? [];
  return (
    <Box flexDirection="column">
      <Text bold>{t('domains.title')}</Text>
      <Busy screen={screen} />
      {screen.rows && rows.length === 0 ? <Text>{t('domains.none')}</Text> : null}
      <Table
        columns={[
          { header: t('col.domain'), width: 40, cell: (r) => r.name },
          { header: t('col.status'), width: 20, cell: (r) => statusWord(t, r.status) },
        ]}
        rows={rows}
        cursor={screen.list.cursor}
        top={screen.list.top}
        height={listRows}
        rowKey={(r) => r.name}
      />
    </Box>
  );
}
