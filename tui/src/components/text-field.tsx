import { Box, Text } from 'ink';
import { useT } from '../i18n/index.tsx';
import type { Field } from '../state/form.ts';
import { MASK, paint, SELECTED, theme, UNSELECTED } from '../theme.ts';

/** Props of {@link TextField}. */
export interface TextFieldProps {
  /** The field: its label, kind, value and suffix. */
  readonly field: Field;
  /** True when keys go to this field (it shows the cursor). */
  readonly focused: boolean;
  /** Width of the label column. @default 20 */
  readonly labelWidth?: number;
}

/** One form row: label, value (masked for secrets, `< >` around choices) and a cursor when focused. */
export function TextField({ field, focused, labelWidth = 20 }: TextFieldProps) {
  const t = useT();
  const shown =
    field.kind === 'secret'
      ? MASK.repeat([...field.value].length)
      : field.kind === 'choice'
        ? `< ${field.value || '-'} >`
        : field.value;
  return (
    <Box>
      <Text {...paint(focused ? theme.accent : undefined)}>{focused ? SELECTED : UNSELECTED} </Text>
      <Box width={labelWidth}>
        <Text wrap="truncate">{t(field.label)}</Text>
      </Box>
      <Text wrap="truncate">
        {shown}
        {focused && field.kind !== 'choice' ? '_' : ''}
        {field.suffix ? <Text color={theme.muted}>{field.suffix}</Text> : null}
      </Text>
    </Box>
  );
}
