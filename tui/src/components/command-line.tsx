import { Box, Text } from 'ink';
import { useT } from '../i18n/index.tsx';
import type { CommandLine } from '../state/command-line.ts';
import { colourless, TEXT_CURSOR, theme } from '../theme.ts';

/** Props of {@link CommandLineView}. */
export interface CommandLineViewProps {
  /** The open prompt. */
  readonly command: CommandLine;
  /** Cells per line. */
  readonly width: number;
}

/**
 * The `:` prompt, over the footer's two lines: the line being typed with its cursor, then what Tab
 * listed (the one put in last in inverse video), or the keys of the prompt.
 */
export function CommandLineView({ command, width }: CommandLineViewProps) {
  const t = useT();
  const chars = [...command.line.text];
  const at = command.line.cursor;
  const cycle = command.cycle;
  return (
    <Box flexDirection="column" flexShrink={0} width={width}>
      <Text wrap="truncate-start">
        <Text color={theme.accent} bold>
          :
        </Text>
        {chars.slice(0, at).join('')}
        {at >= chars.length ? (
          '_'
        ) : (
          <>
            {colourless() ? TEXT_CURSOR : null}
            <Text inverse>{chars[at]}</Text>
            {chars.slice(at + 1).join('')}
          </>
        )}
      </Text>
      {cycle ? (
        <Text wrap="truncate">
          {cycle.candidates.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: Ink 6 misplaces reordered nested Text nodes; keep positions.
            <Text key={i}>
              {i > 0 ? '  ' : ''}
              <Text inverse={i === cycle.index}>{c}</Text>
            </Text>
          ))}
        </Text>
      ) : (
        <Text color={theme.muted} wrap="truncate">
          {command.waiting ? t('command.loading') : t('command.hint')}
        </Text>
      )}
    </Box>
  );
}
