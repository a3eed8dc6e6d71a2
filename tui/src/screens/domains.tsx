import { Box, Text } from 'ink';
import { Table } from '../components/table.tsx';
import { useT } from '../i18n/index.tsx';
import { type DomainsScreen, shownDomains } from '../state/screens/domains.ts';
import { Busy } from './busy.tsx';
import { statusWord } from './status-word.ts';
import type { ViewPropsOf } from './view-props.ts';

/** Cells of the Status column with its gap. */
const STATUS = 14;

/** The domain picker: filtered as you type after `/`, sorted by name or status (N, S; r reverses). */
export function DomainsView({ screen, listRows, width }: ViewPropsOf<'domains'>) {
  const t = useT();
  const all = screen.rows ?? [];
  const rows = shownDomains(screen);
  // The default order (name, ascending) carries no arrow, as on Mailboxes.
  const head = (label: string, column: DomainsScreen['sort']) =>
    column === screen.sort && !(column === 'name' && screen.ascending)
      ? `${label} ${screen.ascending ? '▲' : '▼'}`
      : label;
  return (
    <Box flexDirection="column">
      <Box>
        <Text bold>{t('domains.title')} </Text>
        {screen.rows ? <Text>{t('domains.count', { shown: rows.length, total: all.length })}</Text> : null}
        {rows.length > 0 ? (
          <Text> {t('domains.position', { at: screen.list.cursor + 1, count: rows.length })}</Text>
        ) : null}
        {screen.status ? (
          <Text> [{t('mailboxes.onlyStatus', { status: statusWord(t, screen.status) })}]</Text>
        ) : null}
      </Box>
      <Text wrap="truncate">
        {screen.filtering || screen.filter
          ? `/${screen.filter}${screen.filtering ? '_' : ''}`
          : t('domains.hint')}
      </Text>
      <Busy screen={screen} />
      {screen.rows && all.length === 0 ? <Text>{t('domains.none')}</Text> : null}
      {all.length > 0 && rows.length === 0 ? <Text>{t('domains.noMatch')}</Text> : null}
      <Table
        columns={[
          // The domain takes what the status (`manutenzione`, 12 cells) leaves, up to 40 cells.
          {
            header: head(t('col.domain'), 'name'),
            width: Math.max(16, Math.min(40, width - 2 - STATUS)),
            cell: (r) => r.name,
          },
          { header: head(t('col.status'), 'status'), width: STATUS, cell: (r) => statusWord(t, r.status) },
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
