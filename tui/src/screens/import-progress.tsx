import { Box, Text } from 'ink';
import { Bar } from '../components/bar.tsx';
import { formatDecimal } from '../format.ts';
import { useLang, useT } from '../i18n/index.tsx';
import { theme } from '../theme.ts';
import { clock } from './import-words.ts';
import type { ViewPropsOf } from './view-props.ts';

/** The live progress bar of a run: rows done of all, rate, time left; fits 60 columns and more. */
export function ImportProgressView({ screen, width }: ViewPropsOf<'import'>) {
  const t = useT();
  const lang = useLang();
  const p = screen.progress ?? { done: 0, total: 0, rate: 0, etaMs: undefined };
  const figures = t('import.figures', {
    done: p.done,
    total: p.total,
    rate: formatDecimal(p.rate, p.rate < 10 ? 1 : 0, lang),
    eta: p.etaMs === undefined ? '–' : clock(p.etaMs),
  });
  // The bar takes what the figures leave, so the line never wraps at 60 or 80 columns.
  const bar = Math.max(10, Math.min(40, width - figures.length - 4));
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {t('import.runningTitle', { file: screen.preview?.path ?? screen.path.text })}
      </Text>
      <Box marginTop={1}>
        <Text wrap="truncate">
          <Bar value={p.done} max={p.total || 1} width={bar} /> {figures}
        </Text>
      </Box>
      <Text color={theme.muted} wrap="wrap">
        {screen.stopping ? t('import.stoppingHint') : screen.pending ? t('import.runningHint') : ''}
      </Text>
    </Box>
  );
}
