import { Box, Text } from 'ink';
import { useT } from '../i18n/index.tsx';
import type { RuleCheck } from '../state/password-check.ts';
import { theme } from '../theme.ts';

/** Props of {@link Checklist}. */
export interface ChecklistProps {
  /** One line per rule of the policy, plus the repetition. */
  readonly checks: readonly RuleCheck[];
}

/** The live password checklist: `[x]` for a rule met, `[ ]` for one still missing. */
export function Checklist({ checks }: ChecklistProps) {
  const t = useT();
  return (
    <Box flexDirection="column">
      {checks.map((c) => (
        <Text key={c.rule} color={c.ok ? theme.success : theme.muted} wrap="truncate">
          {c.ok ? '[x]' : '[ ]'} {t(`rule.${c.rule}`, { n: c.n })}
        </Text>
      ))}
    </Box>
  );
}
