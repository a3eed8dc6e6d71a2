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
  /** Show the server's own words under the sentence (the user pressed d). */
  readonly showDetail?: boolean;
  /** True while a text field takes letters: the details key is then Ctrl+D. */
  readonly typing?: boolean;
}

/** The feedback line: errors start with a word, not only a colour. */
export function MessageLine({ message, width, showDetail = false, typing = false }: MessageLineProps) {
  const t = useT();
  if (!message) return <Text> </Text>;
  const color =
    message.tone === 'error' ? theme.error : message.tone === 'success' ? theme.success : undefined;
  const prefix =
    message.tone === 'error' ? `${t('tone.error')}: ` : message.tone === 'success' ? `${t('tone.ok')}: ` : '';
  const sentence = `${prefix}${t(message.key, message.params)}`;
  if (!message.detail) return <Text {...paint(color)}>{wordWrap(sentence, width)}</Text>;
  if (showDetail) {
    const words = `${sentence}\n${t('error.detailsTitle')}: ${message.detail}`;
    return <Text {...paint(color)}>{wordWrap(words, width)}</Text>;
  }
  const hint = typing ? t('error.detailsTyping') : t('error.details');
  return <Text {...paint(color)}>{wordWrap(`${sentence} [${hint}]`, width)}</Text>;
}
