import { Box, Text } from 'ink';
import { Table } from '../components/table.tsx';
import { wordWrap } from '../format.ts';
import { useT } from '../i18n/index.tsx';
import type { CapacityLine, PreviewRow } from '../state/screens/import-model.ts';
import { theme } from '../theme.ts';
import { Busy } from './busy.tsx';
import { addressWidth, kindWord, reasonWords, rowWhy, windowTop } from './import-words.ts';
import type { ViewPropsOf } from './view-props.ts';

function verdictColour(v: PreviewRow['verdict']): string | undefined {
  if (v === 'write') return theme.accent;
  if (v === 'refused' || v === 'conflict' || v === 'failed') return theme.error;
  return theme.muted;
}

function CapacityRow({ line }: { readonly line: CapacityLine }) {
  const t = useT();
  const what = line.type ?? t('import.allTypes');
  return (
    <Text wrap="truncate" {...(line.short ? { color: theme.error } : {})}>
      {line.short ? '! ' : '  '}
      {line.free === null
        ? t('import.capacityUnlimited', { domain: line.domain, type: what, rows: line.rows })
        : t(line.short ? 'import.capacityShort' : 'import.capacityOk', {
            domain: line.domain,
            type: what,
            rows: line.rows,
            free: String(line.free),
          })}
    </Text>
  );
}

/** `to create: 12 · refused: 2 (lines 14, 15)`: how the rows split, and where the refused ones are. */
function verdictCounts(t: ReturnType<typeof useT>, rows: readonly PreviewRow[]): string {
  const counts = new Map<PreviewRow['verdict'], number>();
  for (const r of rows) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
  const bad = rows.filter((r) => r.verdict === 'refused' || r.verdict === 'conflict').map((r) => r.line);
  const lines = bad.slice(0, 8).join(', ') + (bad.length > 8 ? ', …' : '');
  const where = bad.length === 0 ? '' : ` (${t('import.lines', { count: bad.length, lines })})`;
  return [...counts].map(([k, n]) => `${kindWord(t, k, n)}: ${n}`).join(' · ') + where;
}

function selectedWhy(t: ReturnType<typeof useT>, row: PreviewRow | undefined): string {
  const why = row ? rowWhy(t, row) : '';
  return row && why ? t('import.lineIssue', { line: row.line, text: why }) : '';
}

/** The dry run: capacity per type with the numbers, then every row's verdict in a scrolling table. */
export function ImportPreviewView({ screen, listRows, width }: ViewPropsOf<'import'>) {
  const t = useT();
  const p = screen.preview;
  if (!p) return <Busy screen={screen} />;
  const generated =
    p.generated > 0 && p.passwordFile
      ? wordWrap(t('import.generated', { count: p.generated, file: p.passwordFile }), width)
      : '';
  // Lines above and below the table besides the list chrome (title, summary, header): counts, capacity,
  // file issues, the resume and password notes, the selected row's reason; minus the spinner's line.
  const notes = generated === '' ? 0 : generated.split('\n').length;
  const extra = 1 + p.capacity.length + p.fileIssues.length + (p.unfinished ? 1 : 0) + notes + 1 - 1;
  const height = Math.max(2, listRows - extra);
  const address = addressWidth(width);
  const verdict = 16;
  const why = Math.max(10, width - 2 - 6 - address - verdict);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {t('import.previewTitle', { file: p.path })}
      </Text>
      <Text wrap="truncate" {...(p.ok ? {} : { color: theme.error })}>
        {p.ok
          ? t('import.summaryOk', { count: p.writes, total: p.total })
          : t('import.summaryRefused', { total: p.total })}
      </Text>
      <Text wrap="truncate" color={theme.muted}>
        {verdictCounts(t, p.rows)}
      </Text>
      {p.capacity.map((c) => (
        <CapacityRow key={`${c.domain}\u0000${c.type ?? ''}`} line={c} />
      ))}
      {p.fileIssues.map((r) => (
        <Text key={`${r.line}\u0000${r.rule}\u0000${r.column ?? ''}`} color={theme.error} wrap="truncate">
          {t('import.lineIssue', { line: r.line, text: reasonWords(t, r) })}
        </Text>
      ))}
      {p.unfinished ? (
        <Text color={theme.warning} wrap="truncate">
          {t('import.unfinished', { done: p.unfinished.done, total: p.unfinished.total })}
        </Text>
      ) : null}
      {generated ? <Text>{generated}</Text> : null}
      <Busy screen={screen} />
      <Table
        columns={[
          { header: t('import.col.line'), width: 6, cell: (r: PreviewRow) => String(r.line) },
          { header: t('import.col.address'), width: address, cell: (r) => r.address },
          {
            header: t('import.col.verdict'),
            width: verdict,
            cell: (r) => (
              <Text {...(verdictColour(r.verdict) ? { color: verdictColour(r.verdict) as string } : {})}>
                {kindWord(t, r.verdict)}
              </Text>
            ),
          },
          { header: t('import.col.why'), width: why, cell: (r) => rowWhy(t, r) },
        ]}
        rows={p.rows}
        cursor={screen.list.cursor}
        top={windowTop(screen.list.top, screen.list.cursor, height)}
        height={height}
        rowKey={(r) => `${r.line}`}
      />
      {/* The selected row's reason in full: the Why column is cut in a narrow terminal. */}
      <Text color={theme.muted} wrap="truncate">
        {selectedWhy(t, p.rows[screen.list.cursor])}
      </Text>
    </Box>
  );
}
