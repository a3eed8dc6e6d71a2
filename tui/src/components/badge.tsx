import { Text } from 'ink';
import { theme } from '../theme.ts';

/** Props of {@link Badge}. */
export interface BadgeProps {
  /** The badge's word, e.g. `DEMO`. */
  readonly label: string;
}

/** A bracketed label such as `[DEMO]`, visible without colour. */
export function Badge({ label }: BadgeProps) {
  return (
    <Text color={theme.badge} bold>
      [{label}]
    </Text>
  );
}
