import { Text } from 'ink';
import { useT } from '../i18n/index.tsx';
import { theme } from '../theme.ts';
import { PasswordFormView } from './password-form.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** The postmaster's own password: current, new twice, with the live checklist of the PEC policy. */
export function PecOwnPasswordView({ screen }: ViewPropsOf<'pecOwnPassword'>) {
  const t = useT();
  const title = t('pecOwnPassword.title', { address: screen.address });
  return (
    <PasswordFormView screen={screen} title={title} rules={screen.rules ?? {}}>
      <Text color={theme.muted} wrap="truncate">
        {t('pecOwnPassword.hint')}
      </Text>
    </PasswordFormView>
  );
}
