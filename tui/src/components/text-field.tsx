import { Box, Text } from 'ink';
import { useT } from '../i18n/index.tsx';
import { cursorOf, type Field } from '../state/form.ts';
import type { Message } from '../state/message.ts';
import { colourless, MASK, paint, SELECTED, TEXT_CURSOR, theme, UNSELECTED } from '../theme.ts';

/** Props of {@link TextField}. */
export interface TextFieldProps {
  /** The field: its label, kind, value and suffix. */
  readonly field: Field;
  /** True when keys go to this field (it shows the cursor). */
  readonly focused: boolean;
  /** Width of the label column. @default 20 */
  readonly labelWidth?: number;
  /** What an early check found about the value (taken, free, full), shown after it on the same row. */
  readonly note?: Message | undefined;
}

const NOTE_COLOUR = { error: theme.error, success: theme.success, info: theme.muted } as const;

/**
 * One form row: label, value (masked for secrets, `< >` around choices) and, when focused, the cursor:
 * `_` at the end, the character under it in inverse video inside the value (a `|` before it without
 * colour, where inverse video does not show).
 */
export function TextField({ field, focused, labelWidth = 20, note }: TextFieldProps) {
  const t = useT();
  const chars = field.kind === 'secret' ? [...field.value].map(() => MASK) : [...field.value];
  return (
    <Box>
      <Box flexShrink={0}>
        <Text {...paint(focused ? theme.accent : undefined)}>{focused ? SELECTED : UNSELECTED} </Text>
      </Box>
      {/* A long value or note is cut at its end; the marker and label column never give way to it. */}
      <Box width={labelWidth} flexShrink={0}>
        <Text wrap="truncate">{t(field.label)}</Text>
      </Box>
      <Text wrap="truncate">
        {field.kind === 'choice' ? (
          `< ${choiceLabel(field, t) || '-'} >`
        ) : (
          <Value chars={chars} at={focused ? cursorOf(field) : -1} />
        )}
        {field.suffix ? <Text color={theme.muted}>{field.suffix}</Text> : null}
        {note ? <Text {...paint(NOTE_COLOUR[note.tone])}>{`  — ${t(note.key, note.params)}`}</Text> : null}
      </Text>
    </Box>
  );
}

function choiceLabel(field: Field, t: ReturnType<typeof useT>): string {
  const key = field.optionLabels?.[field.value];
  return key ? t(key) : field.value;
}

/** A value with the cursor at `at` (none when negative). */
function Value({ chars, at }: { readonly chars: readonly string[]; readonly at: number }) {
  if (at < 0) return <>{chars.join('')}</>;
  if (at >= chars.length) return <>{`${chars.join('')}_`}</>;
  const before = chars.slice(0, at).join('');
  const after = chars.slice(at + 1).join('');
  const under = chars[at] ?? '';
  return (
    <>
      {before}
      {colourless() ? TEXT_CURSOR : null}
      <Text inverse>{under}</Text>
      {after}
    </>
  );
}
