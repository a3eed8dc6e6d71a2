import { Box, Text } from 'ink';
import { Bar } from '../components/bar.tsx';
import { Menu } from '../components/menu.tsx';
import { formatBytes } from '../format.ts';
import { useLang, useT } from '../i18n/index.tsx';
import type { TypeSlots } from '../services/types.ts';
import { DASHBOARD_ITEMS, dashboardItemDisabled } from '../state/screens/dashboard.ts';
import { theme } from '../theme.ts';
import { Busy } from './busy.tsx';
import { statusWord } from './status-word.ts';
import type { ViewPropsOf } from './view-props.ts';

function SlotLine({
  label,
  used,
  max,
  free,
}: {
  label: string;
  used: number;
  max: number | null;
  free: number | null;
}) {
  const t = useT();
  return (
    <Box>
      <Box width={16}>
        <Text wrap="truncate">{label}</Text>
      </Box>
      {max === null ? (
        <Text>{t('dashboard.unlimitedSlots', { used })}</Text>
      ) : (
        <Text>
          <Bar value={used} max={max} width={16} /> {t('dashboard.slots', { used, max, free: free ?? 0 })}
        </Text>
      )}
    </Box>
  );
}

/** A domain's dashboard: service status, mailboxes per type, total, quota summary, actions. */
export function DashboardView({ screen }: ViewPropsOf<'dashboard'>) {
  const t = useT();
  const lang = useLang();
  const d = screen.data;
  const active = d?.status === 'active';
  return (
    <Box flexDirection="column">
      <Busy screen={screen} />
      {d ? (
        <Box flexDirection="column">
          <Text>
            {t('dashboard.service')}{' '}
            <Text color={active ? theme.success : theme.error} bold>
              {active ? t('dashboard.active') : t('dashboard.notActive', { status: statusWord(t, d.status) })}
            </Text>
          </Text>
          {d.types.map((s: TypeSlots) => (
            <SlotLine key={s.cosId} label={s.cosName} used={s.used} max={s.max} free={s.free} />
          ))}
          <SlotLine label={t('dashboard.total')} used={d.total.used} max={d.total.max} free={d.total.free} />
          <Text wrap="truncate">
            {d.quota.counted < d.quota.mailboxes
              ? t('dashboard.quotaPartial', {
                  used: formatBytes(d.quota.usedBytes, lang),
                  limit: formatBytes(d.quota.limitBytes, lang),
                  counted: d.quota.counted,
                  mailboxes: d.quota.mailboxes,
                })
              : t('dashboard.quota', {
                  used: formatBytes(d.quota.usedBytes, lang),
                  limit: formatBytes(d.quota.limitBytes, lang),
                  unlimited: d.quota.unlimited,
                })}
          </Text>
        </Box>
      ) : null}
      <Box marginTop={1}>
        <Menu
          items={DASHBOARD_ITEMS.map((i) => {
            const why = dashboardItemDisabled(screen, i.id);
            return {
              label: t(i.label),
              disabled: why ? t('menu.disabledBecause', { reason: t(why.key, why.params) }) : null,
            };
          })}
          cursor={screen.cursor}
        />
      </Box>
    </Box>
  );
}
