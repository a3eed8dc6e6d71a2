import { Box, Text } from 'ink';
import { useT } from '../i18n/index.tsx';
import type { RuleCheck } from '../state/password-check.ts';
import { theme } from '../theme.ts';

/** Props of {@link Checklist}. */
export interface ChecklistProps {
  /** One line per rule of the policy, plus the repetition. */
  readonly checks: readonly RuleCheck[];
  /** Lines the checklist may take; with fewer lines than rules it goes to two columns. @default one per rule */
  readonly rows?: number;
  /** Cells of the column the checklist sits in (two columns split it). @default 80 */
  readonly width?: number;
}

/** At most this many columns: past three a rule's words no longer fit 60 columns. */
const MAX_COLUMNS = 3;

/**
 * The live password checklist: `[x]` for a rule met, `[ ]` for one still missing. Every rule always
 * shows: in a short terminal the rules go to two or three columns (each cut with `…`) rather than off screen.
 */
export function Checklist({ checks, rows, width = 80 }: ChecklistProps) {
  const t = useT();
  const columns =
    rows === undefined || rows >= checks.length
      ? 1
      : Math.min(MAX_COLUMNS, Math.ceil(checks.length / Math.max(1, rows)));
  const line = (c: RuleCheck) => (
    <Text key={c.rule} color={c.ok ? theme.success : theme.muted} wrap="truncate">
      {c.ok ? '[x]' : '[ ]'} {t(`rule.${c.rule}`, { n: c.n })}
    </Text>
  );
  if (columns === 1) return <Box flexDirection="column">{checks.map(line)}</Box>;
  const tall = Math.ceil(checks.length / columns);
  const cell = Math.floor(width / columns);
  return (
    <Box>
      {Array.from({ length: columns }, (_, i) => (
        <Box
          // biome-ignore lint/suspicious/noArrayIndexKey: the columns have no identity but their position.
          key={i}
          flexDirection="column"
          width={i === columns - 1 ? width - cell * (columns - 1) : cell}
          flexShrink={0}
          paddingRight={i === columns - 1 ? 0 : 1}
        >
          {checks.slice(i * tall, (i + 1) * tall).map(line)}
        </Box>
      ))}
    </Box>
  );
}
