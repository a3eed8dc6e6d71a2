import { Box, Text } from 'ink';
import { FormView } from '../components/form-view.tsx';
import { Paragraph } from '../components/paragraph.tsx';
import { useT } from '../i18n/index.tsx';
import { theme } from '../theme.ts';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** Buy / raise slots: a global admin sets a new maximum, a domain admin is told to order more. */
export function BuyView({ screen, width }: ViewPropsOf<'buy'>) {
  const t = useT();
  const setup = screen.setup;
  return (
    <Box flexDirection="column">
      <Text bold>{t('buy.title', { domain: screen.domain })}</Text>
      <Busy screen={screen} />
      {setup?.slots.map((s) => (
        <Text key={s.cosId}>
          {s.cosName}:{' '}
          {s.max === null
            ? t('dashboard.unlimitedSlots', { used: s.used })
            : t('dashboard.slots', { used: s.used, max: s.max, free: s.free ?? 0 })}
        </Text>
      ))}
      {setup && !setup.globalAdmin ? (
        <Paragraph text={t('buy.orderMore')} width={width} color={theme.warning} />
      ) : (
        <Box flexDirection="column" marginTop={1}>
          <Text color={theme.muted}>{t('buy.raiseHint')}</Text>
          <FormView form={screen.form} />
        </Box>
      )}
    </Box>
  );
}
