import { Text } from 'ink';
import { wordWrap } from '../format.ts';
import { paint } from '../theme.ts';

/** Props of {@link Paragraph}. */
export interface ParagraphProps {
  /** The prose, wrapped at spaces to `width`. */
  readonly text: string;
  /** Cells per line: the width of the column the paragraph sits in. */
  readonly width: number;
  /** A theme colour; the terminal's own when not given. */
  readonly color?: string;
  /** Bold text, for a heading-like paragraph. */
  readonly bold?: boolean;
}

/** Prose wrapped at word boundaries, with no line starting with a blank (Ink's wrap leaves one). */
export function Paragraph({ text, width, color, bold = false }: ParagraphProps) {
  return (
    <Text {...paint(color)} bold={bold}>
      {wordWrap(text, width)}
    </Text>
  );
}
