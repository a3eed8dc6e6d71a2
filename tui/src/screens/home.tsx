import { Box, Text } from 'ink';
import { Menu } from '../components/menu.tsx';
import { useT } from '../i18n/index.tsx';
import { HOME_ITEMS } from '../state/screens/home.ts';
import { theme } from '../theme.ts';
import type { ViewPropsOf } from './view-props.ts';

/** Props of {@link HomeView}: the screen plus who is logged in where. */
export interface HomeViewProps extends ViewPropsOf<'home'> {
  /** The admin user logged in. */
  readonly user: string;
  /** The server it is logged in to (the mock's address in demo mode). */
  readonly server: string;
}

/** The Home menu. */
export function HomeView({ screen, user, server }: HomeViewProps) {
  const t = useT();
  return (
    <Box flexDirection="column">
      <Text bold>{t('home.title')}</Text>
      <Text color={theme.muted} wrap="truncate">
        {t('home.connected', { user, server })}
      </Text>
      <Box marginTop={1}>
        <Menu items={HOME_ITEMS.map((i) => ({ label: t(i.label) }))} cursor={screen.cursor} />
      </Box>
    </Box>
  );
}
