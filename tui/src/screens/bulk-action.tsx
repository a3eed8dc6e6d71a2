import { OUTCOME_KINDS } from '@casella/sdk';
import { Box, Text } from 'ink';
import { FormView } from '../components/form-view.tsx';
import { Menu } from '../components/menu.tsx';
import { Paragraph } from '../components/paragraph.tsx';
import { Spinner } from '../components/spinner.tsx';
import { type Translate, useLang, useT } from '../i18n/index.tsx';
import type { BulkActionRefusal, BulkActionResult } from '../services/bulk-action-types.ts';
import {
  BULK_ACTIONS,
  type BulkActionScreen,
  type BulkProgressView,
  typesOf,
} from '../state/screens/bulk-action.ts';
import { theme } from '../theme.ts';
import type { ViewPropsOf } from './view-props.ts';

/** The question or form of the current stage. */
function Stage({ screen, t, width }: { screen: BulkActionScreen; t: Translate; width: number }) {
  const n = screen.count;
  switch (screen.stage) {
    case 'menu':
      return (
        <Menu
          items={BULK_ACTIONS.map((a) => ({ label: t(`bulkAction.menu.${a}`) }))}
          cursor={screen.cursor}
        />
      );
    case 'type':
      return (
        <Box flexDirection="column">
          <Text>{t('bulkAction.chooseType', { n })}</Text>
          <Menu
            items={(screen.setup?.slots ?? []).map((slot) => ({
              label:
                slot.free === null
                  ? t('changeType.slotUnlimited', { type: slot.cosName })
                  : t('changeType.slot', { type: slot.cosName, free: slot.free, max: slot.max ?? 0 }),
            }))}
            cursor={Math.min(screen.typeCursor, Math.max(0, typesOf(screen).length - 1))}
          />
        </Box>
      );
    case 'confirm':
      return (
        <Text color={theme.warning}>
          {screen.action === 'changeType'
            ? t('bulkAction.confirm.changeType', { n, type: screen.type ?? '' })
            : t(`bulkAction.confirm.${screen.action === 'unlock' ? 'unlock' : 'lock'}`, { n })}
        </Text>
      );
    case 'passwords':
      return (
        <Box flexDirection="column">
          <Paragraph text={t('bulkAction.passwordsExplain', { n })} width={width} />
          <FormView form={screen.form} />
        </Box>
      );
    case 'delete':
      return (
        <Box flexDirection="column">
          <Text bold color={theme.error}>
            {t('bulkAction.deleteWarning', { n })}
          </Text>
          <FormView form={screen.form} />
        </Box>
      );
    case 'refused':
      return screen.refusal ? <Refusal refusal={screen.refusal} t={t} /> : null;
    case 'done':
      return screen.result ? <Outcome result={screen.result} t={t} rows={8} /> : null;
  }
}

/** Why pre-flight refused: the numbers of each shortfall, the first row issues; nothing was written. */
function Refusal({ refusal, t }: { refusal: BulkActionRefusal; t: Translate }) {
  return (
    <Box flexDirection="column">
      <Text>{t('bulkAction.nothingWritten')}</Text>
      {refusal.capacity.map((s) => (
        <Text key={`${s.domain}:${s.type ?? ''}`} color={theme.error} wrap="truncate-end">
          {s.type === undefined
            ? t('bulkAction.shortfallTotal', { n: s.needed, free: s.free, used: s.used, max: s.max ?? 0 })
            : t('bulkAction.shortfall', {
                n: s.needed,
                type: s.type,
                free: s.free,
                used: s.used,
                max: s.max ?? 0,
              })}
        </Text>
      ))}
      {refusal.countChanged ? (
        <Text color={theme.error}>
          {t('bulkAction.countChanged', { n: refusal.total, confirmed: refusal.countChanged.confirmed })}
        </Text>
      ) : null}
      {refusal.file ? (
        <Text color={theme.error} wrap="truncate-end">
          {t(refusal.file.reason === 'EEXIST' ? 'bulkAction.fileExists' : 'bulkAction.fileFailed', {
            file: refusal.file.path,
            reason: refusal.file.reason,
          })}
        </Text>
      ) : null}
      {refusal.issues.slice(0, 5).map((i) => (
        <Text key={`${i.line}:${i.column ?? ''}:${i.rule}`} color={theme.error} wrap="truncate-end">
          {t('bulkAction.issue', { message: i.message, rule: i.rule })}
        </Text>
      ))}
    </Box>
  );
}

