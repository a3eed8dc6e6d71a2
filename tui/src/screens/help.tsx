import { Box, Text } from 'ink';
import { useT } from '../i18n/index.tsx';
import { type BindingId, binding, GLOBAL_BINDINGS } from '../keys/bindings.ts';
import { theme } from '../theme.ts';
import type { ViewPropsOf } from './view-props.ts';

/** Help: every key of the screen below, then the global keys, from the keybinding table. */
export function HelpView({ screen, height }: ViewPropsOf<'help'>) {
  const t = useT();
  // y (tui-cmdline) comes after the global keys: on a long list at 24 rows it is the line that gives way.
  const own: readonly BindingId[] = screen.bindings.filter((b) => b !== 'copy');
  const last: readonly BindingId[] = screen.bindings.includes('copy') ? ['copy'] : [];
  const ids = [...own, ...GLOBAL_BINDINGS.filter((g) => !own.includes(g)), ...last];
  return (
    <Box flexDirection="column">
      <Text bold>{t('help.title')}</Text>
      {ids.map((id) => {
        const b = binding(id);
        return (
          <Box key={id}>
            <Box width={12}>
              <Text color={theme.accent}>{b.keys}</Text>
            </Box>
            <Text wrap="truncate">{t(b.help)}</Text>
          </Box>
        );
      })}
      {/* The tmux hint gives way first when the keys need every line (a long list at 24 rows). */}
      {ids.length + 2 <= height ? <Text color={theme.muted}>{t('help.tmux')}</Text> : null}
    </Box>
  );
}
