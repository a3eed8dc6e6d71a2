import { useT } from '../i18n/index.tsx';
import { PasswordFormView } from './password-form.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** Reset a mailbox's password with the live checklist of its policy. */
export function ResetPasswordView({ screen, height, width }: ViewPropsOf<'resetPassword'>) {
  const t = useT();
  const title = t('resetPassword.title', { address: screen.address });
  return (
    <PasswordFormView
      screen={screen}
      height={height}
      width={width}
      title={title}
      rules={screen.rules ?? {}}
    />
  );
}