/** The outcome of a run: counts by kind, the rows that did not go as asked (with the code), the password file. */
function Outcome({ result, t, rows }: { result: BulkActionResult; t: Translate; rows: number }) {
  const counts = OUTCOME_KINDS.filter((k) => result.counts[k] > 0)
    .map((k) => t(`bulkAction.kind.${k}`, { n: result.counts[k] }))
    .join(', ');
  const shown = result.problems.slice(0, rows);
  return (
    <Box flexDirection="column">
      <Text>{t('bulkAction.summary', { n: result.total, counts: counts || '0' })}</Text>
      {result.passwordFile !== undefined ? (
        <Text color={theme.success} wrap="wrap">
          {t('bulkAction.passwordsWritten', { n: result.passwordsWritten ?? 0, file: result.passwordFile })}
        </Text>
      ) : null}
      {shown.map((p) => (
        <Text key={p.address} color={theme.error} wrap="truncate-end">
          {`${p.address}  ${t(`bulkAction.kind.${p.kind}`, { n: 1 })}${p.code ? `  ${p.code}` : ''}`}
        </Text>
      ))}
      {result.problemCount > shown.length ? (
        <Text color={theme.muted}>
          {t('bulkAction.moreProblems', { n: result.problemCount - shown.length })}
        </Text>
      ) : null}
    </Box>
  );
}

/** `[########------------] 40/100 · 250/s · 1 s left`: rows done, the engine's rate and its estimate. */
function ProgressLine({ progress, t, width }: { progress: BulkProgressView; t: Translate; width: number }) {
  const lang = useLang();
  const number = (n: number) => new Intl.NumberFormat(lang).format(n);
  const cells = Math.max(10, Math.min(30, width - 40));
  const filled = progress.total > 0 ? Math.round((progress.done / progress.total) * cells) : 0;
  const counts = { done: number(progress.done), total: number(progress.total) };
  const text =
    progress.etaMs === null
      ? t('bulkAction.progressStart', counts)
      : t('bulkAction.progress', {
          ...counts,
          rate: number(Math.round(progress.rate)),
          seconds: number(Math.ceil(progress.etaMs / 1000)),
        });
  return (
    <Text wrap="truncate-end">
      [<Text color={theme.accent}>{'#'.repeat(filled)}</Text>
      <Text color={theme.muted}>{'-'.repeat(cells - filled)}</Text>] {text}
    </Text>
  );
}

/** A bulk action on the marked mailboxes: the menu, its question, the run, and its outcome. */
export function BulkActionView({ screen, width }: ViewPropsOf<'bulkAction'>) {
  const t = useT();
  const title =
    screen.stage === 'menu'
      ? t('bulkAction.title', { n: screen.count })
      : t(`bulkAction.menu.${screen.action}`);
  const running = screen.pending !== null && screen.pending.req.op === 'bulkAction';
  return (
    <Box flexDirection="column">
      <Text bold>{title}</Text>
      {screen.stage !== 'menu' ? (
        <Text color={theme.muted}>{t('bulkAction.marked', { n: screen.count })}</Text>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        <Stage screen={screen} t={t} width={width} />
      </Box>
      {running ? (
        <>
          <Spinner label={t(`bulkAction.running.${screen.action}`, { n: screen.count })} />
          {screen.progress ? <ProgressLine progress={screen.progress} t={t} width={width} /> : null}
        </>
      ) : screen.pending ? (
        <Spinner label={t('busy.working')} />
      ) : null}
    </Box>
  );
}
