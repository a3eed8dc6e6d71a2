import { Box, Text } from 'ink';
import { QuotaFigure } from '../components/quota-figure.tsx';
import { Spinner } from '../components/spinner.tsx';
import { Table } from '../components/table.tsx';
import { useT } from '../i18n/index.tsx';
import { isPecSearchCurrent, type PecSearchScreen, shownPecRows } from '../state/screens/pec-search.ts';
import { statusWord } from './status-word.ts';
import type { ViewPropsOf } from './view-props.ts';

/** `[########] 1023M/1023M` plus its gap: a PEC mailbox is a few GiB at most, so this leaves the address 30+ cells at 80 columns. */
const QUOTA = 23;
/** `suspended` (`in attesa`) plus a gap; `postmaster` plus a gap: the address gets the rest. */
const STATUS = 10;
const ROLE = 11;

/** Search PEC mailboxes, filtered on the server as you type after `/`; the results table is windowed. */
export function PecSearchView({ screen, listRows, width }: ViewPropsOf<'pecSearch'>) {
  const t = useT();
  const rows = shownPecRows(screen);
  // The default order (address, ascending) carries no arrow, as on Mailboxes.
  const head = (label: string, column: PecSearchScreen['sort']) =>
    column === screen.sort && !(column === 'address' && screen.ascending)
      ? `${label} ${screen.ascending ? '▲' : '▼'}`
      : label;
  const failed = screen.message?.tone === 'error';
  // The previous rows stay on screen while the new query loads, under a spinner.
  const loading = !failed && !isPecSearchCurrent(screen);
  return (
    <Box flexDirection="column">
      <Box>
        <Text bold>{t('pecSearch.title')}</Text>
        {rows.length > 0 ? (
          <Text> {t('mailboxes.position', { at: screen.list.cursor + 1, count: rows.length })}</Text>
        ) : null}
        {screen.status ? (
          <Text> [{t('mailboxes.onlyStatus', { status: statusWord(t, screen.status) })}]</Text>
        ) : null}
      </Box>
      <Text wrap="truncate">
        {t('pecSearch.query')}: {screen.query}
        {screen.editing ? '_' : ''} {screen.editing || screen.query ? '' : t('pecSearch.hint')}
      </Text>
      {loading ? <Spinner label={t('busy.working')} /> : null}
      {!loading && screen.rows && rows.length === 0 ? <Text>{t('pecSearch.none')}</Text> : null}
      <Table
        columns={[
          {
            header: head(t('col.address'), 'address'),
            width: Math.max(24, width - 2 - STATUS - ROLE - QUOTA),
            cell: (r) => r.address,
          },
          { header: head(t('col.status'), 'status'), width: STATUS, cell: (r) => statusWord(t, r.status) },
          {
            header: t('col.role'),
            width: ROLE,
            cell: (r) => (r.role === 'postmaster' ? 'postmaster' : t('pec.roleUser')),
          },
          {
            header: head(t('col.quota'), 'quota'),
            width: QUOTA,
            cell: (r) => <QuotaFigure used={r.usedBytes} limit={r.limitBytes} barWidth={8} figure />,
          },
        ]}
        rows={rows}
        cursor={screen.list.cursor}
        top={screen.list.top}
        height={listRows}
        rowKey={(r) => r.address}
        width={width}
      />
    </Box>
  );
}
