import { OUTCOME_KINDS } from '@casella/sdk';
import { Box, Text } from 'ink';
import { Table } from '../components/table.tsx';
import { useT } from '../i18n/index.tsx';
import type { ImportProblem } from '../state/screens/import-model.ts';
import { theme } from '../theme.ts';
import { addressWidth, kindWord, windowTop } from './import-words.ts';
import type { ViewPropsOf } from './view-props.ts';

/** How a run ended: counts per outcome kind, then the rows refused, in conflict or failed, with their code. */
export function ImportOutcomeView({ screen, listRows, width }: ViewPropsOf<'import'>) {
  const t = useT();
  const r = screen.result;
  if (!r) return null;
  const counts = OUTCOME_KINDS.filter((k) => r.counts[k] > 0)
    .map((k) => `${kindWord(t, k, r.counts[k])}: ${r.counts[k]}`)
    .join(' · ');
  const address = addressWidth(width);
  const why = Math.max(10, width - 2 - 6 - address - 16);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {t(r.aborted ? 'import.stoppedTitle' : 'import.doneTitle', { file: r.path })}
      </Text>
      <Text wrap="wrap">{counts || t('import.noRows')}</Text>
      <Text color={theme.muted} wrap="truncate">
        {t('import.writes', { count: r.writes, total: r.total })}
      </Text>
      {r.passwordFile ? (
        <Text wrap="truncate">{t('import.passwordsWritten', { file: r.passwordFile })}</Text>
      ) : null}
      {r.problems.length > 0 ? (
        <Table
          columns={[
            { header: t('import.col.line'), width: 6, cell: (p: ImportProblem) => String(p.line) },
            { header: t('import.col.address'), width: address, cell: (p) => p.address },
            {
              header: t('import.col.outcome'),
              width: 16,
              cell: (p) => <Text color={theme.error}>{kindWord(t, p.kind)}</Text>,
            },
            {
              header: t('import.col.code'),
              width: why,
              cell: (p) =>
                p.code ??
                (p.differences.length > 0 ? t('import.differs', { columns: p.differences.join(', ') }) : ''),
            },
          ]}
          rows={r.problems}
          cursor={screen.list.cursor}
          top={windowTop(screen.list.top, screen.list.cursor, Math.max(2, listRows - 2))}
          height={Math.max(2, listRows - 2)}
          rowKey={(p) => `${p.line}`}
        />
      ) : (
        <Text color={theme.success}>{r.aborted ? t('import.resumeHint') : t('import.allFine')}</Text>
      )}
    </Box>
  );
}
