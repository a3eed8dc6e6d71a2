import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True when tmux is on the PATH (.ci/run installs it). */
export function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Throws when tmux is missing, so the end-to-end suite fails loudly instead of skipping.
 * Call it at the top of every e2e file.
 */
export function requireTmux(): void {
  if (!hasTmux()) {
    throw new Error('tmux is not installed: the end-to-end tests need it (.ci/run installs it with apt-get)');
  }
}

/** Options of a {@link TmuxTerminal}. */
export interface TmuxOptions {
  readonly cols?: number;
  readonly rows?: number;
  /** Extra environment of the command (set after the colour and CI variables are cleared). */
  readonly env?: Record<string, string>;
  /** Shell text run in the same pane before the command, e.g. `echo MARKER`. */
  readonly before?: string;
  /** Working directory of the pane. */
  readonly cwd?: string;
}

/** What the pane script prints once the command has ended. */
const EXITED = /^EXIT=\d+$/m;

/** Variables of the test runner that would change how the program draws: cleared in the pane. */
const CLEARED = ['CI', 'CONTINUOUS_INTEGRATION', 'FORCE_COLOR', 'NO_COLOR', 'TMUX', 'TMUX_PANE'];

/**
 * A real terminal: one tmux session on a private socket, so a test never touches the user's tmux.
 * The command runs without CI in its environment (Ink renders only the last frame when CI is set),
 * without the runner's FORCE_COLOR, and in `sh`, whatever the user's shell and tmux config are.
 */
export class TmuxTerminal {
  // A socket path of our own (-S): tmux 3.3 leaves the socket file behind after kill-server.
  readonly #socket = join(tmpdir(), `casella-e2e-${randomUUID().slice(0, 8)}.sock`);
  readonly #session = 'e2e';

  constructor(command: string, options: TmuxOptions = {}) {
    requireTmux();
    const env = Object.entries({ TERM: 'xterm-256color', ...options.env })
      .map(([k, v]) => `export ${k}=${shellQuote(v)};`)
      .join(' ');
    const before = options.before ? `${options.before};` : '';
    // After the program ends the pane stays (sleep) to show its exit code.
    const script = `unset ${CLEARED.join(' ')}; ${env} ${before} ${command}; echo "EXIT=$?"; sleep 120`;
    this.#tmux(
      'new-session',
      '-d',
      '-s',
      this.#session,
      '-x',
      String(options.cols ?? 80),
      '-y',
      String(options.rows ?? 24),
      ...(options.cwd ? ['-c', options.cwd] : []),
      // Several arguments: tmux runs them directly, not through the user's default shell.
      'sh',
      '-c',
      script,
    );
  }

  /** Sends tmux key names (`Enter`, `Escape`, `Down`, `C-c`). */
  keys(...keys: string[]): void {
    this.#tmux('send-keys', '-t', this.#session, ...keys);
  }

  /** Types text literally; tmux writes it in one go, so it arrives as a burst, like fast typing over SSH. */
  type(text: string): void {
    this.#tmux('send-keys', '-t', this.#session, '-l', text);
  }

  /** The visible screen as plain text, or with SGR escapes (colours, inverse) when `escapes` is set. */
  screen(options: { escapes?: boolean } = {}): string {
    return this.#tmux('capture-pane', '-p', ...(options.escapes ? ['-e'] : []), '-t', this.#session);
  }

  /** Everything the pane scrolled off its top (the alternate screen never adds to it). */
  history(): string {
    return this.#tmux('capture-pane', '-p', '-S', '-', '-E', '-1', '-t', this.#session);
  }

  /** Waits until the screen matches, or throws with the last screen (no timing is asserted). */
  async waitFor(pattern: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      last = this.screen();
      if (typeof pattern === 'string' ? last.includes(pattern) : pattern.test(last)) return last;
      // The program ended (crash or quit) without showing it: no point in waiting any longer.
      if (EXITED.test(last)) throw new Error(`the program ended before showing ${String(pattern)}:\n${last}`);
      await sleep(50);
    }
    throw new Error(`screen never showed ${String(pattern)}; last screen:\n${last}`);
  }

  /** Waits until the screen no longer contains `text`. */
  async waitForGone(text: string, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      last = this.screen();
      if (!last.includes(text)) return last;
      await sleep(50);
    }
    throw new Error(`screen still shows ${JSON.stringify(text)}; last screen:\n${last}`);
  }

  /** Waits for the command to end and returns its exit code (printed by the pane script). */
  async waitForExit(timeoutMs = 15_000): Promise<number> {
    const screen = await this.waitFor(/EXIT=\d+/, timeoutMs);
    return Number(/EXIT=(\d+)/.exec(screen)?.[1]);
  }

  /** True while the pane shows the alternate screen. */
  alternateScreen(): boolean {
    return this.#format('#{alternate_on}') === '1';
  }

  /** True when the pane's cursor is visible. */
  cursorVisible(): boolean {
    return this.#format('#{cursor_flag}') === '1';
  }

  /** The terminal settings of the pane's tty, as `stty -a` prints them. */
  stty(): string {
    return execFileSync('stty', ['-a', '-F', this.#format('#{pane_tty}')], { encoding: 'utf8' });
  }

  /**
   * Pid of the process named `name` that the pane's shell (or the process `parent`) started, or null when
   * there is none.
   */
  childPid(name: string, parent?: number): number | null {
    const shell = parent === undefined ? this.#format('#{pane_pid}') : String(parent);
    try {
      const out = execFileSync('pgrep', ['-P', shell, '-x', name], { encoding: 'utf8' }).trim();
      const pid = Number(out.split('\n')[0]);
      return Number.isInteger(pid) && pid > 0 ? pid : null;
    } catch {
      // pgrep exits 1 when nothing matches.
      return null;
    }
  }

  /** Resizes the window (the program gets SIGWINCH). */
  resize(cols: number, rows: number): void {
    this.#tmux('resize-window', '-t', this.#session, '-x', String(cols), '-y', String(rows));
  }

  /** Sets a server-wide option of the private tmux server (`set -g`), e.g. `set-clipboard on`. */
  setGlobal(option: string, value: string): void {
    this.#tmux('set-option', '-g', option, value);
  }

  /** The newest paste buffer (what an OSC 52 copy left with `set-clipboard on`), or null when none. */
  buffer(): string | null {
    try {
      return this.#tmux('show-buffer');
    } catch {
      // tmux exits 1 with "no buffers" until something is copied.
      return null;
    }
  }

  /** Kills the private tmux server and everything in it, and removes its socket. */
  close(): void {
    try {
      this.#tmux('kill-server');
    } catch {
      // Already gone.
    }
    rmSync(this.#socket, { force: true });
  }

  #format(format: string): string {
    return this.#tmux('display-message', '-p', '-t', this.#session, format).trim();
  }

  #tmux(...args: string[]): string {
    // -f /dev/null: the user's ~/.tmux.conf never changes what the tests see.
    return execFileSync('tmux', ['-S', this.#socket, '-f', '/dev/null', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
