import { useT } from '../i18n/index.tsx';
import { pecNameNote } from '../state/screens/pec-create.ts';
import { PasswordFormView } from './password-form.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** Create a PEC mailbox with the early name check and the live checklist of the PEC policy. */
export function PecCreateView({ screen }: ViewPropsOf<'pecCreate'>) {
  const t = useT();
  const title = t('pecCreate.title', { domain: screen.domain });
  const note = pecNameNote(screen);
  return (
    <PasswordFormView
      screen={screen}
      title={title}
      rules={screen.rules ?? {}}
      notes={note ? { localPart: note } : {}}
    />
  );
}
