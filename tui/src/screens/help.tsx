import { Box, Text } from 'ink';
import { keyCaps } from '../components/key-caps.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import { useT } from '../i18n/index.tsx';
import { type BindingId, binding, GLOBAL_BINDINGS } from '../keys/bindings.ts';
import { theme } from '../theme.ts';
import type { ViewPropsOf } from './view-props.ts';

/** Bindings that read as one row when a screen honours both: three lines saved for a 20-row terminal. */
const PAIRS: readonly (readonly [BindingId, BindingId, MessageKey])[] = [
  ['up', 'down', 'help.upDown'],
  ['pageUp', 'pageDown', 'help.pages'],
  ['top', 'bottom', 'help.ends'],
];

interface HelpRow {
  readonly id: string;
  readonly keys: string;
  readonly help: string;
}

/** Cells of the key column: `PgUp PgDn` and `N/A/T/S` with a gap. */
const KEY_COLUMN = 12;

/** Help: every key of the screen below, then the global keys, from the keybinding table. */
export function HelpView({ screen, height }: ViewPropsOf<'help'>) {
  const t = useT();
  // y (tui-cmdline) comes after the global keys: on a long list it is the row scrolled to last.
  const own: readonly BindingId[] = screen.bindings.filter((b) => b !== 'copy');
  const last: readonly BindingId[] = screen.bindings.includes('copy') ? ['copy'] : [];
  const ids = [...own, ...GLOBAL_BINDINGS.filter((g) => !own.includes(g)), ...last];
  // One row per key while they fit under the title; paired rows when they would not (20-row terminal).
  const paired = ids.length + 1 > height;
  const rows: HelpRow[] = [];
  for (const id of ids) {
    const pair = paired
      ? PAIRS.find(([a, b]) => (a === id || b === id) && ids.includes(a) && ids.includes(b))
      : undefined;
    if (pair && pair[1] === id) continue;
    if (pair) {
      const [a, b, help] = pair;
      rows.push({ id, keys: `${keyCaps(binding(a), t)} ${keyCaps(binding(b), t)}`, help: t(help) });
    } else {
      const b = binding(id);
      rows.push({ id, keys: keyCaps(b, t), help: t(b.help) });
    }
  }
  // The title and then the tmux hint give way when the keys need every line (a long list at 20 rows);
  // past that the rows scroll (↑/↓), with a line saying how many more are below.
  const title = rows.length + 1 <= height;
  const room = title ? height - 1 : height;
  const scrolls = rows.length > room;
  const shownCount = scrolls ? Math.max(1, room - 1) : rows.length;
  const top = Math.max(0, Math.min(screen.top, rows.length - shownCount));
  const shown = rows.slice(top, top + shownCount);
  const below = rows.length - top - shown.length;
  return (
    <Box flexDirection="column">
      {title ? <Text bold>{t('help.title')}</Text> : null}
      {shown.map((r) => (
        <Box key={r.id}>
          <Box width={KEY_COLUMN} flexShrink={0}>
            <Text color={theme.accent}>{r.keys}</Text>
          </Box>
          <Text wrap="truncate">{r.help}</Text>
        </Box>
      ))}
      {scrolls ? (
        <Text color={theme.muted} wrap="truncate">
          {below > 0 ? t('help.more', { count: below }) : t('help.moreAbove', { count: top })}
        </Text>
      ) : null}
      {rows.length + 2 <= height ? <Text color={theme.muted}>{t('help.tmux')}</Text> : null}
    </Box>
  );
}
