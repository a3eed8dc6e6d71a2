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
}

/** A form with a new password: heading, spinner, fields, and the live checklist of the policy. */
export function PasswordFormView({ screen, title, rules, notes, children }: PasswordFormViewProps) {
  return (
    <Box flexDirection="column">
      <Text bold>{title}</Text>
      <Busy screen={screen} />
      <FormView form={screen.form} notes={notes} />
      {children}
      <Checklist checks={checkFormPassword(rules, screen.form)} />
    </Box>
  );
}
