/** How often the parent's pid is checked; a second is quick enough for a human and costs nothing. */
const POLL_MS = 1000;

/**
 * Calls `onGone` once when the process that started this one dies (the pid of the parent changes, as
 * the orphan is re-parented) or when the terminal's input ends or fails (a hang-up without SIGHUP).
 * Why: killing the `npm` of `npm start` leaves the TUI orphaned, holding the terminal raw with echo off.
 * Returns the function that stops watching.
 */
export function watchParent(input: NodeJS.ReadStream, onGone: () => void): () => void {
  const parent = process.ppid;
  let done = false;
  const fire = () => {
    if (done) return;
    stop();
    onGone();
  };
  const timer = setInterval(() => {
    if (process.ppid !== parent) fire();
  }, POLL_MS);
  // The poll alone never keeps the process alive.
  timer.unref();
  input.on('end', fire);
  input.on('error', fire);
  function stop() {
    done = true;
    clearInterval(timer);
    input.off('end', fire);
    input.off('error', fire);
  }
  return stop;
}
