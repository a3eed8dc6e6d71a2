import { watchParent } from './watch-parent.ts';

const ENTER = '\x1b[?1049h\x1b[H';
const LEAVE = '\x1b[?25h\x1b[?1049l';

/** Exit codes of the signals that end the UI: 128 + the signal's number, as a shell reports them. */
const SIGNAL_EXIT: Readonly<Record<'SIGHUP' | 'SIGINT' | 'SIGTERM', number>> = {
  SIGHUP: 129,
  SIGINT: 130,
  SIGTERM: 143,
};

/**
 * Switches to the alternate screen and returns the function that restores the terminal.
 * Ink 6 has no alternate screen: the restore runs on normal exit, crash, SIGINT, SIGTERM and SIGHUP, and
 * when the parent process dies or the terminal's input ends (an orphan would hold the terminal raw).
 */
export function enterAlternateScreen(
  out: NodeJS.WriteStream = process.stdout,
  input: NodeJS.ReadStream = process.stdin,
): () => void {
  let active = true;
  out.write(ENTER);
  const stopWatching = watchParent(input, () => end(SIGNAL_EXIT.SIGHUP));
  const leave = () => {
    if (!active) return;
    active = false;
    stopWatching();
    // Raw mode outlives the process on the tty: put the line discipline back before leaving.
    if (input.isTTY) input.setRawMode(false);
    out.write(LEAVE);
  };
  const end = (code: number) => {
    leave();
    process.exit(code);
  };
  process.on('exit', leave);
  for (const signal of Object.keys(SIGNAL_EXIT) as (keyof typeof SIGNAL_EXIT)[]) {
    process.once(signal, () => end(SIGNAL_EXIT[signal]));
  }
  process.once('uncaughtException', (error) => {
    leave();
    console.error(error);
    process.exit(1);
  });
  return leave;
}
