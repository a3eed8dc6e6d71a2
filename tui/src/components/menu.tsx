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
}

/** A vertical menu; the selected entry carries a text marker as well as colour. */
export function Menu({ items, cursor }: MenuProps) {
  return (
    <Box flexDirection="column">
      {items.map((item, i) => (
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
