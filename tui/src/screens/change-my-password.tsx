import { useT } from '../i18n/index.tsx';
import { PANEL_RULES } from '../state/password-check.ts';
import { PasswordFormView } from './password-form.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** A mailbox owner changes their own password. */
export function ChangeMyPasswordView({ screen, height, width }: ViewPropsOf<'changeMyPassword'>) {
  const t = useT();
  return (
    <PasswordFormView
      screen={screen}
      height={height}
      width={width}
      title={t('changeMyPassword.title')}
      rules={PANEL_RULES}
    />
  );
}
