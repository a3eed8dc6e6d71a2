/**
 * The OSC 52 sequence that sets the terminal's clipboard to `text`: `ESC ] 52 ; c ; <base64> BEL`.
 * Why OSC 52: over SSH the admin's clipboard is on the terminal's side, and only the terminal can reach
 * it. Inside tmux the plain sequence is the right one: with `set -g set-clipboard on` tmux keeps it as a
 * paste buffer and passes it on to the outer terminal itself (see docs/tui-command-line.md).
 */
export function osc52(text: string): string {
  return `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}
