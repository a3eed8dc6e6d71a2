import { Text } from 'ink';
import { wordWrap } from '../format.ts';
import { paint } from '../theme.ts';

/** Props of {@link Paragraph}. */
export interface ParagraphProps {
  readonly text: string;
  /** Cells per line: the width of the column the paragraph sits in. */
  readonly width: number;
  readonly color?: string;
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
