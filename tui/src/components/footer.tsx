import { Text } from 'ink';
import { useT } from '../i18n/index.tsx';
import { type BindingId, binding, GLOBAL_BINDINGS } from '../keys/bindings.ts';
import { theme } from '../theme.ts';

/** Props of {@link Footer}. */
export interface FooterProps {
  /** The current screen's bindings, from the keybinding table. */
  readonly bindings: readonly BindingId[];
  /** When false (text is being typed), `?` and `q` are not offered. */
  readonly globals: boolean;
}

/** One line listing the keys that work on this screen, built from the keybinding table. */
export function Footer({ bindings, globals }: FooterProps) {
  const t = useT();
  const extra = globals ? GLOBAL_BINDINGS.filter((g) => g !== 'forceQuit' && !bindings.includes(g)) : [];
  const ids = [...bindings, ...extra];
  return (
    <Text wrap="truncate">
      {ids.map((id, i) => {
        const b = binding(id);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: Ink 6 misplaces reordered nested Text nodes; keep positions.
          <Text key={i}>
            {i > 0 ? '  ' : ''}
            <Text color={theme.accent} bold>
              {b.keys}
            </Text>{' '}
            {t(b.label)}
          </Text>
        );
      })}
    </Text>
  );
}
