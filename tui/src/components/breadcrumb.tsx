import { Box, Text } from 'ink';
import { theme } from '../theme.ts';
import { Badge } from './badge.tsx';

/** Props of {@link Breadcrumb}. */
export interface BreadcrumbProps {
  /** The path from Home to the current screen, one part per screen. */
  readonly parts: readonly string[];
  /** Badges shown at the right of the path, e.g. `DEMO`. */
  readonly badges: readonly string[];
}

/** The path of screens on top, `casella › example.com › Mailboxes`, with badges. */
export function Breadcrumb({ parts, badges }: BreadcrumbProps) {
  return (
    <Box>
      <Box flexGrow={1}>
        {/* Cut at the start: the current screen, at the end, is what matters. */}
        <Text wrap="truncate-start">
          {parts.map((p, i) => (
            <Text
              // biome-ignore lint/suspicious/noArrayIndexKey: Ink 6 misplaces reordered nested Text nodes; keep positions.
              key={i}
              color={i === parts.length - 1 ? theme.accent : theme.muted}
              bold={i === parts.length - 1}
            >
              {i > 0 ? ' › ' : ''}
              {p}
            </Text>
          ))}
        </Text>
      </Box>
      {badges.map((b) => (
        // The path gives way, never the badge: a squeezed badge would wrap onto a second line.
        <Box key={b} marginLeft={1} flexShrink={0}>
          <Badge label={b} />
        </Box>
      ))}
    </Box>
  );
}
