import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { QuotaFigure } from '../components/quota-figure.tsx';
import { Spinner } from '../components/spinner.tsx';
import { Table } from '../components/table.tsx';
import { formatBytes } from '../format.ts';
import type { Lang } from '../i18n/catalogue.ts';
import { type Translate, useLang, useT } from '../i18n/index.tsx';
import type { MailboxRow } from '../services/types.ts';
import { isMarked, type MailboxMarks, markedCount, marksOf } from '../state/screens/mailbox-marks.ts';
import { isCurrent, type MailboxesScreen, rowAt, rowCount } from '../state/screens/mailboxes.ts';
import { theme } from '../theme.ts';
import { type MailboxColumns, mailboxColumns } from './mailbox-columns.ts';
import { statusWord } from './status-word.ts';
import type { ViewPropsOf } from './view-props.ts';

/** A row of the window: a mailbox, or the index of one whose page is still loading. */
type Slot =
  | { readonly row: MailboxRow; readonly index: number }
  | { readonly row: null; readonly index: number };

/** The rows on screen, placeholders where pages have not arrived; never the whole list. */
function windowOf(s: MailboxesScreen, height: number): Slot[] {
  const end = Math.min(rowCount(s), s.list.top + height);
  const out: Slot[] = [];
  for (let i = s.list.top; i < end; i++) out.push({ row: rowAt(s, i) ?? null, index: i });
  return out;
}

function quotaCell(t: Translate, lang: Lang, r: MailboxRow, c: MailboxColumns) {
  if (r.limitBytes === 0 && c.figure && r.usedBytes !== null)
    return `${formatBytes(r.usedBytes, lang)} / ${t('quota.unlimited')}`;
  return <QuotaFigure used={r.usedBytes} limit={r.limitBytes} barWidth={c.bar} figure={c.figure} />;
}

/** The mark column: `*` beside a marked row (the text marker NO_COLOR keeps), in the marks' colour. */
const MARK_WIDTH = 2;

function markCol(marks: MailboxMarks) {
  return {
    header: '*',
    width: MARK_WIDTH,
    cell: (x: Slot) =>
      x.row && isMarked(marks, x.row.address) ? (
        <Text color={theme.warning} bold>
          *
        </Text>
      ) : (
        ' '
      ),
  };
}

/** A marked row's address in the marks' colour, so marks show at a glance as well as by the `*`. */
function markedText(marks: MailboxMarks, r: MailboxRow, text: string): ReactNode {
  return isMarked(marks, r.address) ? <Text color={theme.warning}>{text}</Text> : text;
}

/** The Mailboxes table: a window over pages read on demand, filtered on the server as you type after `/`. */
export function MailboxesView({ screen, listRows, width }: ViewPropsOf<'mailboxes'>) {
  const t = useT();
  const lang = useLang();
  // tui-marks: the mark column appears only while something is marked, so the plain list keeps its width.
  const marks = marksOf(screen);
  const marked = markedCount(marks);
  const markColumn = marked > 0 ? [markCol(marks)] : [];
  const c = mailboxColumns(width - (marked > 0 ? MARK_WIDTH : 0), screen.longestAddress);
  const slots = windowOf(screen, listRows);
  const failed = screen.message?.tone === 'error';
  const loading = !failed && (!isCurrent(screen) || slots.some((x) => x.row === null));
  // The sorted column carries an arrow, except the default (address, ascending), as before sorting existed.
  const head = (label: string, column: MailboxesScreen['sort']) =>
    column === screen.sort && !(column === 'address' && screen.ascending)
      ? `${label} ${screen.ascending ? '▲' : '▼'}`
      : label;
  const cell =
    (f: (r: MailboxRow) => ReactNode, placeholder = '') =>
    (x: Slot) =>
      x.row ? f(x.row) : <Text color={theme.muted}>{placeholder}</Text>;
  return (
    <Box flexDirection="column">
      <Box>
        <Text bold>{t('mailboxes.title', { domain: screen.domain })} </Text>
        {/* No count until the server has answered: "(0 of 0)" would claim an empty domain. */}
        {screen.loaded ? (
          <Text>{t('mailboxes.count', { shown: rowCount(screen), total: screen.domainTotal ?? 0 })}</Text>
        ) : null}
        {screen.loaded && rowCount(screen) > 0 ? (
          <Text color={theme.muted}>
            {' '}
            {t('mailboxes.position', { at: screen.list.cursor + 1, count: rowCount(screen) })}
          </Text>
        ) : null}
        {marked > 0 ? (
          <Text color={theme.warning} bold>
            {' '}
            {t('marks.count', { count: marked })}
          </Text>
        ) : null}
        {screen.status ? (
          <Text> [{t('mailboxes.onlyStatus', { status: statusWord(t, screen.status) })}]</Text>
        ) : null}
        {screen.type ? <Text> [{t('mailboxes.onlyType', { type: screen.type })}]</Text> : null}
        {screen.quotaMin !== null ? (
          <Text> [{t('mailboxes.quotaOver', { percent: screen.quotaMin })}]</Text>
        ) : null}
      </Box>
      <Text wrap="truncate">
        {screen.filtering || screen.filter
          ? `/${screen.filter}${screen.filtering ? '_' : ''}`
          : t('mailboxes.hint')}
      </Text>
      {loading ? <Spinner label={t('busy.working')} /> : null}
      {isCurrent(screen) && screen.loaded?.tooMany ? (
        <Text color={theme.warning}>{t('mailboxes.tooMany', screen.loaded.tooMany)}</Text>
      ) : null}
      <Table
        columns={[
          ...markColumn,
          {
            header: head(t('col.address'), 'address'),
            width: c.address,
            cell: cell((r) => markedText(marks, r, r.address), '…'),
          },
          { header: head(t('col.name'), 'name'), width: c.name, cell: cell((r) => r.name) },
          { header: head(t('col.type'), 'type'), width: c.type, cell: cell((r) => r.type) },
          {
            header: head(t('col.status'), 'status'),
            width: c.status,
            cell: cell((r) => statusWord(t, r.status)),
          },
          {
            header: head(t('col.quota'), 'quota'),
            width: c.quota,
            cell: cell((r) => quotaCell(t, lang, r, c)),
          },
        ]}
        rows={slots}
        cursor={screen.list.cursor - screen.list.top}
        top={0}
        height={listRows}
        rowKey={(x) => (x.row ? x.row.address : `#${x.index}`)}
        width={width}
      />
    </Box>
  );
}
