import { Text } from 'ink';
import { theme } from '../theme.ts';

/** Props of {@link Bar}. */
export interface BarProps {
  /** Part used. */
  readonly value: number;
  /** Whole; null or 0 means unlimited (an empty bar). */
  readonly max: number | null;
  /** Cells inside the brackets. @default 20 */
  readonly width?: number;
}

/** A text bar `[#####-----]` that reads the same without colour. */
export function Bar({ value, max, width = 20 }: BarProps) {
  const ratio = max ? Math.min(1, Math.max(0, value / max)) : 0;
  const filled = Math.round(ratio * width);
  const color = ratio >= 1 ? theme.error : ratio >= 0.8 ? theme.warning : theme.success;
  return (
    <Text>
      [<Text color={color}>{'#'.repeat(filled)}</Text>
      <Text color={theme.muted}>{'-'.repeat(width - filled)}</Text>]
    </Text>
  );
}
