import { Box, Text } from 'ink';
import { Table } from '../components/table.tsx';
import { useT } from '../i18n/index.tsx';
import { Busy } from './busy.tsx';
import { statusWord } from './status-word.ts';
import type { ViewPropsOf } from './view-props.ts';

/** Cells of the Status column with its gap. */
const STATUS = 14;

/** The domain picker. */
export function DomainsView({ screen, listRows, width }: ViewPropsOf<'domains'>) {
  const t = useT();
  const rows = screen.rows ?? [];
  return (
    <Box flexDirection="column">
      <Text bold>{t('domains.title')}</Text>
      <Busy screen={screen} />
      {screen.rows && rows.length === 0 ? <Text>{t('domains.none')}</Text> : null}
      <Table
        columns={[
          // The domain takes what the status (`manutenzione`, 12 cells) leaves, up to 40 cells.
          {
            header: t('col.domain'),
            width: Math.max(16, Math.min(40, width - 2 - STATUS)),
            cell: (r) => r.name,
          },
          { header: t('col.status'), width: STATUS, cell: (r) => statusWord(t, r.status) },
        ]}
        rows={rows}
        cursor={screen.list.cursor}
        top={screen.list.top}
        height={listRows}
        rowKey={(r) => r.name}
        width={width}
      />
    </Box>
  );
}
