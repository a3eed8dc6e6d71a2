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

/**
 * The live password checklist: `[x]` for a rule met, `[ ]` for one still missing. Every rule always
 * shows: in a short terminal the rules go to two columns (each cut with `…`) rather than off screen.
 */
export function Checklist({ checks, rows, width = 80 }: ChecklistProps) {
  const t = useT();
  const two = rows !== undefined && rows < checks.length;
  const line = (c: RuleCheck) => (
    <Text key={c.rule} color={c.ok ? theme.success : theme.muted} wrap="truncate">
      {c.ok ? '[x]' : '[ ]'} {t(`rule.${c.rule}`, { n: c.n })}
    </Text>
  );
  if (!two) return <Box flexDirection="column">{checks.map(line)}</Box>;
  const half = Math.ceil(checks.length / 2);
  const cell = Math.floor(width / 2);
  return (
    <Box>
      <Box flexDirection="column" width={cell} flexShrink={0} paddingRight={1}>
        {checks.slice(0, half).map(line)}
      </Box>
      <Box flexDirection="column" width={width - cell} flexShrink={0}>
        {checks.slice(half).map(line)}
      </Box>
    </Box>
  );
}
