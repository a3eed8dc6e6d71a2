import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { Checklist } from '../components/checklist.tsx';
import { FormView } from '../components/form-view.tsx';
import type { PasswordRules } from '../services/types.ts';
import type { FormScreen } from '../state/form-screen.ts';
import type { Message } from '../state/message.ts';
import { checkFormPassword } from '../state/password-form.ts';
import { Busy } from './busy.tsx';

/** Props of {@link PasswordFormView}. */
export interface PasswordFormViewProps {
  /** The form screen; its request in flight shows the spinner. */
  readonly screen: FormScreen;
  /** The heading, already translated. */
  readonly title: string;
  /** The policy the checklist shows (empty while it loads: only the repetition line). */
  readonly rules: PasswordRules;
  /** Early-check notes by field name (a name taken, a type full), shown on the field's row. */
  readonly notes?: Readonly<Record<string, Message>> | undefined;
  /** Lines between the fields and the checklist. */
  readonly children?: ReactNode;
  /** How many lines `children` take, so the checklist knows its room. @default 0 */
  readonly childLines?: number;
  /** Lines of the view's body. */
  readonly height: number;
  /** Columns of the terminal. */
  readonly width: number;
}

/** A form with a new password: heading, spinner, fields, and the live checklist of the policy. */
export function PasswordFormView({
  screen,
  title,
  rules,
  notes,
  children,
  childLines = 0,
  height,
  width,
}: PasswordFormViewProps) {
  const checks = checkFormPassword(rules, screen.form);
  // The title, the spinner while sending and the fields come first; an error on the message line may wrap
  // to a second line, which the app's frame takes from the body.
  const room =
    height - 1 - (screen.pending ? 1 : 0) - screen.form.fields.length - childLines - (screen.message ? 1 : 0);
  return (
    <Box flexDirection="column">
      <Text bold>{title}</Text>
      <Busy screen={screen} />
      <FormView form={screen.form} notes={notes} />
      {children}
      <Checklist checks={checks} rows={room} width={width} />
    </Box>
  );
}
