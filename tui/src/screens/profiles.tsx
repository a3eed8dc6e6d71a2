import { Box, Text } from 'ink';
import { Paragraph } from '../components/paragraph.tsx';
import { Table } from '../components/table.tsx';
import { useT } from '../i18n/index.tsx';
import { theme } from '../theme.ts';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** Saved profiles. */
export function ProfilesView({ screen, listRows, width }: ViewPropsOf<'profiles'>) {
  const t = useT();
  const rows = screen.rows ?? [];
  return (
    <Box flexDirection="column">
      <Text bold>{t('profiles.title')}</Text>
      <Paragraph text={t('profiles.hint')} width={width} color={theme.muted} />
      <Busy screen={screen} />
      {screen.rows && rows.length === 0 ? <Text>{t('profiles.none')}</Text> : null}
      {screen.confirmDelete !== null ? (
        <Text color={theme.warning}>{t('profiles.confirmDelete', { name: screen.confirmDelete })}</Text>
      ) : null}
      <Table
        columns={[
          { header: t('col.profile'), width: 16, cell: (r) => r.name },
          { header: t('col.url'), width: 40, cell: (r) => r.url },
          { header: t('col.user'), width: 30, cell: (r) => r.user },
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
