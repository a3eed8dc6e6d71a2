import { Spinner } from '../components/spinner.tsx';
import { useT } from '../i18n/index.tsx';
import type { ScreenBase } from '../state/screen-base.ts';

/** Props of {@link Busy}. */
export interface BusyProps {
  /** The screen; a spinner shows while its request is in flight. */
  readonly screen: ScreenBase;
}

/** A spinner while the screen waits for the backend, nothing otherwise. */
export function Busy({ screen }: BusyProps) {
  const t = useT();
  if (!screen.pending) return null;
  return <Spinner label={t('busy.working')} />;
}
