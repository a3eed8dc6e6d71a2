import { Text } from 'ink';
import { shortBytes } from '../format.ts';
import { useLang } from '../i18n/index.tsx';
import { Bar } from './bar.tsx';

/** Props of {@link QuotaFigure}. */
export interface QuotaFigureProps {
  /** Bytes used; null when unknown (shown as `?`). */
  readonly used: number | null;
  /** Bytes allowed; 0 = unlimited (shown as `∞`). */
  readonly limit: number;
  /** Cells inside the bar's brackets. */
  readonly barWidth: number;
  /** Show `1.2G/5G` after the bar. */
  readonly figure: boolean;
}

/** A quota bar, then a short used/limit figure when there is room: `[###-----] 1.2G/5G`. */
export function QuotaFigure({ used, limit, barWidth, figure }: QuotaFigureProps) {
  const lang = useLang();
  const text = `${used === null ? '?' : shortBytes(used, lang)}/${limit > 0 ? shortBytes(limit, lang) : '∞'}`;
  return (
    <Text>
      <Bar value={used ?? 0} max={limit} width={barWidth} />
      {figure ? ` ${text}` : ''}
    </Text>
  );
}
