import { useT } from '../i18n/index.tsx';
import { PasswordFormView } from './password-form.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** The postmaster sets a new password on a PEC mailbox. */
export function PecChangePasswordView({ screen, height, width }: ViewPropsOf<'pecChangePassword'>) {
  const t = useT();
  const title = t('pecChangePassword.title', { address: screen.address });
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
