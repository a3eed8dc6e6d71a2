import { Box, Text } from 'ink';
import { Bar } from '../components/bar.tsx';
import { Table } from '../components/table.tsx';
import { formatBytes } from '../format.ts';
import { useT } from '../i18n/index.tsx';
import type { MailboxRow } from '../services/types.ts';
import { Busy } from './busy.tsx';
import { statusWord } from './status-word.ts';
import type { ViewPropsOf } from './view-props.ts';

/** The Mailboxes table: windowed, filtered as you type after `/`. */
export function MailboxesView({ screen, listRows, width }: ViewPropsOf<'mailboxes'>) {
  const t = useT();
  const rest = Math.max(20, width - 2 - 12 - 9 - 20);
  const quota = (r: MailboxRow) =>
    r.limitBytes > 0 ? (
      <Text>
        <Bar value={r.usedBytes} max={r.limitBytes} width={8} />{' '}
        {Math.round((100 * r.usedBytes) / r.limitBytes)}%
      </Text>
    ) : (
      `${formatBytes(r.usedBytes)} / ${t('quota.unlimited')}`
    );
  return (
    <Box flexDirection="column">
      <Box>
        <Text bold>{t('mailboxes.title', { domain: screen.domain })} </Text>
        <Text>{t('mailboxes.count', { shown: screen.view.length, total: screen.rows?.length ?? 0 })}</Text>
      </Box>
      <Text wrap="truncate">
        {screen.filtering || screen.filter
          ? `/${screen.filter}${screen.filtering ? '_' : ''}`
          : t('mailboxes.hint')}
      </Text>
      <Busy screen={screen} />
      <Table
        columns={[
          { header: t('col.address'), width: Math.floor(rest * 0.6), cell: (r) => r.address },
          { header: t('col.name'), width: Math.ceil(rest * 0.4), cell: (r) => r.name },
          { header: t('col.type'), width: 12, cell: (r) => r.type },
          { header: t('col.status'), width: 9, cell: (r) => statusWord(t, r.status) },
          { header: t('col.quota'), width: 20, cell: quota },
        ]}
        rows={screen.view}
        cursor={screen.list.cursor}
        top={screen.list.top}
        height={listRows}
        rowKey={(r) => r.address}
      />
    </Box>
  );
}
