import { Box, Text } from 'ink';
import { Bar } from '../components/bar.tsx';
import { formatBytes } from '../format.ts';
import { useT } from '../i18n/index.tsx';
import { Busy } from './busy.tsx';
import type { ViewPropsOf } from './view-props.ts';

/** Quota detail of one mailbox. */
export function QuotaView({ screen }: ViewPropsOf<'quota'>) {
  const t = useT();
  const q = screen.quota;
  return (
    <Box flexDirection="column">
      <Text bold>{t('quota.title', { address: screen.address })}</Text>
      <Busy screen={screen} />
      {q ? (
        <Box flexDirection="column">
          <Text>
            {t('quota.used')}: {formatBytes(q.usedBytes)}
          </Text>
          <Text>
            {t('quota.limit')}: {q.limitBytes > 0 ? formatBytes(q.limitBytes) : t('quota.unlimited')}
          </Text>
          {q.limitBytes > 0 ? (
            <Text>
              <Bar value={q.usedBytes} max={q.limitBytes} width={30} />{' '}
              {((100 * q.usedBytes) / q.limitBytes).toFixed(1)}%
            </Text>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
}
