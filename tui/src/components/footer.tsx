import { Box, Text } from 'ink';
import { cells } from '../format.ts';
import { type Translate, useT } from '../i18n/index.tsx';
import { type BindingId, binding, GLOBAL_BINDINGS } from '../keys/bindings.ts';
import { theme } from '../theme.ts';
import { keyCaps } from './key-caps.ts';

/** Props of {@link Footer}. */
export interface FooterProps {
  /** The current screen's bindings, from the keybinding table. */
  readonly bindings: readonly BindingId[];
  /** When false (text is being typed), `?` and `q` are not offered. */
  readonly globals: boolean;
  /** Cells per line. */
  readonly width: number;
  /** Bindings shown after the others only when they fit without cutting any (e.g. `y copy`). */
  readonly optional?: readonly BindingId[];
}

/** Lines a footer may take: the screens' layout keeps room for two. */
const MAX_LINES = 2;
const GAP = '  ';

interface Item {
  readonly keys: string;
  readonly label: string;
}

/** Items packed into lines of at most `width` cells, never splitting an item; the last line is cut if need be. */
function pack(items: readonly Item[], width: number): Item[][] {
  const lines: Item[][] = [[]];
  let used = 0;
  for (const item of items) {
    const size = cells(item.keys) + 1 + cells(item.label);
    const line = lines[lines.length - 1] ?? [];
    if (line.length > 0 && used + GAP.length + size > width && lines.length < MAX_LINES) {
      lines.push([item]);
      used = size;
    } else {
      line.push(item);
      used += (line.length > 1 ? GAP.length : 0) + size;
    }
  }
  return lines;
}

/** True when no line is wider than `width` (a cut line would hide its last keys). */
function fits(lines: readonly Item[][], width: number): boolean {
  return lines.every(
    (line) =>
      line.reduce(
        (sum, item, i) => sum + (i > 0 ? GAP.length : 0) + item.keys.length + 1 + item.label.length,
        0,
      ) <= width,
  );
}

function itemsOf(ids: readonly BindingId[], t: Translate): Item[] {
  return ids.map((id) => {
    const b = binding(id);
    return { keys: keyCaps(b, t), label: t(b.label) };
  });
}

/**
 * The keys that work on this screen, built from the keybinding table. Why two lines: at 80 columns
 * the Mailboxes screen has eleven keys, and a cut line would hide `? help` and `q quit`.
 */
export function Footer({ bindings, globals, width, optional = [] }: FooterProps) {
  const t = useT();
  // `:` is a global key, but like the optional ones it never pushes `? help` or `q quit` off the footer.
  const extra = globals
    ? GLOBAL_BINDINGS.filter((g) => g !== 'forceQuit' && g !== 'command' && !bindings.includes(g))
    : [];
  // Optional keys go before `? help  q quit`, which always end the footer, and only when they fit.
  let shown: BindingId[] = [...bindings];
  for (const id of [...optional, ...(globals ? (['command'] as const) : [])]) {
    if (shown.includes(id)) continue;
    const tried = [...shown, id];
    if (fits(pack(itemsOf([...tried, ...extra], t), width), width)) shown = tried;
  }
  const lines = pack(itemsOf([...shown, ...extra], t), width);
  return (
    <Box flexDirection="column" flexShrink={0}>
      {lines.map((line, n) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their position.
        <Text key={n} wrap="truncate">
          {line.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: Ink 6 misplaces reordered nested Text nodes; keep positions.
            <Text key={i}>
              {i > 0 ? GAP : ''}
              <Text color={theme.accent} bold>
                {item.keys}
              </Text>{' '}
              {item.label}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
