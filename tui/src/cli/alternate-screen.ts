const ENTER = '\x1b[?1049h\x1b[H';
const LEAVE = '\x1b[?25h\x1b[?1049l';

/**
 * Switches to the alternate screen and returns the function that restores the terminal.
 * Ink 6 has no alternate screen: the restore runs on normal exit, crash, SIGTERM and SIGHUP.
 */
export function enterAlternateScreen(out: NodeJS.WriteStream = process.stdout): () => void {
  let active = true;
  out.write(ENTER);
  const leave = () => {
    if (!active) return;
    active = false;
    out.write(LEAVE);
  };
  process.on('exit', leave);
  const onSignal = (signal: NodeJS.Signals) => {
    leave();
    process.exit(signal === 'SIGTERM' ? 143 : 129);
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  process.once('uncaughtException', (error) => {
    leave();
    console.error(error);
    process.exit(1);
  });
  return leave;
}
