import { Text } from 'ink';
import { useT } from '../i18n/index.tsx';
import { fitContext } from '../state/context-line.ts';
import type { Env } from '../state/screen-base.ts';
import { theme } from '../theme.ts';

/** Props of {@link ContextLine}. */
export interface ContextLineProps {
  /** Who is logged in, where, with which profile. */
  readonly env: Env;
  /** Columns of the terminal. */
  readonly width: number;
}

/**
 * Server, profile (or `demo`) and admin, on every screen under the breadcrumb: an admin with several
 * profiles open in several terminals must see where a change will land before making it.
 */
export function ContextLine({ env, width }: ContextLineProps) {
  const t = useT();
  const profile = env.demo ? t('context.demo') : (env.profile ?? '');
  return (
    <Text color={theme.muted} wrap="truncate-end">
      {fitContext({ server: env.server, profile, admin: env.user }, width)}
    </Text>
  );
}
