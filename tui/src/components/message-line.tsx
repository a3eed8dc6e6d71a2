import { Text } from 'ink';
import { wordWrap } from '../format.ts';
import { useT } from '../i18n/index.tsx';
import type { Message } from '../state/message.ts';
import { paint, theme } from '../theme.ts';

/** Props of {@link MessageLine}. */
export interface MessageLineProps {
  /** The feedback line; nothing is shown when null. */
  readonly message: Message | null;
  /** Cells per line, so a long error wraps at words. */
  readonly width: number;
}

/** The feedback line: errors start with a word, not only a colour. */
export function MessageLine({ message, width }: MessageLineProps) {
  const t = useT();
  if (!message) return <Text> </Text>;
  const color =
    message.tone === 'error' ? theme.error : message.tone === 'success' ? theme.success : undefined;
  const prefix =
    message.tone === 'error' ? `${t('tone.error')}: ` : message.tone === 'success' ? `${t('tone.ok')}: ` : '';
  return <Text {...paint(color)}>{wordWrap(`${prefix}${t(message.key, message.params)}`, width)}</Text>;
}
