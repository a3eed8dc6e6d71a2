import { Box, Text } from 'ink';
import { Table } from '../components/table.tsx';
import { useT } from '../i18n/index.tsx';
import type { JournalEntry } from '../journal/journal-entry.ts';
import { visibleEntries } from '../state/screens/activity.ts';
import { theme } from '../theme.ts';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** `2026-12-01T11:40:12.345Z` as `2026-12-01 11:40:12` (UTC, as written: the journal's own clock). */
function shortTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '');
}

const OUTCOME_COLOUR: Readonly<Record<JournalEntry['outcome'], string>> = {
  ok: theme.success,
  failed: theme.error,
  refused: theme.warning,
  pending: theme.muted,
};

/** The audit journal, newest first, a window of it at a time, filtered after `/`. */
export function ActivityView({ screen, listRows, width }: ViewPropsOf<'activity'>) {
  const t = useT();
  const rows = visibleEntries(screen);
  const total = screen.rows?.length ?? 0;
  return (
    <Box flexDirection="column">
      <Text bold>
        {t('activity.title')}
        {screen.rows ? (
          <Text color={theme.muted}>
            {' '}
            {rows.length === total
              ? t('activity.count', { count: total })
              : t('activity.matching', { count: rows.length, total })}
          </Text>
        ) : null}
      </Text>
      <Text color={theme.muted} wrap="truncate">
        {screen.rows === null
          ? ''
          : screen.path === null
            ? t('activity.off')
            : t('activity.file', { path: screen.path })}
      </Text>
      <Text wrap="truncate">
        {screen.filtering || screen.filter
          ? `/${screen.filter}${screen.filtering ? '_' : ''}`
          : t('activity.hint')}
      </Text>
      <Busy screen={screen} />
      {screen.rows && rows.length === 0 ? (
        <Text>{total === 0 ? t('activity.none') : t('activity.noMatch')}</Text>
      ) : null}
      <Table
        columns={[
          { header: t('col.time'), width: 20, cell: (e) => shortTime(e.time) },
          { header: t('col.operation'), width: 18, cell: (e) => e.operation },
          { header: t('col.target'), width: 25, cell: (e) => e.target },
          {
            header: t('col.outcome'),
            width: 9,
            cell: (e) => <Text color={OUTCOME_COLOUR[e.outcome]}>{t(`activity.outcome.${e.outcome}`)}</Text>,
          },
          { header: t('col.code'), width: 25, cell: (e) => e.code ?? '' },
        ]}
        rows={rows}
        cursor={screen.list.cursor}
        top={screen.list.top}
        height={listRows}
        rowKey={(e) => `${e.time}\u0000${e.operation}\u0000${e.target}\u0000${e.outcome}`}
        width={width}
      />
    </Box>
  );
}
