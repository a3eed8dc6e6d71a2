import { Box, Text } from 'ink';
import { Bar } from '../components/bar.tsx';
import { FormView } from '../components/form-view.tsx';
import { formatBytes, formatPercent } from '../format.ts';
import { useLang, useT } from '../i18n/index.tsx';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** Quota detail of one mailbox. */
export function QuotaView({ screen }: ViewPropsOf<'quota'>) {
  const t = useT();
  const lang = useLang();
  const q = screen.quota;
  return (
    <Box flexDirection="column">
      <Text bold>{t('quota.title', { address: screen.address })}</Text>
      <Busy screen={screen} />
      {q ? (
        <Box flexDirection="column">
          <Text>
            {t('quota.used')}: {formatBytes(q.usedBytes, lang)}
          </Text>
          <Text>
            {t('quota.limit')}: {q.limitBytes > 0 ? formatBytes(q.limitBytes, lang) : t('quota.unlimited')}
          </Text>
          {q.limitBytes > 0 ? (
            <Text>
              <Bar value={q.usedBytes} max={q.limitBytes} width={30} />{' '}
              {formatPercent(q.usedBytes, q.limitBytes, lang)}
            </Text>
          ) : null}
          <Box marginTop={1}>
            <FormView form={screen.form} />
          </Box>
        </Box>
      ) : null}
    </Box>
  );
}
