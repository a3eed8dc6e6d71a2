import { Box } from 'ink';
import { useT } from '../i18n/index.tsx';
import type { FormState } from '../state/form.ts';
import type { Message } from '../state/message.ts';
import { TextField } from './text-field.tsx';

/** Props of {@link FormView}. */
export interface FormViewProps {
  /** The fields and which one has the focus. */
  readonly form: FormState;
  /** Early-check notes by field name, each shown on its field's row. */
  readonly notes?: Readonly<Record<string, Message>> | undefined;
}

/** Narrowest label column; wider when a label of the current language needs it, so none is cut. */
const MIN_LABEL_WIDTH = 20;

/** All fields of a form, the focused one marked. */
export function FormView({ form, notes }: FormViewProps) {
  const t = useT();
  const labelWidth = Math.max(MIN_LABEL_WIDTH, ...form.fields.map((f) => [...t(f.label)].length + 2));
  return (
    <Box flexDirection="column">
      {form.fields.map((f, i) => (
        <TextField
          key={f.name}
          field={f}
          focused={i === form.focus}
          labelWidth={labelWidth}
          note={notes?.[f.name]}
        />
      ))}
    </Box>
  );
}
