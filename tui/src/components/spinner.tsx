import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { theme } from '../theme.ts';

const FRAMES = ['|', '/', '-', '\\'];

/** Props of {@link Spinner}. */
export interface SpinnerProps {
  /** What is being waited for, already translated. */
  readonly label: string;
}

/** An ASCII spinner with a label, for operations still running. */
export function Spinner({ label }: SpinnerProps) {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), 120);
    return () => clearInterval(timer);
  }, []);
  return (
    <Text color={theme.accent}>
      {FRAMES[frame]} {label}
    </Text>
  );
}
