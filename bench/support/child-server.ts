// Starts a bench server script as a child process and waits for its `listening <url>` line.
import { type ChildProcess, spawn } from 'node:child_process';

/** A server running in its own process (its CPU never counts as the client's). */
export interface ChildServer {
  readonly url: string;
  /** Whatever the server printed after the URL on its `listening` line. */
  readonly extra: string;
  stop(): Promise<void>;
}

/** Runs `script` with tsx and resolves once it listens. */
export function startChildServer(script: string, args: readonly string[] = []): Promise<ChildServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=@casella/source', '--import', 'tsx', script, ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (\S+)(.*)\n/.exec(out);
      if (m === null) return;
      resolve({
        url: m[1] ?? '',
        extra: (m[2] ?? '').trim(),
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
