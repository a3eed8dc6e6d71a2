import { Box } from 'ink';
import type { FormState } from '../state/form.ts';
import { TextField } from './text-field.tsx';

/** Props of {@link FormView}. */
export interface FormViewProps {
  readonly form: FormState;
}

/** All fields of a form, the focused one marked. */
export function FormView({ form }: FormViewProps) {
  return (
    <Box flexDirection="column">
      {form.fields.map((f, i) => (
        <TextField key={f.name} field={f} focused={i === form.focus} />
      ))}
    </Box>
  );
}
