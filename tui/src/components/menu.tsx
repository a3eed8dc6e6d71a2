import { Box, Text } from 'ink';
import { paint, SELECTED, theme, UNSELECTED } from '../theme.ts';

/** One entry of a {@link Menu}. */
export interface MenuItem {
  readonly label: string;
  /** Why the entry cannot be used; the entry is shown dimmed with this text. */
  readonly disabled?: string | null;
}

/** Props of {@link Menu}. */
export interface MenuProps {
  /** The entries, top to bottom. */
  readonly items: readonly MenuItem[];
  /** Index of the selected entry. */
  readonly cursor: number;
  /** At most this many entries are shown, a window that keeps the selected one in sight. @default all */
  readonly rows?: number;
}

/** A vertical menu; the selected entry carries a text marker as well as colour. */
export function Menu({ items, cursor, rows }: MenuProps) {
  const room = Math.max(1, Math.min(rows ?? items.length, items.length));
  // The window starts so that the selected entry is inside it, as low as needed and no lower.
  const start = Math.max(0, Math.min(cursor - room + 1, items.length - room, cursor));
  const shown = items.slice(start, start + room);
  return (
    <Box flexDirection="column">
      {shown
        .map((item, at) => ({ item, i: start + at }))
        .map(({ item, i }) => (
          <Text
            key={item.label}
            {...paint(item.disabled ? theme.muted : i === cursor ? theme.accent : undefined)}
            inverse={i === cursor}
            wrap="truncate"
          >
            {i === cursor ? SELECTED : UNSELECTED} {item.label}
            {item.disabled ? ` (${item.disabled})` : ''}
          </Text>
        ))}
    </Box>
  );
}
